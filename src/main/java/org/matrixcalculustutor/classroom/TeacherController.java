package org.matrixcalculustutor.classroom;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.matrixcalculustutor.exercises.ExerciseBank;
import org.matrixcalculustutor.exercises.SolutionRule;
import org.springframework.http.CacheControl;
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

/**
 * The teacher's classes: gradebooks, what each student typed, how the class answered each
 * exercise, students and classes managed, CSV exports, and the join panel (signed-in teachers only).
 * Whatever removes or signs out asks first on a page of its own (no script needed).
 */
@Controller
class TeacherController {

  static final String CLASSES_VIEW = "classroom/teacher";
  static final String GRADEBOOK_VIEW = "classroom/gradebook";
  static final String EDIT_VIEW = "classroom/edit";
  static final String STUDENT_VIEW = "classroom/student";
  static final String EXERCISE_VIEW = "classroom/exercise";
  static final String JOIN_PANEL_VIEW = "classroom/join-panel";
  static final String CONFIRM_VIEW = "classroom/confirm";

  private final ClassroomService classrooms;
  private final Insight insight;
  private final JoinLinks links;
  private final ExerciseBank bank;

  TeacherController(ClassroomService classrooms, Insight insight, JoinLinks links, ExerciseBank bank) {
    this.classrooms = classrooms;
    this.insight = insight;
    this.links = links;
    this.bank = bank;
  }

  /**
   * A question before an action that cannot be undone.
   *
   * @param destructive whether the action deletes data: its button then has the danger style of "Delete…"
   * @param fields hidden form fields sent with the confirmation
   * @param exports links offered before the action (the class's CSV files before a deletion)
   */
  record Confirmation(String title, List<String> lines, String action, String button, boolean destructive,
      Map<String, String> fields, String cancel, Map<String, String> exports) {}

  // Classes

  @GetMapping("/teacher")
  String classes(Principal teacher, Model model) {
    List<Classroom> all = classrooms.classes(teacher.getName());
    model.addAttribute("classes", all.stream().filter(c -> !c.isArchived())
        .map(c -> new ClassSummary(c, classrooms.studentCount(c))).toList());
    model.addAttribute("archived", all.stream().filter(Classroom::isArchived)
        .map(c -> new ClassSummary(c, classrooms.studentCount(c))).toList());
    model.addAttribute("topics", bank.byTopic());
    if (!model.containsAttribute("defaultSolutionRule")) {
      model.addAttribute("defaultSolutionRule", SolutionRule.DEFAULT);
    }
    if (!model.containsAttribute("assigned")) {
      model.addAttribute("assigned", List.of());
    }
    if (!model.containsAttribute("zone")) {
      model.addAttribute("zone", Zones.serverDefault().getId());
      model.addAttribute("guessZone", true);
    }
    model.addAttribute("zones", Zones.with((String) model.getAttribute("zone")));
    return CLASSES_VIEW;
  }

  /** A class in the teacher's list. */
  record ClassSummary(Classroom classroom, long students) {

    public String summary() {
      return Words.count(students, "student") + ", " + Words.count(classroom.getExerciseIds().size(), "exercise");
    }
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
      Classroom saved = classrooms.setSolutionRule(teacher.getName(), id, rule(solutions, wrongAttempts));
      // said beside the form, which is at the bottom of the page, not in the message at its top
      redirect.addFlashAttribute("solutionSaved",
          "Saved: students may see solutions " + saved.getSolutionRule().describe() + ".");
    } catch (IllegalArgumentException e) {
      redirect.addFlashAttribute("solutionError", e.getMessage());
    }
    return "redirect:/teacher/classes/" + id;
  }

  @PostMapping("/teacher/classes")
  String create(Principal teacher, @RequestParam(defaultValue = "") String name,
      @RequestParam(name = "exercise", required = false) List<String> exercises,
      @RequestParam(required = false) String solutions, @RequestParam(required = false) Integer wrongAttempts,
      @RequestParam(required = false) String zone, @RequestParam(required = false) String deadline, Model model) {
    try {
      ZoneId chosen = Zones.parse(zone);
      Classroom created = classrooms.createClass(teacher.getName(), name, exercises, chosen,
          DeadlineField.forNewClass(deadline, chosen, Instant.now()), rule(solutions, wrongAttempts));
      return "redirect:/teacher/classes/" + created.getId();
    } catch (IllegalArgumentException e) {
      model.addAttribute(e instanceof DeadlineField.Refused ? "deadlineError" : "error", e.getMessage());
      model.addAttribute("name", name);
      model.addAttribute("zone", zone);
      model.addAttribute("deadline", deadline);
      // what the teacher chose stays chosen, so that correcting one field is all it takes
      model.addAttribute("assigned", exercises == null ? List.of() : exercises);
      try {
        model.addAttribute("defaultSolutionRule", rule(solutions, wrongAttempts));
      } catch (IllegalArgumentException unusable) {
        model.addAttribute("defaultSolutionRule", SolutionRule.DEFAULT);
      }
      return classes(teacher, model);
    }
  }

  @GetMapping("/teacher/classes/{id}")
  String gradebook(Principal teacher, @PathVariable long id, Model model) {
    Classroom classroom = classrooms.classOf(teacher.getName(), id);
    model.addAttribute("gradebook", classrooms.gradebook(classroom));
    model.addAttribute("joinUrl", links.join(classroom));
    model.addAttribute("joinShown", links.joinShown(classroom));
    model.addAttribute("deadline", deadlineText(classroom));
    model.addAttribute("studentCount", Words.count(classrooms.studentCount(classroom), "student"));
    return GRADEBOOK_VIEW;
  }

  /** The join address, code and QR code, large, for a projector. */
  @GetMapping("/teacher/classes/{id}/join")
  String joinPanel(Principal teacher, @PathVariable long id, Model model) {
    Classroom classroom = classrooms.classOf(teacher.getName(), id);
    model.addAttribute("classroom", classroom);
    model.addAttribute("joinUrl", links.join(classroom));
    model.addAttribute("joinShown", links.joinShown(classroom));
    model.addAttribute("joinPage", links.base().replaceFirst("^https?://", "") + "/join");
    return JOIN_PANEL_VIEW;
  }

  @GetMapping(value = "/teacher/classes/{id}/join-qr.svg", produces = "image/svg+xml")
  ResponseEntity<String> joinQr(Principal teacher, @PathVariable long id) {
    Classroom classroom = classrooms.classOf(teacher.getName(), id);
    return ResponseEntity.ok().cacheControl(CacheControl.noCache().cachePrivate())
        .contentType(MediaType.valueOf("image/svg+xml")).body(QrCode.svg(links.join(classroom)));
  }

  @GetMapping("/teacher/classes/{id}/edit")
  String edit(Principal teacher, @PathVariable long id, Model model) {
    Classroom classroom = classrooms.classOf(teacher.getName(), id);
    model.addAttribute("classroom", classroom);
    model.addAttribute("topics", bank.byTopic());
    model.addAttribute("zones", Zones.with(classroom.getZone().getId()));
    if (!model.containsAttribute("name")) {
      model.addAttribute("name", classroom.getName());
      model.addAttribute("assigned", classroom.getExerciseIds());
      model.addAttribute("zone", classroom.getZone().getId());
      model.addAttribute("deadline", DeadlineField.text(classroom.getDeadline(), classroom.getZone()));
    }
    if (!model.containsAttribute("deadlineError")) {
      model.addAttribute("deadlineWarning",
          DeadlineField.passedWarning(classroom.getDeadline(), classroom.getZone(), Instant.now()));
    }
    return EDIT_VIEW;
  }

  @PostMapping("/teacher/classes/{id}/edit")
  String update(Principal teacher, @PathVariable long id, @RequestParam(defaultValue = "") String name,
      @RequestParam(name = "exercise", required = false) List<String> exercises,
      @RequestParam(required = false) String zone, @RequestParam(required = false) String deadline, Model model,
      RedirectAttributes redirect) {
    try {
      ZoneId chosen = Zones.parse(zone);
      Instant now = Instant.now();
      Instant kept = DeadlineField.forEdit(deadline, chosen, now, classrooms.classOf(teacher.getName(), id));
      Classroom saved = classrooms.updateClass(teacher.getName(), id, name, exercises, chosen, kept);
      // kept because it was left as it was: saved, but the teacher is reminded what a passed deadline means
      redirect.addFlashAttribute("message", "The class is saved." + (!DeadlineField.hasPassed(saved.getDeadline(), now)
          ? "" : " Its deadline, " + Words.timeWithZone(saved.getDeadline(), saved.getZone())
              + ", has passed: every new answer is marked late."));
      return "redirect:/teacher/classes/" + id;
    } catch (IllegalArgumentException | IllegalStateException e) {
      model.addAttribute(e instanceof DeadlineField.Refused ? "deadlineError" : "error", e.getMessage());
      model.addAttribute("name", name);
      model.addAttribute("assigned", exercises == null ? List.of() : exercises);
      model.addAttribute("zone", zone);
      model.addAttribute("deadline", deadline);
      return edit(teacher, id, model);
    }
  }

  @GetMapping("/teacher/classes/{id}/close")
  String confirmClose(Principal teacher, @PathVariable long id, Model model) {
    Classroom classroom = classrooms.classOf(teacher.getName(), id);
    return confirm(model, new Confirmation("Close " + classroom.getName() + "?", List.of(
        "No one can join a closed class, and its students' new answers are no longer recorded (they can still practise).",
        "The gradebook stays, read-only. You can reopen the class at any time."),
        "/teacher/classes/" + id + "/close", "Close the class", false, Map.of(), "/teacher/classes/" + id, Map.of()));
  }

  @PostMapping("/teacher/classes/{id}/close")
  String close(Principal teacher, @PathVariable long id, RedirectAttributes redirect) {
    classrooms.close(teacher.getName(), id);
    redirect.addFlashAttribute("message", "The class is closed.");
    return "redirect:/teacher/classes/" + id;
  }

  @PostMapping("/teacher/classes/{id}/reopen")
  String reopen(Principal teacher, @PathVariable long id, RedirectAttributes redirect) {
    classrooms.reopen(teacher.getName(), id);
    redirect.addFlashAttribute("message", "The class is open again.");
    return "redirect:/teacher/classes/" + id;
  }

  @PostMapping("/teacher/classes/{id}/archive")
  String archive(Principal teacher, @PathVariable long id, RedirectAttributes redirect) {
    classrooms.archive(teacher.getName(), id);
    redirect.addFlashAttribute("message", "The class is archived (and closed).");
    return "redirect:/teacher/classes/" + id;
  }

  @PostMapping("/teacher/classes/{id}/unarchive")
  String unarchive(Principal teacher, @PathVariable long id, RedirectAttributes redirect) {
    classrooms.unarchive(teacher.getName(), id);
    redirect.addFlashAttribute("message", "The class is back in your list (still closed).");
    return "redirect:/teacher/classes/" + id;
  }

  @GetMapping("/teacher/classes/{id}/delete")
  String confirmDelete(Principal teacher, @PathVariable long id, Model model) {
    Classroom classroom = classrooms.classOf(teacher.getName(), id);
    long students = classrooms.studentCount(classroom);
    long attempts = classrooms.attemptsOf(classroom).size();
    String base = "/teacher/classes/" + id;
    return confirm(model, new Confirmation("Delete " + classroom.getName() + "?", List.of(
        "This deletes the class with " + Words.count(students, "student") + " and "
            + Words.count(attempts, "attempt") + ", for good. Students' links and devices stop working.",
        "Download what you want to keep first:"),
        base + "/delete", "Delete the class and its data", true, Map.of("confirm", "yes"), base,
        ordered("The gradebook (CSV)", base + "/gradebook.csv", "Every attempt (CSV)", base + "/attempts.csv")));
  }

  @PostMapping("/teacher/classes/{id}/delete")
  String delete(Principal teacher, @PathVariable long id, @RequestParam(defaultValue = "") String confirm,
      RedirectAttributes redirect) {
    if (!"yes".equals(confirm)) {
      return "redirect:/teacher/classes/" + id + "/delete";
    }
    String name = classrooms.classOf(teacher.getName(), id).getName();
    classrooms.delete(teacher.getName(), id);
    redirect.addFlashAttribute("message", "The class " + name + " and its data are deleted.");
    return "redirect:/teacher";
  }

  // What the class answered

  @GetMapping("/teacher/classes/{id}/exercises/{exerciseId}")
  String exercise(Principal teacher, @PathVariable long id, @PathVariable String exerciseId, Model model) {
    Classroom classroom = classrooms.classOf(teacher.getName(), id);
    if (!classroom.getExerciseIds().contains(exerciseId) && classrooms.attemptsAt(classroom, exerciseId).isEmpty()) {
      throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
    }
    model.addAttribute("classroom", classroom);
    model.addAttribute("answers", insight.exercise(classroom, exerciseId));
    return EXERCISE_VIEW;
  }

  // Students

  @GetMapping("/teacher/students/{id}")
  String student(Principal teacher, @PathVariable long id, Model model) {
    Student student = classrooms.studentOf(teacher.getName(), id);
    Classroom classroom = student.getClassroom();
    List<Insight.AttemptRow> attempts = insight.attempts(student);
    Tally tally = classrooms.tally(student);
    model.addAttribute("student", student);
    model.addAttribute("classroom", classroom);
    model.addAttribute("attempts", attempts);
    model.addAttribute("summary", tally.summary());
    model.addAttribute("notCounted", tally.notCountedNote());
    // the column appears once an attempt came after the solution: a column of blanks says nothing
    model.addAttribute("showSolutionViewed", attempts.stream().anyMatch(Insight.AttemptRow::solutionViewed));
    model.addAttribute("browsers", Words.count(classrooms.browsers(student), "browser"));
    model.addAttribute("joined", Words.time(student.getJoinedAt(), classroom.getZone()));
    Map<Long, Long> counts = classrooms.attemptCounts(classroom);
    model.addAttribute("others", classrooms.students(classroom).stream()
        .filter(s -> !s.getId().equals(student.getId()))
        .map(s -> new MergeCandidate(s, counts.getOrDefault(s.getId(), 0L))).toList());
    return STUDENT_VIEW;
  }

  /** A row the student's page offers to merge: two rows of one name differ by when they joined and what they did. */
  record MergeCandidate(Student student, long attempts) {

    /** "Bo Li (s-1), joined 2025-12-01 07:05:03, 3 attempts" (the page gives the zone). */
    public String label() {
      return TeacherController.label(student) + ", joined "
          + Words.time(student.getJoinedAt(), student.getClassroom().getZone()) + ", " + Words.count(attempts, "attempt");
    }
  }

  @PostMapping("/teacher/students/{id}/rename")
  String rename(Principal teacher, @PathVariable long id, @RequestParam(defaultValue = "") String name,
      @RequestParam(required = false) String number, RedirectAttributes redirect) {
    return act(redirect, "/teacher/students/" + id, () -> {
      classrooms.rename(teacher.getName(), id, name, number);
      return "Saved.";
    });
  }

  /** A new personal link; the student's browsers stay signed in. */
  @PostMapping("/teacher/students/{id}/reentry")
  String reentry(Principal teacher, @PathVariable long id, RedirectAttributes redirect) {
    ClassroomService.Reentry link = classrooms.reentry(teacher.getName(), id);
    redirect.addFlashAttribute("reentryStudent", link.student().getDisplayName());
    redirect.addFlashAttribute("reentryPath", "/join/again/" + link.token());
    redirect.addFlashAttribute("reentryLink", links.reentry(link.token()));
    redirect.addFlashAttribute("reentryExpires",
        Words.timeWithZone(link.expiresAt(), link.student().getClassroom().getZone()));
    return "redirect:/teacher/students/" + id;
  }

  @GetMapping("/teacher/students/{id}/sign-out")
  String confirmSignOut(Principal teacher, @PathVariable long id, Model model) {
    Student student = classrooms.studentOf(teacher.getName(), id);
    return confirm(model, new Confirmation("Sign " + student.getDisplayName() + " out everywhere?", List.of(
        "Every browser and device where " + student.getDisplayName() + " is signed in ("
            + Words.count(classrooms.browsers(student), "browser") + ") forgets them, and unused re-entry links stop working.",
        "Their work stays. To come back they need a new re-entry link from you, or to rejoin with their name and student number."),
        "/teacher/students/" + id + "/sign-out", "Sign out everywhere", false, Map.of(), "/teacher/students/" + id,
        Map.of()));
  }

  @PostMapping("/teacher/students/{id}/sign-out")
  String signOut(Principal teacher, @PathVariable long id, RedirectAttributes redirect) {
    classrooms.signOutEverywhere(teacher.getName(), id);
    redirect.addFlashAttribute("message", "Signed out everywhere.");
    return "redirect:/teacher/students/" + id;
  }

  @GetMapping("/teacher/students/{id}/remove")
  String confirmRemove(Principal teacher, @PathVariable long id, Model model) {
    Student student = classrooms.studentOf(teacher.getName(), id);
    return confirm(model, new Confirmation("Remove " + student.getDisplayName() + "?", List.of(
        "This removes " + student.getDisplayName() + " from " + student.getClassroom().getName() + " with "
            + Words.count(classrooms.attemptCount(student), "attempt") + ", for good.",
        "If they are the same person as another row, merge the two instead: merging keeps every attempt."),
        "/teacher/students/" + id + "/remove", "Remove the student", true, Map.of(), "/teacher/students/" + id,
        Map.of()));
  }

  @PostMapping("/teacher/students/{id}/remove")
  String remove(Principal teacher, @PathVariable long id, RedirectAttributes redirect) {
    Student student = classrooms.studentOf(teacher.getName(), id);
    return act(redirect, "/teacher/students/" + id, () -> {
      classrooms.remove(teacher.getName(), id);
      return student.getDisplayName() + " is removed.";
    }, "/teacher/classes/" + student.getClassroom().getId());
  }

  /** Merges another row into this student; asks first, naming both and what moves. */
  @PostMapping("/teacher/students/{id}/merge")
  String merge(Principal teacher, @PathVariable long id, @RequestParam(required = false) Long other,
      @RequestParam(defaultValue = "") String confirm, Model model, RedirectAttributes redirect) {
    if (other == null) {
      redirect.addFlashAttribute("error", "Choose the student to merge.");
      return "redirect:/teacher/students/" + id;
    }
    if (!"yes".equals(confirm)) {
      Student into = classrooms.studentOf(teacher.getName(), id);
      Student from = classrooms.studentOf(teacher.getName(), other);
      MergeCandidate stays = new MergeCandidate(into, classrooms.attemptCount(into));
      MergeCandidate goes = new MergeCandidate(from, classrooms.attemptCount(from));
      ZoneId zone = into.getClassroom().getZone();
      return confirm(model, new Confirmation("Merge " + from.getDisplayName() + " into " + into.getDisplayName() + "?",
          List.of(moving(goes.attempts(), label(from), label(into)),
              "The row that stays: " + stays.label() + ".",
              "The row that goes: " + goes.label() + ". Times in " + zone.getId() + ".",
              "Browsers signed in as " + from.getDisplayName() + " continue as " + into.getDisplayName()
                  + ". The row of " + label(from) + " goes."),
          "/teacher/students/" + id + "/merge", "Merge", false, ordered("other", other.toString(), "confirm", "yes"),
          "/teacher/students/" + id, Map.of()));
    }
    return act(redirect, "/teacher/students/" + id, () -> {
      classrooms.merge(teacher.getName(), id, other);
      return "Merged: every attempt is kept.";
    });
  }

  /** A map in the order given: key, value, key, value... */
  private static Map<String, String> ordered(String... keysAndValues) {
    Map<String, String> map = new java.util.LinkedHashMap<>();
    for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  /** "1 attempt of Bo Li moves to Bo Li (s-1), ..."; "2 attempts ... move"; none: nothing moves. */
  private static String moving(long attempts, String from, String into) {
    if (attempts == 0) {
      return from + " has no attempts to move; " + into + " keeps their name and attempts.";
    }
    return Words.count(attempts, "attempt") + " of " + from + (attempts == 1 ? " moves" : " move") + " to " + into
        + ", who keeps their name; every attempt stays, with its time and variant.";
  }

  private static String label(Student s) {
    return s.getDisplayName() + (s.getStudentNumber() == null ? "" : " (" + s.getStudentNumber() + ")");
  }

  // Exports

  @GetMapping("/teacher/classes/{id}/gradebook.csv")
  ResponseEntity<byte[]> gradebookCsv(Principal teacher, @PathVariable long id) {
    Classroom classroom = classrooms.classOf(teacher.getName(), id);
    return csv(fileName(classroom, "gradebook"), Csv.gradebook(classrooms.gradebook(classroom)));
  }

  @GetMapping("/teacher/classes/{id}/attempts.csv")
  ResponseEntity<byte[]> attemptsCsv(Principal teacher, @PathVariable long id) {
    Classroom classroom = classrooms.classOf(teacher.getName(), id);
    return csv(fileName(classroom, "attempts"), Csv.attempts(classroom, classrooms.attemptsOf(classroom), classrooms));
  }

  @GetMapping("/teacher/classes/{id}/diagnoses.csv")
  ResponseEntity<byte[]> diagnosesCsv(Principal teacher, @PathVariable long id) {
    Classroom classroom = classrooms.classOf(teacher.getName(), id);
    return csv(fileName(classroom, "diagnoses"), Csv.diagnoses(classrooms.gradebook(classroom)));
  }

  /** "linear-algebra-2-gradebook.csv": the class's name in letters, digits and dashes. */
  private static String fileName(Classroom classroom, String what) {
    String slug = java.text.Normalizer.normalize(classroom.getName(), java.text.Normalizer.Form.NFKD)
        .replaceAll("\\p{M}", "").toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
        .replaceAll("(^-|-$)", "");
    return (slug.isEmpty() ? "class-" + classroom.getId() : slug) + "-" + what + ".csv";
  }

  private static ResponseEntity<byte[]> csv(String filename, String body) {
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .body(body.getBytes(StandardCharsets.UTF_8));
  }

  // Small pieces used above

  private static String confirm(Model model, Confirmation confirmation) {
    model.addAttribute("confirmation", confirmation);
    return CONFIRM_VIEW;
  }

  private static String act(RedirectAttributes redirect, String back, Supplier<String> action) {
    return act(redirect, back, action, back);
  }

  /** Runs an action and goes to next with its message, or back to back with the reason it was refused. */
  private static String act(RedirectAttributes redirect, String back, Supplier<String> action, String next) {
    try {
      redirect.addFlashAttribute("message", action.get());
      return "redirect:" + next;
    } catch (IllegalArgumentException | IllegalStateException e) {
      redirect.addFlashAttribute("error", e.getMessage());
      return "redirect:" + back;
    }
  }

  private static String deadlineText(Classroom classroom) {
    return classroom.getDeadline() == null ? null : Words.timeWithZone(classroom.getDeadline(), classroom.getZone());
  }
}
