package org.matrixcalculustutor.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counters in one-minute windows, kept in the database's rate_limit table so that every instance
 * behind a load balancer counts the same hits. A count is a sliding estimate: this window's hits
 * plus the previous window's, weighted by how much of it still lies within the last minute, so a
 * burst at a window's edge is not counted twice as leniently.
 *
 * <p>Each hit is its own statement in auto-commit, outside any caller's transaction. When the
 * database cannot be reached, counting falls back to this instance's memory (limits then hold per
 * instance), so anonymous practice keeps working through an outage.
 */
class SharedCounters {

  static final long WINDOW_MILLIS = 60_000;
  static final int MAX_BUCKET_LENGTH = 200;

  private static final Logger log = LoggerFactory.getLogger(SharedCounters.class);

  private final JdbcTemplate jdbc;
  private final TransactionTemplate outsideTransactions;
  private final Clock clock;
  private final Map<String, AtomicLong> local = new ConcurrentHashMap<>();
  private volatile long sweptWindow;
  private volatile long warnedWindow;

  SharedCounters(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
    this.jdbc = jdbc;
    this.outsideTransactions = new TransactionTemplate(transactions);
    this.outsideTransactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
    this.clock = clock;
  }

  /** Counts one hit of bucket and returns the count of the last minute, this hit included. */
  double hit(String bucket) {
    return count(key(bucket), true);
  }

  /** The count of the last minute, without counting. */
  double peek(String bucket) {
    return count(key(bucket), false);
  }

  /**
   * Counts one hit in this instance's memory only: for requests that otherwise never touch the
   * database (anonymous practice), which should not start writing to it.
   */
  double hitHere(String bucket) {
    long now = clock.millis();
    long window = now / WINDOW_MILLIS;
    long[] hits = local(bucket, window, true);
    return hits[1] + hits[0] * (1.0 - (double) (now % WINDOW_MILLIS) / WINDOW_MILLIS);
  }

  private double count(String bucket, boolean hit) {
    long now = clock.millis();
    long window = now / WINDOW_MILLIS;
    double previousWeight = 1.0 - (double) (now % WINDOW_MILLIS) / WINDOW_MILLIS;
    long[] hits;
    try {
      hits = outsideTransactions.execute(status -> {
        if (hit) {
          increment(bucket, window);
        }
        sweep(window);
        return read(bucket, window);
      });
    } catch (DataAccessException e) {
      if (warnedWindow != window) {
        warnedWindow = window;
        log.warn("rate limits count on this instance only while the database is unreachable: {}", e.getMessage());
      }
      hits = local(bucket, window, hit);
    }
    return hits[1] + hits[0] * previousWeight;
  }

  private void increment(String bucket, long window) {
    if (jdbc.update("UPDATE rate_limit SET hits = hits + 1 WHERE bucket = ? AND window_start = ?", bucket, window) > 0) {
      return;
    }
    try {
      jdbc.update("INSERT INTO rate_limit (bucket, window_start, hits) VALUES (?, ?, 1)", bucket, window);
    } catch (DuplicateKeyException e) {
      // another request (or instance) made the row first
      jdbc.update("UPDATE rate_limit SET hits = hits + 1 WHERE bucket = ? AND window_start = ?", bucket, window);
    }
  }

  /** {previous window's hits, this window's hits}. */
  private long[] read(String bucket, long window) {
    long[] hits = new long[2];
    List<Map<String, Object>> rows = jdbc.queryForList(
        "SELECT window_start, hits FROM rate_limit WHERE bucket = ? AND window_start IN (?, ?)", bucket, window - 1, window);
    for (Map<String, Object> row : rows) {
      long start = ((Number) value(row, "window_start")).longValue();
      hits[start == window ? 1 : 0] = ((Number) value(row, "hits")).longValue();
    }
    return hits;
  }

  /** A column by name whatever case the database reports it in. */
  private static Object value(Map<String, Object> row, String column) {
    Object v = row.get(column);
    return v != null ? v : row.get(column.toUpperCase());
  }

  /** Once per window and instance, windows older than the previous one go. */
  private void sweep(long window) {
    if (sweptWindow != window) {
      sweptWindow = window;
      jdbc.update("DELETE FROM rate_limit WHERE window_start < ?", window - 1);
    }
  }

  private long[] local(String bucket, long window, boolean hit) {
    if (local.size() > 10_000) {
      local.keySet().removeIf(k -> !k.endsWith("@" + window) && !k.endsWith("@" + (window - 1)));
    }
    AtomicLong current = local.computeIfAbsent(bucket + "@" + window, k -> new AtomicLong());
    long now = hit ? current.incrementAndGet() : current.get();
    AtomicLong previous = local.get(bucket + "@" + (window - 1));
    return new long[] {previous == null ? 0 : previous.get(), now};
  }

  /** Buckets built from what a client sends (an account name) are hashed when long. */
  static String key(String bucket) {
    if (bucket.length() <= MAX_BUCKET_LENGTH) {
      return bucket;
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bucket.getBytes(StandardCharsets.UTF_8));
      return bucket.substring(0, 100) + "#" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
