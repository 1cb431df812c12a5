package org.matrixcalculustutor.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** How pages say times: a short form that no reader takes the wrong way round, in the class's zone. */
class WordsTest {

  static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  @Test
  void dayTime_namesTheMonthInWordsInTheClassesZone() {
    int year = ZonedDateTime.now(PARIS).getYear();
    // 06:05 UTC is 07:05 in Paris in winter
    ZonedDateTime utc = ZonedDateTime.of(year, 12, 1, 6, 5, 0, 0, ZoneId.of("UTC"));
    assertThat(Words.dayTime(utc.toInstant(), PARIS)).isEqualTo("1 Dec 07:05");
    assertThat(Words.dayTime(utc.withMonth(9).withDayOfMonth(12).toInstant(), ZoneId.of("UTC"))).isEqualTo("12 Sep 06:05");
  }

  @Test
  void dayTime_givesTheYearOfAnotherYear() {
    int lastYear = ZonedDateTime.now(PARIS).getYear() - 1;
    ZonedDateTime then = ZonedDateTime.of(lastYear, 1, 12, 23, 59, 0, 0, PARIS);
    assertThat(Words.dayTime(then.toInstant(), PARIS)).isEqualTo("12 Jan " + lastYear + " 23:59");
  }

  @Test
  void timeWithZone_saysTheZone() {
    ZonedDateTime at = ZonedDateTime.of(2026, 12, 18, 23, 59, 0, 0, PARIS);
    assertThat(Words.timeWithZone(at.toInstant(), PARIS)).isEqualTo("2026-12-18 23:59:00 (Europe/Paris)");
  }
}
