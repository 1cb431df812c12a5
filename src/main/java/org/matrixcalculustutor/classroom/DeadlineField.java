package org.matrixcalculustutor.classroom;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The deadline field of the create and edit forms: a datetime-local text in the class's zone, empty
 * for none. A deadline that has passed would mark every answer late, so a new one is refused; an
 * old class's own deadline, left as it was, is kept (with a warning) so that the class stays editable.
 */
final class DeadlineField {

  /** What a datetime-local field holds: "2026-12-18T23:59". */
  static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

  /** A deadline the form refuses; the page says why next to the field. */
  static final class Refused extends IllegalArgumentException {
    Refused(String message) {
      super(message);
    }
  }

  private DeadlineField() {}

  /** The field's text for a stored deadline, in the class's zone; empty for none. */
  static String text(Instant deadline, ZoneId zone) {
    return deadline == null ? "" : INPUT.format(deadline.atZone(zone));
  }

  /** A deadline typed in the field, in the zone; null when empty. */
  static Instant parse(String text, ZoneId zone) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalDateTime.parse(text.strip()).atZone(zone).toInstant();
    } catch (DateTimeException e) {
      throw new Refused("give the deadline as a date and time, like 2026-12-18T23:59");
    }
  }

  /** A new class's deadline: none, or one still to come. */
  static Instant forNewClass(String text, ZoneId zone, Instant now) {
    return notPassed(parse(text, zone), zone, now);
  }

  /**
   * An edited class's deadline: none, one still to come, or the class's own deadline unchanged
   * (the field as the form showed it, in the class's stored zone) even though it has passed.
   */
  static Instant forEdit(String text, ZoneId zone, Instant now, Classroom stored) {
    Instant deadline = parse(text, zone);
    if (deadline != null && isUnchanged(text, stored)) {
      return deadline;
    }
    return notPassed(deadline, zone, now);
  }

  /** Whether the field holds the class's deadline as the edit form showed it (to the minute). */
  static boolean isUnchanged(String text, Classroom stored) {
    if (stored.getDeadline() == null || text == null || text.isBlank()) {
      return false;
    }
    try {
      return LocalDateTime.parse(text.strip()).truncatedTo(ChronoUnit.MINUTES).equals(
          stored.getDeadline().atZone(stored.getZone()).toLocalDateTime().truncatedTo(ChronoUnit.MINUTES));
    } catch (DateTimeException e) {
      return false;
    }
  }

  static boolean hasPassed(Instant deadline, Instant now) {
    return deadline != null && deadline.isBefore(now);
  }

  /** The warning beside a class's deadline that has passed, or null while it is to come (or there is none). */
  static String passedWarning(Instant deadline, ZoneId zone, Instant now) {
    return !hasPassed(deadline, now) ? null
        : "This deadline, " + Words.timeWithZone(deadline, zone) + ", has passed: every new answer is marked late."
            + " Keep it, choose a later one, or leave the field empty for none.";
  }

  private static Instant notPassed(Instant deadline, ZoneId zone, Instant now) {
    if (hasPassed(deadline, now)) {
      throw new Refused("The deadline " + Words.timeWithZone(deadline, zone)
          + " has passed: every answer would be marked late. Choose a later one, or leave the field empty for none.");
    }
    return deadline;
  }
}
