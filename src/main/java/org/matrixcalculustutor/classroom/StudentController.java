package org.matrixcalculustutor.classroom;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.matrixcalculustutor.exercises.Exercise;
import org.matrixcalculustutor.exercises.ExerciseBank;
import org.matrixcalculustutor.exercises.ExerciseChecker;
import org.matrixcalculustutor.exercises.Learners;
import org.matrixcalculustutor.exercises.SolutionRule;
import org.matrixcalculustutor.grading.DiagnosisCode;
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
  private final ClassroomLearners learners;
  private final ExerciseBank bank;
  private final ExerciseChecker checker;
  private final LessonCatalog lessons = LessonCatalog.load();

  StudentController(ClassroomService classrooms, ClassroomLearners learners, ExerciseBank bank,
      ExerciseChecker checker) {
    this.classrooms = classrooms;
    this.learners = learners;
    this.bank = bank;
    this.checker = checker;
  }

  /**
   * One attempt; diagnoses are codes (for programs) and in words (for people).
   *
   * @param afterSolution whether the student had seen the solution before it
   */
  record AttemptView(long id, String exercise, long seed, String answer, String verdict, List<String> diagnoses,
      List<String> diagnosesInWords, boolean afterSolution, Instant at) {

    static AttemptView of(Attempt a) {
      return new AttemptView(a.getId(), a.getExerciseId(), a.getSeed(), a.getAnswer(), a.getVerdict(),
          a.getDiagnosisCodes(), a.getDiagnosisCodes().stream().map(StudentController::words).toList(),
          a.isSolutionViewed(), a.getCreatedAt());
    }
  }

  /** A diagnosis code in plain words ("wrong sign"); a code this version does not know stays as stored. */
  static String words(String code) {
    try {
      return DiagnosisCode.valueOf(code).title();
    } catch (IllegalArgumentException unknown) {
      return code;
    }
  }

  /** Progress in one chapter, in course order: solved of assigned, and the chapter's address. */
  record Progress(int number, String chapter, String link, long solved, long assigned) {}

  /** An assigned exercise as the student sees it: their variant's title, and how far they got. */
  record Assigned(String id, String title, String status) {}

  private Optional<Student> current(HttpServletRequest request) {
    return learners.current(request).flatMap(l -> classrooms.student(l.id()));
  }

  @GetMapping("/me")
  String me(HttpServletRequest request, Model model) {
    Optional<Student> student = current(request);
    if (student.isEmpty()) {
      return "redirect:/join";
    }
    List<Attempt> attempts = classrooms.attemptsOf(student.get());
    List<String> assigned = student.get().getClassroom().getExerciseIds();
    Map<String, SolutionRule.Progress> done = classrooms.progress(student.get());
    Map<String, Progress> progress = new TreeMap<>();
    List<Assigned> exercises = new ArrayList<>();
    for (String id : assigned) {
      Exercise e = bank.find(id).orElse(null);
      if (e == null) {
        continue;
      }
      SolutionRule.Progress p = done.getOrDefault(id, SolutionRule.Progress.NONE);
      Progress chapter = lessons.lesson(e.chapter())
          .map(l -> new Progress(l.number(), l.number() + ". " + l.title(), "/lessons/" + l.slug(), 0, 0))
          .orElse(new Progress(lessons.lessons().size() + 1, e.topic(), "/exercises", 0, 0));
      progress.merge(String.format("%03d %s", chapter.number(), chapter.chapter()),
          new Progress(chapter.number(), chapter.chapter(), chapter.link(), p.solved() ? 1 : 0, 1),
          (a, b) -> new Progress(a.number(), a.chapter(), a.link(), a.solved() + b.solved(), a.assigned() + b.assigned()));
      long seed = new Learners.Learner(student.get().getId(), student.get().getDisplayName()).seedFor(id);
      String status = p.solved() ? (p.solutionShown() ? "solved after viewing the solution" : "solved")
          : p.attempts() > 0 ? "attempted" + (p.solutionShown() ? ", solution viewed" : "") : "to do";
      exercises.add(new Assigned(id, checker.variant(e, seed).title().tex(), status));
    }
    Map<String, String> titles = new LinkedHashMap<>(); // each exercise's title as this student's variant has it
    Learners.Learner learner = new Learners.Learner(student.get().getId(), student.get().getDisplayName());
    attempts.stream().map(Attempt::getExerciseId).distinct().forEach(id -> bank.find(id)
        .ifPresent(e -> titles.put(id, checker.variant(e, learner.seedFor(id)).title().plain())));
    model.addAttribute("student", student.get());
    model.addAttribute("attempts", attempts.stream().map(AttemptView::of).toList());
    model.addAttribute("titles", titles);
    model.addAttribute("progress", progress.values());
    model.addAttribute("assigned", exercises);
    return VIEW;
  }

  @GetMapping("/api/me/attempts")
  @ResponseBody
  List<AttemptView> myAttempts(HttpServletRequest request) {
    Student student = current(request).orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED,
        "join a class first: your attempts are kept once you have"));
    return classrooms.attemptsOf(student).stream().map(AttemptView::of).toList();
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
    return classrooms.attemptsOf(student).stream().map(AttemptView::of).toList();
  }
}
