package org.matrixcalculustutor.classroom;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.matrixcalculustutor.web.RateLimiter;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Students join a class with its code and a display name, without a password, or come back with a
 * personal re-entry link. Opening a link only shows whom it is for; the button that uses it is a
 * form post, so a link preview in a chat cannot use it up, and a browser that is already someone
 * else says so before it changes.
 */
@Controller
class JoinController {

  static final String VIEW = "classroom/join";
  static final String AGAIN_VIEW = "classroom/join-again";

  private final ClassroomService classrooms;
  private final RateLimiter rateLimiter;

  JoinController(ClassroomService classrooms, RateLimiter rateLimiter) {
    this.classrooms = classrooms;
    this.rateLimiter = rateLimiter;
  }

  @GetMapping("/join")
  String form(@RequestParam(required = false) String code, HttpServletRequest request, Model model) {
    model.addAttribute("code", shown(code));
    model.addAttribute("current", current(request).orElse(null));
    return VIEW;
  }

  /**
   * Joins as a new student, or, when a student with this name and student number is in the class
   * already, offers that record first (choice "resume") or a new one anyway (choice "new").
   */
  @PostMapping("/join")
  String join(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String name,
      @RequestParam(required = false) String number, @RequestParam(required = false) String choice,
      HttpServletRequest request, HttpServletResponse response, Model model) {
    model.addAttribute("code", shown(code));
    model.addAttribute("name", name);
    model.addAttribute("number", number);
    model.addAttribute("current", current(request).orElse(null));
    try {
      rateLimiter.checkGuessing(request.getRemoteAddr());
      Optional<Classroom> classroom = classrooms.byCode(code);
      if (classroom.isEmpty()) {
        rateLimiter.wrongCode(request.getRemoteAddr());
        model.addAttribute("error", "No class has the code '" + shown(code) + "'. Check it with your teacher.");
        return VIEW;
      }
      if (classroom.get().isClosed()) {
        model.addAttribute("error", "The class '" + classroom.get().getName() + "' is closed: it takes no new students.");
        return VIEW;
      }
      rateLimiter.join(classroom.get().getJoinCode());
      ClassroomService.Names names = ClassroomService.Names.of(name, number);
      Optional<Student> earlier = classrooms.returning(classroom.get(), names);
      ClassroomService.Joined joined;
      if (earlier.isPresent() && "resume".equals(choice)) {
        joined = classrooms.resume(earlier.get());
      } else if (earlier.isPresent() && !"new".equals(choice)) {
        model.addAttribute("earlier", earlier.get());
        model.addAttribute("earlierAttempts", Words.count(classrooms.attemptCount(earlier.get()), "attempt"));
        return VIEW;
      } else {
        joined = classrooms.join(classroom.get(), names);
      }
      StudentCookie.write(response, request, joined.token());
      return "redirect:/me";
    } catch (ResponseStatusException e) {
      response.setStatus(e.getStatusCode().value());
      model.addAttribute("error", e.getReason());
      return VIEW;
    } catch (IllegalArgumentException | IllegalStateException e) {
      model.addAttribute("error", e.getMessage());
      return VIEW;
    }
  }

  /** Shows whom a re-entry link is for and asks before this browser becomes them; uses nothing. */
  @GetMapping("/join/again/{token}")
  String again(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
    rateLimiter.checkGuessing(request.getRemoteAddr());
    Optional<Student> student = classrooms.reentryStudent(token);
    if (student.isEmpty()) {
      return unknownLink(request, response, model);
    }
    Optional<Student> current = current(request);
    model.addAttribute("student", student.get());
    model.addAttribute("current", current.orElse(null));
    model.addAttribute("same", current.map(c -> c.getId().equals(student.get().getId())).orElse(false));
    model.addAttribute("token", token);
    return AGAIN_VIEW;
  }

  /** Uses a re-entry link once: this browser becomes its student. */
  @PostMapping("/join/again/{token}")
  String useAgain(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
    rateLimiter.checkGuessing(request.getRemoteAddr());
    Optional<ClassroomService.Joined> joined = classrooms.useReentry(token);
    if (joined.isEmpty()) {
      return unknownLink(request, response, model);
    }
    StudentCookie.write(response, request, joined.get().token());
    return "redirect:/me";
  }

  private String unknownLink(HttpServletRequest request, HttpServletResponse response, Model model) {
    rateLimiter.wrongCode(request.getRemoteAddr());
    response.setStatus(HttpStatus.NOT_FOUND.value());
    model.addAttribute("student", null);
    model.addAttribute("current", current(request).orElse(null));
    return AGAIN_VIEW;
  }

  /** A code as typed, cleaned and cut to what a code can be, to show back. */
  private static String shown(String code) {
    String cleaned = FreeText.clean(code);
    return cleaned.length() > 32 ? cleaned.substring(0, 32) + "…" : cleaned;
  }

  private Optional<Student> current(HttpServletRequest request) {
    return StudentCookie.read(request).flatMap(classrooms::byToken);
  }
}
