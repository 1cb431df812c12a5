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

/** Students join a class with its code and a display name, without a password. */
@Controller
class JoinController {

  static final String VIEW = "classroom/join";

  private final ClassroomService classrooms;
  private final RateLimiter rateLimiter;

  JoinController(ClassroomService classrooms, RateLimiter rateLimiter) {
    this.classrooms = classrooms;
    this.rateLimiter = rateLimiter;
  }

  @GetMapping("/join")
  String form(@RequestParam(required = false) String code, Model model) {
    model.addAttribute("code", code == null ? "" : code);
    return VIEW;
  }

  @PostMapping("/join")
  String join(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String name,
      @RequestParam(required = false) String number, HttpServletRequest request, HttpServletResponse response,
      Model model) {
    rateLimiter.join(request.getRemoteAddr());
    model.addAttribute("code", code);
    model.addAttribute("name", name);
    model.addAttribute("number", number);
    try {
      Optional<ClassroomService.Joined> joined = classrooms.join(code, name, number);
      if (joined.isEmpty()) {
        model.addAttribute("error", "No class has the code '" + code.strip() + "'. Check it with your teacher.");
        return VIEW;
      }
      StudentCookie.write(response, request, joined.get().token());
      return "redirect:/me";
    } catch (IllegalArgumentException e) {
      model.addAttribute("error", e.getMessage());
      return VIEW;
    }
  }

  /** A personal re-entry link from the teacher: sets the cookie again on a new device. */
  @GetMapping("/join/again/{token}")
  String reenter(@PathVariable String token, HttpServletRequest request, HttpServletResponse response) {
    rateLimiter.join(request.getRemoteAddr());
    classrooms.byToken(token).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    StudentCookie.write(response, request, token);
    return "redirect:/me";
  }
}
