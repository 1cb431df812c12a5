package org.matrixcalculustutor.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Counts requests per key (a student, an address) in one-minute windows and refuses those over
 * the limit with 429 and a clear message. Counts are per instance: behind a load balancer each
 * instance limits on its own, which bounds abuse without shared state.
 */
@Component
public class RateLimiter {

  /** Keys kept before old windows are swept. */
  static final int SWEEP_AT = 10_000;

  private final int attemptsPerStudent;
  private final int attemptsPerAddress;
  private final int joinsPerAddress;
  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

  RateLimiter(@Value("${tutor.rate-limit.attempts-per-student:30}") int attemptsPerStudent,
      @Value("${tutor.rate-limit.attempts-per-address:3000}") int attemptsPerAddress,
      @Value("${tutor.rate-limit.joins-per-address:20}") int joinsPerAddress) {
    this.attemptsPerStudent = attemptsPerStudent;
    this.attemptsPerAddress = attemptsPerAddress;
    this.joinsPerAddress = joinsPerAddress;
  }

  /** Counts an attempt; refuses it beyond the per-student or per-address limit a minute. */
  public void attempt(Long studentId, String address) {
    if (studentId != null) {
      check("student:" + studentId, attemptsPerStudent, "You are sending answers very fast: wait a minute and try again.");
    }
    check("address:" + address, attemptsPerAddress, "Too many answers from this address: wait a minute and try again.");
  }

  /** Counts a try at a join code; refuses it beyond the limit, so codes cannot be guessed. */
  public void join(String address) {
    check("join:" + address, joinsPerAddress, "Too many tries at a join code: wait a minute and try again.");
  }

  private void check(String key, int limit, String message) {
    long minute = System.currentTimeMillis() / 60_000;
    if (counts.size() > SWEEP_AT) {
      counts.keySet().removeIf(k -> !k.endsWith("@" + minute));
    }
    int count = counts.computeIfAbsent(key + "@" + minute, k -> new AtomicInteger()).incrementAndGet();
    if (count > limit) {
      throw new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS, message);
    }
  }
}
