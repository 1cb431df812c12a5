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

  /** The server's zone, as the list names it: a zone at UTC all year (Etc/UTC, GMT, Z) is "UTC". */
  static ZoneId serverDefault() {
    ZoneId zone = ZoneId.systemDefault();
    if (!ALL.contains(zone.getId()) && zone.getRules().isFixedOffset()
        && zone.getRules().getOffset(java.time.Instant.EPOCH).getTotalSeconds() == 0) {
      return ZoneId.of("UTC");
    }
    return zone;
  }

  /** The list, with a class's own zone in it even when the list would not have it. */
  static List<String> with(String current) {
    if (current == null || ALL.contains(current)) {
      return ALL;
    }
    List<String> zones = new java.util.ArrayList<>(ALL);
    zones.add(0, current);
    return zones;
  }

  /** A zone from a form; none chosen means the server's. */
  static ZoneId parse(String id) {
    if (id == null || id.isBlank()) {
      return serverDefault();
    }
    try {
      return ZoneId.of(id.strip());
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("choose a time zone from the list");
    }
  }
}
