package org.matrixcalculustutor.classroom;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A class's results as CSV for a spreadsheet (RFC 4180 quoting, CRLF): UTF-8 with a byte-order
 * mark so that Excel reads "Émile" as written, times in the class's time zone to the second,
 * headers in words.
 */
final class Csv {

  /** The byte-order mark: without it Excel reads UTF-8 as the local code page. */
  static final String BOM = "\uFEFF";

  private Csv() {}

  /** One row per student, a column per assigned exercise ("solved", "solved late", "not yet" or empty). */
  static String gradebook(Gradebook book) {
    ZoneId zone = book.classroom().getZone();
    List<String> header = new ArrayList<>(List.of("Student", "Student number", "Solved", "Attempts",
        "Last activity (" + zone.getId() + ")"));
    book.columns().forEach(c -> header.add(c.title()));
    StringBuilder out = new StringBuilder(BOM);
    row(out, header);
    for (Gradebook.Row row : book.rows()) {
      List<String> fields = new ArrayList<>(List.of(row.student().getDisplayName(),
          nullToEmpty(row.student().getStudentNumber()), Long.toString(row.solved()), Long.toString(row.attempts()),
          Words.time(row.lastActivity(), zone)));
      row.cells().forEach(cell -> fields.add(cell.status()));
      row(out, fields);
    }
    return out.toString();
  }

  /** Every attempt of the class, oldest first: one row each. */
  static String attempts(Classroom classroom, List<Attempt> attempts, ClassroomService classrooms) {
    ZoneId zone = classroom.getZone();
    StringBuilder out = new StringBuilder(BOM);
    row(out, List.of("Time (" + zone.getId() + ")", "Student", "Student number", "Exercise", "Exercise id",
        "Variant", "Answer", "Verdict", "Diagnosis", "Late", "Solution seen before", "Shown work", "Wrong step"));
    for (Attempt a : attempts) {
      row(out, List.of(Words.time(a.getCreatedAt(), zone), a.getStudent().getDisplayName(),
          nullToEmpty(a.getStudent().getStudentNumber()), classrooms.title(a.getExerciseId()), a.getExerciseId(),
          Long.toString(a.getSeed()), a.getAnswer(), a.getVerdict(), String.join("; ", Words.diagnoses(a.getDiagnosisCodes())),
          classroom.isLate(a.getCreatedAt()) ? "late" : "", a.isSolutionViewed() ? "yes" : "",
          String.join("\n", a.getWorkLines()), wrongStep(a)));
    }
    return out.toString();
  }

  /** The first line of shown work that is not right, with its slip in words when one was named. */
  private static String wrongStep(Attempt a) {
    if (a.getSlipLine() == null) {
      return "";
    }
    return "line " + (a.getSlipLine() + 1) + (a.getSlip() == null ? "" : ": " + Words.slip(a.getSlip()));
  }

  /** The diagnoses row of answers that were one transpose away (shape slips, not counted as attempts). */
  static final String SHAPE_SLIP = "one transpose away (shapes did not fit; not an attempt)";

  /**
   * One row per exercise and diagnosis: how often the class made that mistake, with the shape slips
   * as a row of their own (they are no attempts, but they are where a class goes wrong).
   */
  static String diagnoses(Gradebook book) {
    StringBuilder out = new StringBuilder(BOM);
    row(out, List.of("Exercise", "Exercise id", "Diagnosis", "Count"));
    for (Gradebook.Column column : book.columns()) {
      String id = column.exerciseId();
      for (Map.Entry<String, Long> diagnosis : book.commonDiagnoses().getOrDefault(id, List.of())) {
        row(out, List.of(column.title(), id, Words.diagnosis(diagnosis.getKey()), diagnosis.getValue().toString()));
      }
      long slips = book.shapeSlips().getOrDefault(id, 0L);
      if (slips > 0) {
        row(out, List.of(column.title(), id, SHAPE_SLIP, Long.toString(slips)));
      }
    }
    return out.toString();
  }

  private static void row(StringBuilder out, List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      out.append(i == 0 ? "" : ",").append(field(fields.get(i)));
    }
    out.append("\r\n");
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  /**
   * A field quoted when it holds a comma, quote or line break. A text that a spreadsheet would take
   * for a formula (a leading = + - @, tab or carriage return: an answer "-2*A" among them) gets a
   * leading apostrophe, so it shows as text and never runs.
   */
  static String field(String value) {
    if (value == null) {
      return "";
    }
    String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 && !isNumber(value) ? "'" + value : value;
    if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
      return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
    return safe;
  }

  private static boolean isNumber(String value) {
    return value.matches("-?\\d+(\\.\\d+)?");
  }
}
