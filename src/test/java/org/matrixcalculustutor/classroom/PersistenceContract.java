package org.matrixcalculustutor.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the classroom needs from its database; run against H2 and against PostgreSQL. */
abstract class PersistenceContract {

  @Autowired
  ClassroomService classrooms;

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  org.matrixcalculustutor.web.RateLimiter rateLimiter;

  @Test
  void migrations_createTheClassroomAndSessionTables() {
    for (String table : List.of("teacher", "classroom", "classroom_exercise", "student", "attempt",
        "spring_session", "spring_session_attributes", "student_token", "reentry_link", "rate_limit")) {
      assertThat(jdbc.queryForObject("select count(*) from " + table, Long.class)).as(table).isNotNegative();
    }
  }

  @Test
  void classStudentsAndAttempts_areStoredAndReadBack() {
    Classroom classroom = classrooms.createClass("teacher", "Persistence " + System.nanoTime(),
        List.of("trace-axb", "quadratic-form"));
    ClassroomService.Joined ada = classrooms.join(classroom.getJoinCode().toLowerCase(), "Ada", "s-1").orElseThrow();
    classrooms.record(ada.student().getId(), "trace-axb", 12, "B*A", "incorrect", List.of("LAYOUT"));
    classrooms.record(ada.student().getId(), "trace-axb", 12, "A'*B'", "correct", List.of());

    Student found = classrooms.byToken(ada.token()).orElseThrow();
    assertThat(found.getDisplayName()).isEqualTo("Ada");
    assertThat(found.getStudentNumber()).isEqualTo("s-1");
    assertThat(found.getClassroom().getExerciseIds()).containsExactly("trace-axb", "quadratic-form");
    List<Attempt> attempts = classrooms.attemptsOf(found);
    assertThat(attempts).hasSize(2);
    assertThat(attempts).extracting(Attempt::getVerdict).containsExactlyInAnyOrder("correct", "incorrect");
    assertThat(attempts).filteredOn(a -> !a.isCorrect()).first()
        .satisfies(a -> assertThat(a.getDiagnosisCodes()).containsExactly("LAYOUT"));

    Gradebook book = classrooms.gradebook(classroom);
    assertThat(book.rows()).hasSize(1);
    Gradebook.Cell cell = book.rows().get(0).cells().get(0);
    assertThat(cell.solved()).isTrue();
    assertThat(cell.attempts()).isEqualTo(2);
    assertThat(cell.firstSolvedAt()).isNotNull();
    assertThat(book.commonDiagnoses().get("trace-axb")).extracting(java.util.Map.Entry::getKey).containsExactly("LAYOUT");
  }

  @Test
  void solutionRulesViewsAndShapeSlips_areStoredAndReadBack() {
    Classroom classroom = classrooms.createClass("teacher", "Solutions " + System.nanoTime(), List.of("trace-axb"),
        null, null, new org.matrixcalculustutor.exercises.SolutionRule(
            org.matrixcalculustutor.exercises.SolutionRule.When.AFTER_WRONG_ATTEMPTS, 5));
    ClassroomService.Joined cy = classrooms.join(classroom.getJoinCode(), "Cy", null).orElseThrow();
    long id = cy.student().getId();
    classrooms.recordSlip(id, "trace-axb", 3, "A*B");
    classrooms.record(id, "trace-axb", 3, "B*A", "incorrect", List.of("LAYOUT"));
    classrooms.recordSolutionView(id, "trace-axb", 3);
    classrooms.recordSolutionView(id, "trace-axb", 3);
    classrooms.record(id, "trace-axb", 3, "A'*B'", "correct", List.of());

    assertThat(classrooms.classOf("teacher", classroom.getId()).getSolutionRule().wrongAttempts()).isEqualTo(5);
    Gradebook book = classrooms.gradebook(classroom);
    Gradebook.Cell cell = book.rows().get(0).cells().get(0);
    assertThat(cell.attempts()).isEqualTo(2);
    assertThat(cell.solutionViewed()).isTrue();
    assertThat(cell.solvedAfterSolution()).isTrue();
    assertThat(book.shapeSlips()).containsEntry("trace-axb", 1L);
    assertThat(jdbc.queryForObject("select count(*) from solution_view", Long.class)).isPositive();
    assertThat(classrooms.progress(classrooms.student(id).orElseThrow()).get("trace-axb"))
        .isEqualTo(new org.matrixcalculustutor.exercises.SolutionRule.Progress(2, 1, true, true));
  }

  @Test
  void namesWithNulBidiAndZeroWidthCharacters_areStoredClean() {
    Classroom classroom = classrooms.createClass("teacher", "Clean\u0000 names " + System.nanoTime(), List.of("trace"));
    ClassroomService.Joined joined = classrooms.join(classroom.getJoinCode(), "\u202EA\u0000d\u200Ba\u202C",
        "7\u00007").orElseThrow();
    Student stored = classrooms.byToken(joined.token()).orElseThrow();
    assertThat(stored.getDisplayName()).isEqualTo("Ada");
    assertThat(stored.getStudentNumber()).isEqualTo("77");
    assertThat(classroom.getName()).startsWith("Clean names");
  }

  @Test
  void rateLimitCounts_liveInTheDatabaseAndLoseNoConcurrentHit() throws Exception {
    String address = "203.0.113." + (System.nanoTime() % 200);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      java.util.List<java.util.concurrent.Future<?>> hits = new java.util.ArrayList<>();
      for (int i = 0; i < 200; i++) {
        hits.add(pool.submit(() -> rateLimiter.wrongCode(address)));
      }
      for (java.util.concurrent.Future<?> hit : hits) {
        hit.get();
      }
    } finally {
      pool.shutdown();
    }
    assertThat(jdbc.queryForObject("select sum(hits) from rate_limit where bucket = ?", Long.class,
        "wrong-codes:" + address)).isEqualTo(200);
  }

  @Test
  void tokens_areStoredOnlyAsHashes() {
    Classroom classroom = classrooms.createClass("teacher", "Hashes " + System.nanoTime(), List.of("trace"));
    ClassroomService.Joined bo = classrooms.join(classroom.getJoinCode(), "Bo", null).orElseThrow();
    // each browser's token lives in student_token (a student may use several browsers)
    Long plain = jdbc.queryForObject("select count(*) from student_token where token_hash = ?", Long.class, bo.token());
    assertThat(plain).isZero();
    Long hashed = jdbc.queryForObject("select count(*) from student_token where token_hash = ?", Long.class,
        Tokens.hash(bo.token()));
    assertThat(hashed).isOne();
  }
}
