package org.matrixcalculustutor.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.server.ResponseStatusException;

/**
 * Limits, per minute, what a school's network must allow and a guesser must not get: a whole
 * class joins from one address (a school's NAT or a proxy shows one address for everyone), so
 * joins are limited per class and wrong codes per address, not joins per address. Counts live in
 * the database and are shared by every instance (see {@link SharedCounters}). Addresses are
 * {@code request.getRemoteAddr()}, which the server's forwarded-header setting makes the client's
 * own behind trusted proxies only.
 */
@Component
public class RateLimiter {

  private final SharedCounters counters;
  private final int attemptsPerStudent;
  private final int anonymousAttemptsPerAddress;
  private final int joinsPerClass;
  private final int wrongCodesPerAddress;
  private final int signInFailuresPerAddress;
  private final int signInFailuresPerAccount;

  @Autowired
  RateLimiter(JdbcTemplate jdbc, PlatformTransactionManager transactions,
      @Value("${tutor.rate-limit.attempts-per-student:30}") int attemptsPerStudent,
      @Value("${tutor.rate-limit.attempts-per-address:3000}") int anonymousAttemptsPerAddress,
      @Value("${tutor.rate-limit.joins-per-class:600}") int joinsPerClass,
      @Value("${tutor.rate-limit.wrong-codes-per-address:60}") int wrongCodesPerAddress,
      @Value("${tutor.rate-limit.sign-in-failures-per-address:10}") int signInFailuresPerAddress,
      @Value("${tutor.rate-limit.sign-in-failures-per-account:20}") int signInFailuresPerAccount) {
    this(new SharedCounters(jdbc, transactions, Clock.systemUTC()), attemptsPerStudent, anonymousAttemptsPerAddress,
        joinsPerClass, wrongCodesPerAddress, signInFailuresPerAddress, signInFailuresPerAccount);
  }

  RateLimiter(SharedCounters counters, int attemptsPerStudent, int anonymousAttemptsPerAddress, int joinsPerClass,
      int wrongCodesPerAddress, int signInFailuresPerAddress, int signInFailuresPerAccount) {
    this.counters = counters;
    this.attemptsPerStudent = attemptsPerStudent;
    this.anonymousAttemptsPerAddress = anonymousAttemptsPerAddress;
    this.joinsPerClass = joinsPerClass;
    this.wrongCodesPerAddress = wrongCodesPerAddress;
    this.signInFailuresPerAddress = signInFailuresPerAddress;
    this.signInFailuresPerAccount = signInFailuresPerAccount;
  }

  /**
   * Counts an attempt: a student's against their own limit (shared by every instance), an
   * anonymous one against its address. A class behind one address is never limited as a whole.
   * Anonymous practice stores nothing, so its counts stay in each instance's memory rather than
   * add a database write to every anonymous answer.
   */
  public void attempt(Long studentId, String address) {
    if (studentId != null) {
      over(counters.hit("attempts:student:" + studentId), attemptsPerStudent,
          "You are sending answers very fast: wait a minute and try again.");
    } else {
      over(counters.hitHere("attempts:address:" + address), anonymousAttemptsPerAddress,
          "Too many answers from this address: wait a minute and try again.");
    }
  }

  /**
   * Refuses any join or re-entry link from an address that sent too many wrong codes in the last
   * minute, before the code is looked up: a guesser is stopped even when a guess would be right.
   */
  public void checkGuessing(String address) {
    over(counters.peek("wrong-codes:" + address), wrongCodesPerAddress - 1,
        "Too many wrong class codes from your network in the last minute: check the code with your teacher and try again in a minute.");
  }

  /** Counts a wrong class code or an unknown re-entry link from an address. */
  public void wrongCode(String address) {
    counters.hit("wrong-codes:" + address);
  }

  /** Counts a join into a class (by its code); a whole class of 300 joins within a minute. */
  public void join(String classCode) {
    over(counters.hit("joins:" + classCode.toUpperCase(Locale.ROOT)), joinsPerClass,
        "Very many students are joining this class right now: wait a minute and try again.");
  }

  /** Whether a sign-in may be tried: few enough failures for this account and from this address. */
  public boolean signInAllowed(String account, String address) {
    return counters.peek(accountBucket(account)) < signInFailuresPerAccount
        && counters.peek("sign-in:address:" + address) < signInFailuresPerAddress;
  }

  public void failedSignIn(String account, String address) {
    counters.hit(accountBucket(account));
    counters.hit("sign-in:address:" + address);
  }

  /** An account name is what a client typed: hashed, so any text makes a valid key. */
  private static String accountBucket(String account) {
    String name = account == null ? "" : account.strip().toLowerCase(Locale.ROOT);
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
      return "sign-in:account:" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void over(double count, int limit, String message) {
    if (count > limit) {
      throw new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS, message);
    }
  }
}
