package org.matrixcalculustutor.classroom;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.matrixcalculustutor.exercises.Exercise;
import org.matrixcalculustutor.exercises.ExerciseBank;
import org.matrixcalculustutor.exercises.ShownWork;
import org.matrixcalculustutor.exercises.SolutionRule;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Classes, students and their attempts. Every teacher's operation looks the class or student up
 * through the teacher's name, so one teacher can never reach another's class (404, as if absent).
 */
@Service
@Transactional
public class ClassroomService {

  static final int MAX_NAME_LENGTH = 100;
  static final int MAX_NUMBER_LENGTH = 50;

  /** The most lines, and characters a line, of shown work stored with an attempt (the checker's limits). */
  static final int MAX_WORK_LINES = 40;
  static final int MAX_WORK_LINE = 2000;

  private final TeacherRepository teachers;
  private final ClassroomRepository classrooms;
  private final StudentRepository students;
  private final StudentTokenRepository tokens;
  private final ReentryLinkRepository links;
  private final AttemptRepository attempts;
  private final SolutionViewRepository solutionViews;
  private final ValidationSlipRepository slips;
  private final ExerciseBank bank;

  ClassroomService(TeacherRepository teachers, ClassroomRepository classrooms, StudentRepository students,
      StudentTokenRepository tokens, ReentryLinkRepository links, AttemptRepository attempts,
      SolutionViewRepository solutionViews, ValidationSlipRepository slips, ExerciseBank bank) {
    this.teachers = teachers;
    this.classrooms = classrooms;
    this.students = students;
    this.tokens = tokens;
    this.links = links;
    this.attempts = attempts;
    this.solutionViews = solutionViews;
    this.slips = slips;
    this.bank = bank;
  }

  /** A student who joined or came back, with the token for this browser's cookie (shown once, stored hashed). */
  public record Joined(Student student, String token) {}

  /** A new re-entry link's value (shown once, stored hashed) and until when it works. */
  public record Reentry(Student student, String token, Instant expiresAt) {}

  /** A name and a student number as they are stored: cleaned and checked. */
  record Names(String name, String number) {

    static Names of(String displayName, String studentNumber) {
      String name = FreeText.clean(displayName);
      if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
        throw new IllegalArgumentException("give a display name of 1 to " + MAX_NAME_LENGTH + " characters");
      }
      String number = FreeText.clean(studentNumber);
      if (number.length() > MAX_NUMBER_LENGTH) {
        throw new IllegalArgumentException("a student number has at most " + MAX_NUMBER_LENGTH + " characters");
      }
      return new Names(name, number.isEmpty() ? null : number);
    }
  }

  // Classes

  public Teacher teacher(String username) {
    return teachers.findByUsername(username).orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
  }

  public Classroom createClass(String username, String name, List<String> exerciseIds) {
    return createClass(username, name, exerciseIds, Zones.serverDefault(), null, SolutionRule.DEFAULT);
  }

  /** A new class: the zone its times are shown in, an optional deadline, and when solutions may be shown. */
  public Classroom createClass(String username, String name, List<String> exerciseIds, ZoneId zone,
      Instant deadline, SolutionRule solutions) {
    String code;
    do {
      code = Tokens.joinCode();
    } while (classrooms.findByJoinCode(code).isPresent());
    Classroom classroom = new Classroom(teacher(username), className(name), code, known(exerciseIds),
        zone == null ? Zones.serverDefault() : zone);
    classroom.setDeadline(deadline);
    classroom.setSolutionRule(solutions == null ? SolutionRule.DEFAULT : solutions);
    return classrooms.save(classroom);
  }

  /** Changes when the students of a class of this teacher may see solutions. */
  public Classroom setSolutionRule(String username, long classId, SolutionRule solutions) {
    Classroom classroom = open(classOf(username, classId));
    classroom.setSolutionRule(solutions);
    return classrooms.save(classroom);
  }

  /** Changes a class's name, exercises, time zone and deadline; attempts at exercises taken off stay stored. */
  public Classroom updateClass(String username, long id, String name, List<String> exerciseIds, ZoneId zone,
      Instant deadline) {
    Classroom classroom = open(classOf(username, id));
    classroom.setName(className(name));
    classroom.setExerciseIds(known(exerciseIds));
    if (zone != null) {
      classroom.setZone(zone);
    }
    classroom.setDeadline(deadline);
    return classrooms.save(classroom);
  }

  private static String className(String name) {
    String cleaned = FreeText.clean(name);
    if (cleaned.isEmpty() || cleaned.length() > MAX_NAME_LENGTH) {
      throw new IllegalArgumentException("give the class a name of 1 to " + MAX_NAME_LENGTH + " characters");
    }
    return cleaned;
  }

  private List<String> known(List<String> exerciseIds) {
    List<String> known = exerciseIds == null ? List.of()
        : exerciseIds.stream().filter(Objects::nonNull).filter(id -> bank.find(id).isPresent()).distinct().toList();
    if (known.isEmpty()) {
      throw new IllegalArgumentException("pick at least one exercise");
    }
    return known;
  }

  @Transactional(readOnly = true)
  public List<Classroom> classes(String username) {
    return classrooms.findByTeacherOrderByCreatedAtDesc(teacher(username));
  }

  /** A class of this teacher; 404 for a class that is not theirs, so ids cannot be probed. */
  @Transactional(readOnly = true)
  public Classroom classOf(String username, long id) {
    return classrooms.findById(id).filter(c -> c.getTeacher().getUsername().equals(username))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }

  private static Classroom open(Classroom classroom) {
    if (classroom.isClosed()) {
      throw new IllegalStateException("The class is closed: reopen it to change it.");
    }
    return classroom;
  }

  public Classroom close(String username, long id) {
    Classroom classroom = classOf(username, id);
    if (!classroom.isClosed()) {
      classroom.setClosedAt(Instant.now());
    }
    return classrooms.save(classroom);
  }

  public Classroom reopen(String username, long id) {
    Classroom classroom = classOf(username, id);
    classroom.setClosedAt(null);
    classroom.setArchivedAt(null);
    return classrooms.save(classroom);
  }

  /** Archiving closes the class too and moves it out of the list of current classes. */
  public Classroom archive(String username, long id) {
    Classroom classroom = close(username, id);
    classroom.setArchivedAt(Instant.now());
    return classrooms.save(classroom);
  }

  public Classroom unarchive(String username, long id) {
    Classroom classroom = classOf(username, id);
    classroom.setArchivedAt(null);
    return classrooms.save(classroom);
  }

  /** Deletes a class with every student, token, link, attempt, solution seen and slip of it. */
  public void delete(String username, long id) {
    Classroom classroom = classOf(username, id);
    attempts.deleteByClassroom(classroom);
    solutionViews.deleteByClassroom(classroom);
    slips.deleteByClassroom(classroom);
    tokens.deleteByClassroom(classroom);
    links.deleteByClassroom(classroom);
    students.deleteByClassroom(classroom);
    classrooms.delete(classrooms.findById(id).orElseThrow());
  }

  @Transactional(readOnly = true)
  public long studentCount(Classroom classroom) {
    return students.countByClassroom(classroom);
  }

  // Joining

  /** The class a join code opens, ignoring case and surrounding spaces. */
  @Transactional(readOnly = true)
  public Optional<Classroom> byCode(String code) {
    String normalized = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
    return normalized.isEmpty() || normalized.length() > 32 ? Optional.empty()
        : classrooms.findByJoinCode(normalized);
  }

  /** Joins the class of the code as a new student; empty when no class has the code. */
  public Optional<Joined> join(String code, String displayName, String studentNumber) {
    Names names = Names.of(displayName, studentNumber);
    return byCode(code).map(classroom -> join(classroom, names));
  }

  Joined join(Classroom classroom, Names names) {
    if (classroom.isClosed()) {
      throw new IllegalStateException("This class is closed: it takes no new students.");
    }
    return signIn(students.save(new Student(classroom, names.name(), names.number())));
  }

  /**
   * The student a rejoin with this name and student number would be, if they joined before. A
   * name alone is not enough (two students may share one, and anyone can type a name).
   */
  @Transactional(readOnly = true)
  public Optional<Student> returning(Classroom classroom, Names names) {
    if (names.number() == null) {
      return Optional.empty();
    }
    String key = FreeText.key(names.name());
    return students.findByClassroomAndStudentNumber(classroom, names.number()).stream()
        .filter(s -> FreeText.key(s.getDisplayName()).equals(key))
        .min(Comparator.comparing(Student::getJoinedAt));
  }

  /** This browser continues as an existing student; the student's other browsers stay signed in. */
  public Joined resume(Student student) {
    if (student.getClassroom().isClosed()) {
      throw new IllegalStateException("This class is closed.");
    }
    return signIn(students.findById(student.getId()).orElseThrow());
  }

  private Joined signIn(Student student) {
    String token = Tokens.studentToken();
    tokens.save(new StudentToken(Tokens.hash(token), student));
    return new Joined(student, token);
  }

  @Transactional(readOnly = true)
  public Optional<Student> byToken(String token) {
    return token == null || token.isBlank() || token.length() > 200 ? Optional.empty()
        : tokens.findById(Tokens.hash(token)).map(StudentToken::getStudent);
  }

  @Transactional(readOnly = true)
  public Optional<Student> student(long id) {
    return students.findById(id);
  }

  // Re-entry links

  /** A new personal link for a student of this teacher; the student's browsers stay signed in. */
  public Reentry reentry(String username, long studentId) {
    Student student = studentOf(username, studentId);
    links.deleteExpired(Instant.now());
    String token = Tokens.studentToken();
    ReentryLink link = links.save(new ReentryLink(Tokens.hash(token), student));
    return new Reentry(student, token, link.getExpiresAt());
  }

  /** The student a re-entry link is for, while it is unused and not expired; looking does not use it. */
  @Transactional(readOnly = true)
  public Optional<Student> reentryStudent(String linkToken) {
    return link(linkToken).map(ReentryLink::getStudent);
  }

  private Optional<ReentryLink> link(String linkToken) {
    return linkToken == null || linkToken.isBlank() || linkToken.length() > 200 ? Optional.empty()
        : links.findById(Tokens.hash(linkToken)).filter(l -> l.isValid(Instant.now()));
  }

  /** Uses a re-entry link once: this browser becomes its student; a second use finds nothing. */
  public Optional<Joined> useReentry(String linkToken) {
    Optional<ReentryLink> link = link(linkToken);
    if (link.isEmpty() || links.use(Tokens.hash(linkToken)) != 1) {
      return Optional.empty();
    }
    return Optional.of(signIn(students.findById(link.get().getStudent().getId()).orElseThrow()));
  }

  /** Signs a student out of every browser and voids their unused links. */
  public void signOutEverywhere(String username, long studentId) {
    Student student = studentOf(username, studentId);
    tokens.deleteByStudent(student);
    links.deleteByStudent(student);
  }

  @Transactional(readOnly = true)
  public long browsers(Student student) {
    return tokens.countByStudent(student);
  }

  // Students as people

  /** A student of one of this teacher's classes; 404 otherwise. */
  @Transactional(readOnly = true)
  public Student studentOf(String username, long studentId) {
    return students.findById(studentId)
        .filter(s -> s.getClassroom().getTeacher().getUsername().equals(username))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }

  public Student rename(String username, long studentId, String displayName, String studentNumber) {
    Student student = studentOf(username, studentId);
    open(student.getClassroom());
    Names names = Names.of(displayName, studentNumber);
    student.setDisplayName(names.name());
    student.setStudentNumber(names.number());
    return students.save(student);
  }

  /** Removes a student with their attempts, solutions seen, slips, browsers and links. */
  public Classroom remove(String username, long studentId) {
    Student student = studentOf(username, studentId);
    Classroom classroom = open(student.getClassroom());
    attempts.deleteByStudent(student);
    solutionViews.deleteByStudent(student);
    slips.deleteByStudent(student);
    tokens.deleteByStudent(student);
    links.deleteByStudent(student);
    students.deleteById(studentId);
    return classroom;
  }

  /**
   * Merges a duplicate into a student: every attempt, browser and link of the duplicate moves over
   * (attempts keep their own variant and time), the duplicate's row goes. A missing student number
   * is taken from the duplicate.
   */
  public Student merge(String username, long intoId, long fromId) {
    Student into = studentOf(username, intoId);
    Student from = studentOf(username, fromId);
    if (intoId == fromId || !into.getClassroom().getId().equals(from.getClassroom().getId())) {
      throw new IllegalArgumentException("choose another student of the same class to merge");
    }
    open(into.getClassroom());
    String number = into.getStudentNumber() == null ? from.getStudentNumber() : into.getStudentNumber();
    attempts.move(from, into);
    solutionViews.move(from, into);
    slips.move(from, into);
    tokens.move(from, into);
    links.move(from, into);
    students.deleteById(fromId);
    Student merged = students.findById(intoId).orElseThrow();
    merged.setStudentNumber(number);
    return students.save(merged);
  }

  /** A class's students in the order every page and CSV file lists them ({@link NameOrder}). */
  @Transactional(readOnly = true)
  public List<Student> students(Classroom classroom) {
    return students.findByClassroom(classroom).stream().sorted(NameOrder.STUDENTS).toList();
  }

  // Attempts

  /** Stores a graded attempt; a closed class records none (empty). */
  public Optional<Attempt> record(long studentId, String exerciseId, long seed, String answer, String verdict,
      List<String> diagnoses) {
    return record(studentId, exerciseId, seed, answer, verdict, diagnoses, null);
  }

  /** Stores a graded attempt with the derivation shown, if any; a closed class records none (empty). */
  public Optional<Attempt> record(long studentId, String exerciseId, long seed, String answer, String verdict,
      List<String> diagnoses, ShownWork work) {
    Student student = students.findById(studentId).orElseThrow();
    if (student.getClassroom().isClosed()) {
      return Optional.empty();
    }
    Attempt attempt = new Attempt(student, exerciseId, seed, answer, verdict, diagnoses);
    attempt.setSolutionViewed(solutionViews.existsByStudentAndExerciseId(student, exerciseId));
    if (work != null && !work.lines().isEmpty()) {
      // cleaned as other stored text (no NUL, no invisible characters), one stored line per line
      List<String> lines = work.lines().stream().limit(MAX_WORK_LINES)
          .map(l -> FreeText.clean(l.length() > MAX_WORK_LINE ? l.substring(0, MAX_WORK_LINE) : l)).toList();
      String marks = work.marks() == null ? null : work.marks().substring(0, Math.min(work.marks().length(), lines.size()));
      attempt.setWork(lines, marks, work.slip(), work.slipLine());
    }
    return Optional.of(attempts.save(attempt));
  }


  /** A shape slip of a student: no attempt, but counted where the class goes wrong; none in a closed class. */
  public void recordSlip(long studentId, String exerciseId, long seed, String answer) {
    Student student = students.findById(studentId).orElseThrow();
    if (!student.getClassroom().isClosed()) {
      slips.save(new ValidationSlip(student, exerciseId, seed, answer));
    }
  }

  /** A student asked for the solution of an exercise. */
  public void recordSolutionView(long studentId, String exerciseId, long seed) {
    Student student = students.findById(studentId).orElseThrow();
    if (!student.getClassroom().isClosed() && !solutionViews.existsByStudentAndExerciseId(student, exerciseId)) {
      solutionViews.save(new SolutionView(student, exerciseId, seed));
    }
  }

  /** A student's progress per exercise they have touched. */
  @Transactional(readOnly = true)
  public Map<String, SolutionRule.Progress> progress(Student student) {
    Map<String, SolutionRule.Progress> progress = new LinkedHashMap<>();
    for (Attempt a : attempts.findByStudentOrderByCreatedAtDesc(student)) {
      SolutionRule.Progress p = progress.getOrDefault(a.getExerciseId(), SolutionRule.Progress.NONE);
      progress.put(a.getExerciseId(), new SolutionRule.Progress(p.attempts() + 1, p.wrong() + (a.isCorrect() ? 0 : 1),
          p.solved() || a.isCorrect(), p.solutionShown()));
    }
    for (SolutionView view : solutionViews.findByStudent(student)) {
      SolutionRule.Progress p = progress.getOrDefault(view.getExerciseId(), SolutionRule.Progress.NONE);
      progress.put(view.getExerciseId(), new SolutionRule.Progress(p.attempts(), p.wrong(), p.solved(), true));
    }
    return progress;
  }

  @Transactional(readOnly = true)
  public List<Attempt> attemptsOf(Student student) {
    return attempts.findByStudentOrderByCreatedAtDesc(student);
  }

  @Transactional(readOnly = true)
  public long attemptCount(Student student) {
    return attempts.countByStudent(student);
  }

  /** A student's attempts counted as the class's pages count them: at the exercises assigned now. */
  @Transactional(readOnly = true)
  Tally tally(Student student) {
    return Tally.of(attempts.findByStudentOrderByCreatedAtDesc(student), student.getClassroom().getExerciseIds());
  }

  /** How many attempts each student of a class has stored, by student id; absent means none. */
  @Transactional(readOnly = true)
  public Map<Long, Long> attemptCounts(Classroom classroom) {
    return attempts.countByStudentIn(classroom).stream()
        .collect(Collectors.toMap(AttemptRepository.AttemptCount::getStudentId,
            AttemptRepository.AttemptCount::getAttempts));
  }

  @Transactional(readOnly = true)
  public List<Attempt> attemptsAt(Classroom classroom, String exerciseId) {
    return attempts.findByStudentClassroomAndExerciseIdOrderByCreatedAtAsc(classroom, exerciseId);
  }

  @Transactional(readOnly = true)
  public List<Attempt> attemptsOf(Classroom classroom) {
    return attempts.findByStudentClassroomOrderByCreatedAtAsc(classroom);
  }

  /** The title a page shows for an exercise; its id if the bank no longer has it. */
  public String title(String exerciseId) {
    return bank.find(exerciseId).map(e -> e.title().plain()).orElse(exerciseId);
  }

  @Transactional(readOnly = true)
  public Gradebook gradebook(Classroom classroom) {
    List<String> exerciseIds = classroom.getExerciseIds();
    List<Attempt> all = attempts.findByStudentClassroomOrderByCreatedAtAsc(classroom);
    Map<Long, List<Attempt>> byStudent = all.stream().collect(Collectors.groupingBy(a -> a.getStudent().getId()));
    java.util.Set<String> views = solutionViews.findByStudentClassroom(classroom).stream()
        .map(v -> v.getStudent().getId() + "#" + v.getExerciseId()).collect(Collectors.toSet());
    List<Gradebook.Column> columns = exerciseIds.stream().map(id -> new Gradebook.Column(id, title(id))).toList();
    List<Gradebook.Row> rows = new ArrayList<>();
    for (Student student : students(classroom)) {
      List<Attempt> mine = byStudent.getOrDefault(student.getId(), List.of());
      List<Gradebook.Cell> cells = new ArrayList<>();
      for (String exerciseId : exerciseIds) {
        List<Attempt> here = mine.stream().filter(a -> a.getExerciseId().equals(exerciseId)).toList();
        Optional<Attempt> firstCorrect = here.stream().filter(Attempt::isCorrect).findFirst();
        Instant solvedAt = firstCorrect.map(Attempt::getCreatedAt).orElse(null);
        boolean viewed = views.contains(student.getId() + "#" + exerciseId);
        cells.add(new Gradebook.Cell(exerciseId, here.size(), firstCorrect.isPresent(), solvedAt,
            solvedAt != null && classroom.isLate(solvedAt), viewed,
            firstCorrect.map(Attempt::isSolutionViewed).orElse(false)));
      }
      Instant last = mine.isEmpty() ? null : mine.get(mine.size() - 1).getCreatedAt();
      Tally tally = Tally.of(mine, exerciseIds);
      rows.add(new Gradebook.Row(student, cells, tally.solved(), tally.attempts(), last));
    }
    List<Attempt> offList = all.stream().filter(a -> !exerciseIds.contains(a.getExerciseId())).toList();
    List<Gradebook.Column> takenOff = offList.stream().map(Attempt::getExerciseId).distinct()
        .map(id -> new Gradebook.Column(id, title(id))).toList();
    Map<String, List<Map.Entry<String, Long>>> common = new LinkedHashMap<>();
    for (String exerciseId : exerciseIds) {
      Map<String, Long> counts = all.stream().filter(a -> a.getExerciseId().equals(exerciseId))
          .flatMap(a -> a.getDiagnosisCodes().stream())
          .collect(Collectors.groupingBy(code -> code, Collectors.counting()));
      common.put(exerciseId, counts.entrySet().stream()
          .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
              .thenComparing(Map.Entry.comparingByKey()))
          .toList());
    }
    Map<String, Long> slipCounts = slips.findByStudentClassroom(classroom).stream()
        .collect(Collectors.groupingBy(ValidationSlip::getExerciseId, Collectors.counting()));
    Map<String, Long> shapeSlips = new LinkedHashMap<>();
    exerciseIds.forEach(id -> shapeSlips.put(id, slipCounts.getOrDefault(id, 0L)));
    Map<String, List<Map.Entry<String, Long>>> wrongSteps = new LinkedHashMap<>();
    for (String exerciseId : exerciseIds) {
      wrongSteps.put(exerciseId, byCount(all.stream()
          .filter(a -> a.getExerciseId().equals(exerciseId) && a.getSlip() != null).map(Attempt::getSlip)));
    }
    return new Gradebook(classroom, exerciseIds, columns, rows, common, shapeSlips, wrongSteps, takenOff,
        offList.size());
  }

  /** Codes by how often they occur, most first (ties by code). */
  private static List<Map.Entry<String, Long>> byCount(java.util.stream.Stream<String> codes) {
    return codes.collect(Collectors.groupingBy(code -> code, Collectors.counting())).entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
            .thenComparing(Map.Entry.comparingByKey()))
        .toList();
  }
}
