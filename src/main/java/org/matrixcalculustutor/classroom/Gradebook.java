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
 * @param rows one per student, by name
 * @param commonDiagnoses per exercise, diagnosis codes by how often they were given, most first
 * @param shapeSlips per exercise, how many answers were shape slips (invalid, one transpose away; no attempts)
 */
public record Gradebook(Classroom classroom, List<String> exerciseIds, List<Row> rows,
    Map<String, List<Map.Entry<String, Long>>> commonDiagnoses, Map<String, Long> shapeSlips) {

  /** One student's results. */
  public record Row(Student student, List<Cell> cells, long solved) {}

  /**
   * One student on one exercise.
   *
   * @param exerciseId the exercise
   * @param attempts how many graded attempts
   * @param solved whether one was correct
   * @param firstSolvedAt when the first correct one came, or null
   * @param solutionViewed whether the student asked for the solution
   * @param solvedAfterSolution whether the first correct attempt came after they saw the solution
   */
  public record Cell(String exerciseId, int attempts, boolean solved, Instant firstSolvedAt, boolean solutionViewed,
      boolean solvedAfterSolution) {}
}
