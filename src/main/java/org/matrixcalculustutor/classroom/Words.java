package org.matrixcalculustutor.classroom;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.matrixcalculustutor.grading.DiagnosisCode;

/** How pages and exports say counts, times and diagnoses: "1 attempt", "2 attempts", "wrong sign". */
final class Words {

  /** Times to the second, in the class's zone: what a spreadsheet and a teacher read without conversion. */
  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  /**
   * A day and a time, short, that no reader takes the wrong way round: "1 Dec 07:05" (a month's
   * number beside a day's reads as 12 January in Europe). The year is given when it is not this one.
   */
  static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);
  static final DateTimeFormatter DAY_TIME_WITH_YEAR = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);

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

  /** "2026-12-18 23:59:00 (Europe/Paris)": a time shown where the page does not say its zone. */
  static String timeWithZone(Instant at, ZoneId zone) {
    return at == null ? "" : time(at, zone) + " (" + zone.getId() + ")";
  }

  /** "1 Dec 07:05" in the zone; "1 Dec 2024 07:05" in another year than the current one there. */
  static String dayTime(Instant at, ZoneId zone) {
    if (at == null) {
      return "";
    }
    ZonedDateTime local = at.atZone(zone);
    boolean thisYear = local.getYear() == ZonedDateTime.now(zone).getYear();
    return (thisYear ? DAY_TIME : DAY_TIME_WITH_YEAR).format(local);
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
