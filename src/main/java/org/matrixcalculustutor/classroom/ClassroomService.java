package org.matrixcalculustutor.classroom;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.matrixcalculustutor.exercises.ExerciseBank;
import org.matrixcalculustutor.exercises.SolutionRule;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/** Classes, students and their attempts. */
@Service
@Transactional
public class ClassroomService {

  static final int MAX_NAME_LENGTH = 100;

  private final TeacherRepository teachers;
  private final ClassroomRepository classrooms;
  private final StudentRepository students;
  private final AttemptRepository attempts;
  private final SolutionViewRepository solutionViews;
  private final ValidationSlipRepository slips;
  private final ExerciseBank bank;

  ClassroomService(TeacherRepository teachers, ClassroomRepository classrooms, StudentRepository students,
      AttemptRepository attempts, SolutionViewRepository solutionViews, ValidationSlipRepository slips,
      ExerciseBank bank) {
    this.teachers = teachers;
    this.classrooms = classrooms;
    this.students = students;
    this.attempts = attempts;
    this.solutionViews = solutionViews;
    this.slips = slips;
    this.bank = bank;
  }

  /** A student who just joined, with the token for their cookie (shown once, stored hashed). */
  public record Joined(Student student, String token) {}

  public Teacher teacher(String username) {
    return teachers.findByUsername(username).orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
  }

  public Classroom createClass(String username, String name, List<String> exerciseIds) {
    return createClass(username, name, exerciseIds, SolutionRule.DEFAULT);
  }

  /** A new class whose students may see solutions as solutions says. */
  public Classroom createClass(String username, String name, List<String> exerciseIds, SolutionRule solutions) {
    String trimmed = name == null ? "" : name.strip();
    if (trimmed.isEmpty() || trimmed.length() > MAX_NAME_LENGTH) {
      throw new IllegalArgumentException("give the class a name of 1 to " + MAX_NAME_LENGTH + " characters");
    }
    List<String> known = exerciseIds == null ? List.of()
        : exerciseIds.stream().filter(id -> bank.find(id).isPresent()).distinct().toList();
    if (known.isEmpty()) {
      throw new IllegalArgumentException("pick at least one exercise");
    }
    String code;
    do {
      code = Tokens.joinCode();
    } while (classrooms.findByJoinCode(code).isPresent());
    Classroom classroom = new Classroom(teacher(username), trimmed, code, known);
    classroom.setSolutionRule(solutions);
    return classrooms.save(classroom);
  }

  /** Changes when the students of a class of this teacher may see solutions. */
  public Classroom setSolutionRule(String username, long classId, SolutionRule solutions) {
    Classroom classroom = classOf(username, classId);
    classroom.setSolutionRule(solutions);
    return classrooms.save(classroom);
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

  public Optional<Joined> join(String code, String displayName, String studentNumber) {
    String name = displayName == null ? "" : displayName.strip();
    if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
      throw new IllegalArgumentException("give a display name of 1 to " + MAX_NAME_LENGTH + " characters");
    }
    String number = studentNumber == null || studentNumber.isBlank() ? null : studentNumber.strip();
    if (number != null && number.length() > 50) {
      throw new IllegalArgumentException("a student number has at most 50 characters");
    }
    String normalized = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
    return classrooms.findByJoinCode(normalized).map(classroom -> {
      String token = Tokens.studentToken();
      Student student = students.save(new Student(classroom, name, number, Tokens.hash(token)));
      return new Joined(student, token);
    });
  }

  @Transactional(readOnly = true)
  public Optional<Student> byToken(String token) {
    return token == null || token.isBlank() ? Optional.empty() : students.findByTokenHash(Tokens.hash(token));
  }

  @Transactional(readOnly = true)
  public Optional<Student> student(long id) {
    return students.findById(id);
  }

  /** A new re-entry token for a student of this teacher; the old one stops working. */
  public Joined reentry(String username, long studentId) {
    Student student = students.findById(studentId)
        .filter(s -> s.getClassroom().getTeacher().getUsername().equals(username))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    String token = Tokens.studentToken();
    student.setTokenHash(Tokens.hash(token));
    return new Joined(students.save(student), token);
  }

  public Attempt record(long studentId, String exerciseId, long seed, String answer, String verdict,
      List<String> diagnoses) {
    Student student = students.findById(studentId).orElseThrow();
    Attempt attempt = new Attempt(student, exerciseId, seed, answer, verdict, diagnoses);
    attempt.setSolutionViewed(solutionViews.existsByStudentAndExerciseId(student, exerciseId));
    return attempts.save(attempt);
  }

  /** A shape slip of a student: no attempt, but counted where the class goes wrong. */
  public void recordSlip(long studentId, String exerciseId, long seed, String answer) {
    Student student = students.findById(studentId).orElseThrow();
    slips.save(new ValidationSlip(student, exerciseId, seed, answer));
  }

  /** A student asked for the solution of an exercise. */
  public void recordSolutionView(long studentId, String exerciseId, long seed) {
    Student student = students.findById(studentId).orElseThrow();
    if (!solutionViews.existsByStudentAndExerciseId(student, exerciseId)) {
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
  public Gradebook gradebook(Classroom classroom) {
    List<String> exerciseIds = classroom.getExerciseIds();
    List<Attempt> all = attempts.findByStudentClassroomOrderByCreatedAtAsc(classroom);
    Map<Long, List<Attempt>> byStudent = all.stream().collect(Collectors.groupingBy(a -> a.getStudent().getId()));
    java.util.Set<String> views = solutionViews.findByStudentClassroom(classroom).stream()
        .map(v -> v.getStudent().getId() + "#" + v.getExerciseId()).collect(Collectors.toSet());
    List<Gradebook.Row> rows = new ArrayList<>();
    for (Student student : students.findByClassroomOrderByDisplayNameAsc(classroom)) {
      List<Attempt> mine = byStudent.getOrDefault(student.getId(), List.of());
      List<Gradebook.Cell> cells = new ArrayList<>();
      for (String exerciseId : exerciseIds) {
        List<Attempt> here = mine.stream().filter(a -> a.getExerciseId().equals(exerciseId)).toList();
        Optional<Attempt> firstCorrect = here.stream().filter(Attempt::isCorrect).findFirst();
        boolean viewed = views.contains(student.getId() + "#" + exerciseId);
        cells.add(new Gradebook.Cell(exerciseId, here.size(), firstCorrect.isPresent(),
            firstCorrect.map(Attempt::getCreatedAt).orElse(null), viewed,
            firstCorrect.map(Attempt::isSolutionViewed).orElse(false)));
      }
      rows.add(new Gradebook.Row(student, cells, cells.stream().filter(Gradebook.Cell::solved).count()));
    }
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
    return new Gradebook(classroom, exerciseIds, rows, common, shapeSlips);
  }
}
