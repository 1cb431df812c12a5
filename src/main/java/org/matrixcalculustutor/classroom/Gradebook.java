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
 * @param rows one per student, by name ({@link NameOrder})
 * @param commonDiagnoses per exercise, diagnosis codes by how often they were given, most first
 * @param shapeSlips per exercise, how many answers were shape slips (invalid, one transpose away; no attempts)
 * @param wrongSteps per exercise, the slips of the first wrong lines of shown work (derivations) by how
 *     often they were made, most first
 * @param takenOff exercises no longer assigned that have attempts: stored, counted nowhere (see {@link Tally})
 * @param notCounted how many attempts those are
 */
public record Gradebook(Classroom classroom, List<String> exerciseIds, List<Column> columns, List<Row> rows,
    Map<String, List<Map.Entry<String, Long>>> commonDiagnoses, Map<String, Long> shapeSlips,
    Map<String, List<Map.Entry<String, Long>>> wrongSteps, List<Column> takenOff, long notCounted) {

  /** An assigned exercise as a column: its id (for addresses) and its title (for people). */
  public record Column(String exerciseId, String title) {}

  /**
   * One student's results.
   *
   * @param student the student
   * @param cells one per assigned exercise
   * @param solved how many assigned exercises they solved
   * @param attempts their graded attempts at assigned exercises (as {@link Tally} counts)
   * @param lastActivity their latest attempt at any exercise, or null
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
   * @param solutionViewed whether the student asked for the solution
   * @param solvedAfterSolution whether the first correct attempt came after they saw the solution
   */
  public record Cell(String exerciseId, int attempts, boolean solved, Instant firstSolvedAt, boolean late,
      boolean solutionViewed, boolean solvedAfterSolution) {

    public String attemptsLabel() {
      return Words.count(attempts, "attempt");
    }

    /**
     * "solved", "solved late", "solved after viewing the solution", "not yet", "viewed the
     * solution" or "" (never tried): the cell's words, also in the CSV.
     */
    public String status() {
      if (solved) {
        return (late ? "solved late" : "solved") + (solvedAfterSolution ? " after viewing the solution" : "");
      }
      return solutionViewed ? (attempts > 0 ? "not yet, viewed the solution" : "viewed the solution")
          : attempts > 0 ? "not yet" : "";
    }
  }

  /** "1 Dec 07:05": when a cell was solved, short and unambiguous, in the class's zone (the page names it). */
  public String dayTime(Instant at) {
    return Words.dayTime(at, classroom.getZone());
  }

  /** The same time in full, for a tooltip: "2025-12-01 07:05:00 (Europe/Paris)". */
  public String fullTime(Instant at) {
    return Words.timeWithZone(at, classroom.getZone());
  }

  /** Why Solved and Attempts leave out some stored attempts, or null when they leave out none. */
  public String notCountedNote() {
    return notCounted == 0 ? null
        : "Solved and attempts count only the exercises assigned now: " + Words.count(notCounted, "attempt")
            + " at exercises taken off the class " + (notCounted == 1 ? "is" : "are")
            + " kept (on the students' pages and in the attempt log) but not counted.";
  }

  public boolean anyDiagnoses() {
    return commonDiagnoses.values().stream().anyMatch(d -> !d.isEmpty());
  }

  public boolean anyWrongSteps() {
    return wrongSteps.values().stream().anyMatch(d -> !d.isEmpty());
  }

  /** A slip of shown work in plain words ("a transpose lost"). */
  public String slipTitle(String code) {
    return Words.slip(code);
  }

  public String diagnosisTitle(String code) {
    return Words.diagnosis(code);
  }
}
