package org.matrixcalculustutor.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.server.ResponseStatusException;

/** Counts that every instance shares through the database, and what happens when it is away. */
@SpringBootTest
class RateLimiterTest {

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  PlatformTransactionManager transactions;

  /** Another instance of the app: its own limiter, the same database. */
  private RateLimiter instance(Clock clock) {
    return new RateLimiter(new SharedCounters(jdbc, transactions, clock), 30, 3000, 600, 5, 10, 20);
  }

  @Test
  void wrongCodesCountedOnOneInstance_stopTheGuesserOnAnother() {
    RateLimiter first = instance(Clock.systemUTC());
    RateLimiter second = instance(Clock.systemUTC());
    for (int i = 0; i < 5; i++) {
      first.checkGuessing("192.0.2.50");
      first.wrongCode("192.0.2.50");
    }
    assertThatThrownBy(() -> second.checkGuessing("192.0.2.50")).isInstanceOf(ResponseStatusException.class)
        .hasMessageContaining("Too many wrong class codes");
    assertThatCode(() -> second.checkGuessing("192.0.2.51")).doesNotThrowAnyException();
  }

  @Test
  void aCount_slidesOutOfTheLastMinute() {
    Instant start = Instant.parse("2026-11-30T10:00:50Z");
    RateLimiter before = instance(Clock.fixed(start, ZoneOffset.UTC));
    for (int i = 0; i < 5; i++) {
      before.wrongCode("192.0.2.60");
    }
    // 20 s later, in the next window, most of the last minute still holds the five
    assertThatThrownBy(() -> instance(Clock.fixed(start.plusSeconds(20), ZoneOffset.UTC)).checkGuessing("192.0.2.60"))
        .isInstanceOf(ResponseStatusException.class);
    // 50 s later only a sixth of it does
    assertThatCode(() -> instance(Clock.fixed(start.plusSeconds(50), ZoneOffset.UTC)).checkGuessing("192.0.2.60"))
        .doesNotThrowAnyException();
  }

  @Test
  void withoutTheDatabase_limitsHoldOnThisInstance() {
    DriverManagerDataSource unreachable = new DriverManagerDataSource("jdbc:h2:tcp://127.0.0.1:1/nowhere") {
      @Override
      public java.sql.Connection getConnection() throws SQLException {
        throw new SQLException("Connection refused (no database in this test)");
      }
    };
    RateLimiter offline = new RateLimiter(new SharedCounters(new JdbcTemplate(unreachable),
        new DataSourceTransactionManager(unreachable), Clock.systemUTC()), 3, 3000, 600, 5, 10, 20);
    for (int i = 0; i < 3; i++) {
      offline.attempt(7L, "192.0.2.70");
    }
    assertThatThrownBy(() -> offline.attempt(7L, "192.0.2.70")).isInstanceOf(ResponseStatusException.class)
        .hasMessageContaining("wait a minute");
  }

  @Test
  void anonymousAttempts_countHereAndWriteNothing() {
    RateLimiter limiter = new RateLimiter(new SharedCounters(jdbc, transactions, Clock.systemUTC()), 30, 2, 600, 5, 10, 20);
    limiter.attempt(null, "192.0.2.90");
    limiter.attempt(null, "192.0.2.90");
    assertThatThrownBy(() -> limiter.attempt(null, "192.0.2.90")).isInstanceOf(ResponseStatusException.class);
    assertThat(jdbc.queryForObject("select count(*) from rate_limit where bucket like '%192.0.2.90%'", Long.class))
        .isZero();
  }

  @Test
  void aStudentsAttempts_areCountedInTheDatabase() {
    instance(Clock.systemUTC()).attempt(424242L, "192.0.2.91");
    assertThat(jdbc.queryForObject("select hits from rate_limit where bucket = 'attempts:student:424242'", Long.class))
        .isOne();
  }

  @Test
  void anyAccountName_makesAValidCounter() {
    RateLimiter limiter = instance(Clock.systemUTC());
    String hostile = "\u0000" + "x".repeat(10_000) + "\u202E";
    limiter.failedSignIn(hostile, "192.0.2.80");
    assertThat(limiter.signInAllowed(hostile, "192.0.2.81")).isTrue();
    assertThat(jdbc.queryForObject("select max(length(bucket)) from rate_limit", Integer.class))
        .isLessThanOrEqualTo(SharedCounters.MAX_BUCKET_LENGTH);
  }
}
