package org.matrixcalculustutor.classroom;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.matrixcalculustutor.exercises.Exercise;
import org.matrixcalculustutor.exercises.ExerciseBank;
import org.matrixcalculustutor.exercises.ExerciseChecker;
import org.matrixcalculustutor.exercises.Learners;
import org.matrixcalculustutor.exercises.SolutionRule;
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
  private final ExerciseChecker checker;
  private final LessonCatalog lessons;

  StudentController(ClassroomService classrooms, ExerciseBank bank, ExerciseChecker checker,
      LessonCatalog lessons) {
    this.classrooms = classrooms;
    this.bank = bank;
    this.checker = checker;
    this.lessons = lessons;
  }

  /**
   * An attempt over JSON: codes for programs, titles and words for people.
   *
   * @param afterSolution whether the student had seen the solution before it
   */
  record AttemptView(long id, String exercise, String exerciseTitle, long seed, String answer, String verdict,
      List<String> diagnoses, List<String> diagnosisTitles, boolean afterSolution, Instant at) {

    static AttemptView of(Attempt a, ClassroomService classrooms) {
      return new AttemptView(a.getId(), a.getExerciseId(), classrooms.title(a.getExerciseId()), a.getSeed(),
          a.getAnswer(), a.getVerdict(), a.getDiagnosisCodes(), Words.diagnoses(a.getDiagnosisCodes()),
          a.isSolutionViewed(), a.getCreatedAt());
    }
  }

  /** A row of the history on the student's own page, the exercise named as their variant has it. */
  record HistoryRow(String at, String exerciseId, String exercise, String answer, String verdict, String diagnoses,
      boolean late, boolean afterSolution) {}

  /** Progress in one chapter, in course order: solved of assigned, and the chapter's address. */
  record Progress(int number, String chapter, String link, long solved, long assigned) {}

  /** An assigned exercise as the student sees it: their variant's title, and how far they got. */
  record Assigned(String id, String title, String status) {}

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
    Learners.Learner learner = new Learners.Learner(student.get().getId(), student.get().getDisplayName());
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
      String status = p.solved() ? (p.solutionShown() ? "solved after viewing the solution" : "solved")
          : p.attempts() > 0 ? "attempted" + (p.solutionShown() ? ", solution viewed" : "") : "to do";
      exercises.add(new Assigned(id, checker.variant(e, learner.seedFor(id)).title().tex(), status));
    }
    Classroom classroom = student.get().getClassroom();
    model.addAttribute("student", student.get());
    model.addAttribute("deadline", classroom.getDeadline() == null ? null
        : Words.time(classroom.getDeadline(), classroom.getZone()) + " (" + classroom.getZone().getId() + ")");
    model.addAttribute("attempts", attempts.stream().map(a -> new HistoryRow(Words.time(a.getCreatedAt(),
        classroom.getZone()), a.getExerciseId(), variantTitle(a.getExerciseId(), learner), a.getAnswer(), a.getVerdict(),
        String.join(", ", Words.diagnoses(a.getDiagnosisCodes())), classroom.isLate(a.getCreatedAt()),
        a.isSolutionViewed())).toList());
    model.addAttribute("progress", progress.values());
    model.addAttribute("assigned", exercises);
    return VIEW;
  }

  /** An exercise's title as this student's variant has it (the bank's title for an exercise since removed). */
  private String variantTitle(String exerciseId, Learners.Learner learner) {
    return bank.find(exerciseId).map(e -> checker.variant(e, learner.seedFor(exerciseId)).title().plain())
        .orElseGet(() -> classrooms.title(exerciseId));
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
