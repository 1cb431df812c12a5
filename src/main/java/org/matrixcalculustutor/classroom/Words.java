package org.matrixcalculustutor.classroom;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.matrixcalculustutor.grading.DiagnosisCode;

/** How pages and exports say counts, times and diagnoses: "1 attempt", "2 attempts", "wrong sign". */
final class Words {

  /** Times to the second, in the class's zone: what a spreadsheet and a teacher read without conversion. */
  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private Words() {}

  /** "no attempts", "1 attempt", "3 attempts"; irregular plurals are given ("1 class", "2 classes"). */
  static String count(long n, String one, String many) {
    return n == 0 ? "no " + many : n + " " + (n == 1 ? one : many);
  }

  static String count(long n, String one) {
    return count(n, one, one + "s");
  }

  static String time(Instant at, ZoneId zone) {
    return at == null ? "" : TIME.format(at.atZone(zone));
  }

  /** A diagnosis code in plain words; a code this version does not know is shown as it is stored. */
  static String diagnosis(String code) {
    return code(code).map(DiagnosisCode::title).orElse(code);
  }

  /** The slip of a wrong step of shown work in plain words; a code this version does not know is shown as stored. */
  static String slip(String code) {
    return org.matrixcalculustutor.derivation.Slip.of(code).map(org.matrixcalculustutor.derivation.Slip::title)
        .orElse(code == null ? "" : code);
  }

  static List<String> diagnoses(List<String> codes) {
    return codes.stream().map(Words::diagnosis).toList();
  }

  static Optional<DiagnosisCode> code(String code) {
    try {
      return Optional.of(DiagnosisCode.valueOf(code));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
