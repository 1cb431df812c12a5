package org.matrixcalculustutor.classroom;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.matrixcalculustutor.exercises.Exercise;
import org.matrixcalculustutor.exercises.ExerciseBank;
import org.matrixcalculustutor.lessons.LessonCatalog;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/** A student's own progress and history; nobody sees another student's work. */
@Controller
class StudentController {

  static final String VIEW = "classroom/me";

  private final ClassroomService classrooms;
  private final ExerciseBank bank;
  private final LessonCatalog lessons = LessonCatalog.load();

  StudentController(ClassroomService classrooms, ExerciseBank bank) {
    this.classrooms = classrooms;
    this.bank = bank;
  }

  /** An attempt over JSON: codes for programs, titles and words for people. */
  record AttemptView(long id, String exercise, String exerciseTitle, long seed, String answer, String verdict,
      List<String> diagnoses, List<String> diagnosisTitles, Instant at) {

    static AttemptView of(Attempt a, ClassroomService classrooms) {
      return new AttemptView(a.getId(), a.getExerciseId(), classrooms.title(a.getExerciseId()), a.getSeed(),
          a.getAnswer(), a.getVerdict(), a.getDiagnosisCodes(), Words.diagnoses(a.getDiagnosisCodes()),
          a.getCreatedAt());
    }
  }

  /** A row of the history on the student's own page. */
  record HistoryRow(String at, String exercise, String answer, String verdict, String diagnoses, boolean late) {}

  /** Progress in one chapter: solved of assigned. */
  record Progress(String chapter, long solved, long assigned) {}

  /** The student of this browser, also in a closed class (they still see their work). */
  private Optional<Student> current(HttpServletRequest request) {
    Object known = request.getAttribute(ClassroomLearners.ATTRIBUTE);
    if (known instanceof Student student) {
      return classrooms.student(student.getId());
    }
    return StudentCookie.read(request).flatMap(classrooms::byToken);
  }

  @GetMapping("/me")
  String me(HttpServletRequest request, Model model) {
    Optional<Student> student = current(request);
    if (student.isEmpty()) {
      return "redirect:/join";
    }
    List<Attempt> attempts = classrooms.attemptsOf(student.get());
    List<String> assigned = student.get().getClassroom().getExerciseIds();
    Map<String, Progress> progress = new LinkedHashMap<>();
    for (String id : assigned) {
      Exercise e = bank.find(id).orElse(null);
      if (e == null) {
        continue;
      }
      boolean solved = attempts.stream().anyMatch(a -> a.getExerciseId().equals(id) && a.isCorrect());
      String chapter = lessons.lesson(e.chapter()).map(l -> l.number() + ". " + l.title()).orElse(e.topic());
      progress.merge(chapter, new Progress(chapter, solved ? 1 : 0, 1),
          (a, b) -> new Progress(a.chapter(), a.solved() + b.solved(), a.assigned() + b.assigned()));
    }
    Classroom classroom = student.get().getClassroom();
    model.addAttribute("student", student.get());
    model.addAttribute("deadline", classroom.getDeadline() == null ? null
        : Words.time(classroom.getDeadline(), classroom.getZone()) + " (" + classroom.getZone().getId() + ")");
    model.addAttribute("attempts", attempts.stream().map(a -> new HistoryRow(Words.time(a.getCreatedAt(),
        classroom.getZone()), classrooms.title(a.getExerciseId()), a.getAnswer(), a.getVerdict(),
        String.join(", ", Words.diagnoses(a.getDiagnosisCodes())), classroom.isLate(a.getCreatedAt()))).toList());
    model.addAttribute("progress", progress.values());
    model.addAttribute("assigned", assigned.stream().map(bank::find).flatMap(Optional::stream).toList());
    model.addAttribute("solved", attempts.stream().filter(Attempt::isCorrect).map(Attempt::getExerciseId)
        .distinct().toList());
    return VIEW;
  }

  @GetMapping("/api/me/attempts")
  @ResponseBody
  List<AttemptView> myAttempts(HttpServletRequest request) {
    Student student = current(request).orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED,
        "join a class first: your attempts are kept once you have"));
    return classrooms.attemptsOf(student).stream().map(a -> AttemptView.of(a, classrooms)).toList();
  }

  /** A student's attempts: for that student, or for the teacher of their class; 403 for anyone else. */
  @GetMapping("/api/students/{id}/attempts")
  @ResponseBody
  List<AttemptView> attempts(@PathVariable long id, HttpServletRequest request, Principal principal) {
    Student student = classrooms.student(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN,
        "these attempts are not yours"));
    boolean self = current(request).map(s -> s.getId().equals(student.getId())).orElse(false);
    boolean teacher = principal != null
        && student.getClassroom().getTeacher().getUsername().equals(principal.getName());
    if (!self && !teacher) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "these attempts are not yours");
    }
    return classrooms.attemptsOf(student).stream().map(a -> AttemptView.of(a, classrooms)).toList();
  }
}
