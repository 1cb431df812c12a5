package org.matrixcalculustutor.classroom;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A class's results: one row per student, one cell per assigned exercise, and where the class
 * goes wrong.
 *
 * @param classroom the class
 * @param exerciseIds the assigned exercises, in order
 * @param columns the same exercises with their titles
 * @param rows one per student, by name
 * @param commonDiagnoses per exercise, diagnosis codes by how often they were given, most first
 */
public record Gradebook(Classroom classroom, List<String> exerciseIds, List<Column> columns, List<Row> rows,
    Map<String, List<Map.Entry<String, Long>>> commonDiagnoses) {

  /** An assigned exercise as a column: its id (for addresses) and its title (for people). */
  public record Column(String exerciseId, String title) {}

  /**
   * One student's results.
   *
   * @param student the student
   * @param cells one per assigned exercise
   * @param solved how many assigned exercises they solved
   * @param attempts all their graded attempts
   * @param lastActivity their latest attempt, or null
   */
  public record Row(Student student, List<Cell> cells, long solved, long attempts, Instant lastActivity) {

    public String attemptsLabel() {
      return Words.count(attempts, "attempt");
    }
  }

  /**
   * One student on one exercise.
   *
   * @param exerciseId the exercise
   * @param attempts how many graded attempts
   * @param solved whether one was correct
   * @param firstSolvedAt when the first correct one came, or null
   * @param late whether that was after the class's deadline
   */
  public record Cell(String exerciseId, int attempts, boolean solved, Instant firstSolvedAt, boolean late) {

    public String attemptsLabel() {
      return Words.count(attempts, "attempt");
    }

    /** "solved", "solved late", "not yet" or "" (never tried): the cell's word, also in the CSV. */
    public String status() {
      return solved ? (late ? "solved late" : "solved") : attempts > 0 ? "not yet" : "";
    }
  }

  public boolean anyDiagnoses() {
    return commonDiagnoses.values().stream().anyMatch(d -> !d.isEmpty());
  }

  public String diagnosisTitle(String code) {
    return Words.diagnosis(code);
  }
}
