package org.matrixcalculustutor.classroom;

import java.util.List;
import java.util.Map;

/** The gradebook as CSV (RFC 4180 quoting), for a spreadsheet. */
final class Csv {

  private Csv() {}

  /** One row per student and exercise: solved, attempts, first solved at. */
  static String gradebook(Gradebook book) {
    StringBuilder out = new StringBuilder("student,student_number,exercise,solved,attempts,first_solved_at\r\n");
    for (Gradebook.Row row : book.rows()) {
      for (Gradebook.Cell cell : row.cells()) {
        out.append(field(row.student().getDisplayName())).append(',')
            .append(field(row.student().getStudentNumber())).append(',')
            .append(field(cell.exerciseId())).append(',')
            .append(cell.solved() ? "yes" : "no").append(',')
            .append(cell.attempts()).append(',')
            .append(cell.firstSolvedAt() == null ? "" : cell.firstSolvedAt().toString()).append("\r\n");
      }
    }
    return out.toString();
  }

  /** One row per exercise and diagnosis: how often the class made that mistake. */
  static String diagnoses(Gradebook book) {
    StringBuilder out = new StringBuilder("exercise,diagnosis,count\r\n");
    for (Map.Entry<String, List<Map.Entry<String, Long>>> exercise : book.commonDiagnoses().entrySet()) {
      for (Map.Entry<String, Long> diagnosis : exercise.getValue()) {
        out.append(field(exercise.getKey())).append(',').append(field(diagnosis.getKey())).append(',')
            .append(diagnosis.getValue()).append("\r\n");
      }
    }
    return out.toString();
  }

  /** A field quoted when it holds a comma, quote or line break; a leading = + - @ is defused for spreadsheets. */
  static String field(String value) {
    if (value == null) {
      return "";
    }
    String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
      return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
    return safe;
  }
}
