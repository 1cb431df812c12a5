package org.matrixcalculustutor.classroom;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;

/** The time zones a class can be in: the region zones ("Europe/Paris") and UTC. */
final class Zones {

  private static final List<String> ALL = ZoneId.getAvailableZoneIds().stream()
      .filter(id -> id.equals("UTC") || id.matches("(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)/.+"))
      .sorted().toList();

  private Zones() {}

  static List<String> all() {
    return ALL;
  }

  /** A zone from a form; none chosen means the server's. */
  static ZoneId parse(String id) {
    if (id == null || id.isBlank()) {
      return ZoneId.systemDefault();
    }
    try {
      return ZoneId.of(id.strip());
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("choose a time zone from the list");
    }
  }
}
