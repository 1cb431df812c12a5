package org.matrixcalculustutor.classroom;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.matrixcalculustutor.exercises.ExerciseBank;
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
  private final ExerciseBank bank;

  ClassroomService(TeacherRepository teachers, ClassroomRepository classrooms, StudentRepository students,
      AttemptRepository attempts, ExerciseBank bank) {
    this.teachers = teachers;
    this.classrooms = classrooms;
    this.students = students;
    this.attempts = attempts;
    this.bank = bank;
  }

  /** A student who just joined, with the token for their cookie (shown once, stored hashed). */
  public record Joined(Student student, String token) {}

  public Teacher teacher(String username) {
    return teachers.findByUsername(username).orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
  }

  public Classroom createClass(String username, String name, List<String> exerciseIds) {
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
    return classrooms.save(new Classroom(teacher(username), trimmed, code, known));
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
    return attempts.save(new Attempt(student, exerciseId, seed, answer, verdict, diagnoses));
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
    List<Gradebook.Row> rows = new ArrayList<>();
    for (Student student : students.findByClassroomOrderByDisplayNameAsc(classroom)) {
      List<Attempt> mine = byStudent.getOrDefault(student.getId(), List.of());
      List<Gradebook.Cell> cells = new ArrayList<>();
      for (String exerciseId : exerciseIds) {
        List<Attempt> here = mine.stream().filter(a -> a.getExerciseId().equals(exerciseId)).toList();
        Optional<Attempt> firstCorrect = here.stream().filter(Attempt::isCorrect).findFirst();
        cells.add(new Gradebook.Cell(exerciseId, here.size(), firstCorrect.isPresent(),
            firstCorrect.map(Attempt::getCreatedAt).orElse(null)));
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
    return new Gradebook(classroom, exerciseIds, rows, common);
  }
}
