package org.matrixcalculustutor.classroom;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import org.matrixcalculustutor.exercises.ExerciseBank;
import org.matrixcalculustutor.exercises.SolutionRule;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The teacher's classes, their gradebooks and CSV exports (signed-in teachers only). */
@Controller
class TeacherController {

  static final String CLASSES_VIEW = "classroom/teacher";
  static final String GRADEBOOK_VIEW = "classroom/gradebook";

  private final ClassroomService classrooms;
  private final ExerciseBank bank;

  TeacherController(ClassroomService classrooms, ExerciseBank bank) {
    this.classrooms = classrooms;
    this.bank = bank;
  }

  @GetMapping("/teacher")
  String classes(Principal teacher, Model model) {
    model.addAttribute("classes", classrooms.classes(teacher.getName()));
    model.addAttribute("topics", bank.byTopic());
    model.addAttribute("defaultSolutionRule", SolutionRule.DEFAULT);
    return CLASSES_VIEW;
  }

  /** The rule a form chose: solutions=always|after-wrong-attempts|after-solving, wrongAttempts=N. */
  private static SolutionRule rule(String solutions, Integer wrongAttempts) {
    return new SolutionRule(solutions == null || solutions.isBlank() ? SolutionRule.DEFAULT.when()
        : SolutionRule.When.parse(solutions), wrongAttempts == null ? SolutionRule.DEFAULT_WRONG_ATTEMPTS : wrongAttempts);
  }

  @PostMapping("/teacher/classes/{id}/solutions")
  String solutions(Principal teacher, @PathVariable long id, @RequestParam(required = false) String solutions,
      @RequestParam(required = false) Integer wrongAttempts, RedirectAttributes redirect) {
    try {
      classrooms.setSolutionRule(teacher.getName(), id, rule(solutions, wrongAttempts));
    } catch (IllegalArgumentException e) {
      redirect.addFlashAttribute("solutionError", e.getMessage());
    }
    return "redirect:/teacher/classes/" + id;
  }

  @PostMapping("/teacher/classes")
  String create(Principal teacher, @RequestParam(defaultValue = "") String name,
      @RequestParam(name = "exercise", required = false) List<String> exercises,
      @RequestParam(required = false) String solutions, @RequestParam(required = false) Integer wrongAttempts,
      Model model, RedirectAttributes redirect) {
    try {
      Classroom created = classrooms.createClass(teacher.getName(), name, exercises, rule(solutions, wrongAttempts));
      return "redirect:/teacher/classes/" + created.getId();
    } catch (IllegalArgumentException e) {
      model.addAttribute("error", e.getMessage());
      model.addAttribute("name", name);
      return classes(teacher, model);
    }
  }

  @GetMapping("/teacher/classes/{id}")
  String gradebook(Principal teacher, @PathVariable long id, Model model) {
    Classroom classroom = classrooms.classOf(teacher.getName(), id);
    model.addAttribute("gradebook", classrooms.gradebook(classroom));
    model.addAttribute("bank", bank);
    return GRADEBOOK_VIEW;
  }

  @PostMapping("/teacher/students/{id}/reentry")
  String reentry(Principal teacher, @PathVariable long id, RedirectAttributes redirect) {
    ClassroomService.Joined joined = classrooms.reentry(teacher.getName(), id);
    redirect.addFlashAttribute("reentryStudent", joined.student().getDisplayName());
    redirect.addFlashAttribute("reentryPath", "/join/again/" + joined.token());
    return "redirect:/teacher/classes/" + joined.student().getClassroom().getId();
  }

  @GetMapping("/teacher/classes/{id}/gradebook.csv")
  ResponseEntity<byte[]> gradebookCsv(Principal teacher, @PathVariable long id) {
    Gradebook book = classrooms.gradebook(classrooms.classOf(teacher.getName(), id));
    return csv("gradebook-" + id + ".csv", Csv.gradebook(book));
  }

  @GetMapping("/teacher/classes/{id}/diagnoses.csv")
  ResponseEntity<byte[]> diagnosesCsv(Principal teacher, @PathVariable long id) {
    Gradebook book = classrooms.gradebook(classrooms.classOf(teacher.getName(), id));
    return csv("diagnoses-" + id + ".csv", Csv.diagnoses(book));
  }

  private static ResponseEntity<byte[]> csv(String filename, String body) {
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .body(body.getBytes(StandardCharsets.UTF_8));
  }
}
