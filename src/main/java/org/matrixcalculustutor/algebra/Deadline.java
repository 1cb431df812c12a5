package org.matrixcalculustutor.algebra;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A time limit on the engine's work for one request, checked cooperatively where work can grow
 * (each simplified node, each differentiated node, each matrix operation evaluated, each random
 * point). The bounds on sizes and nodes stop most costly input before it is built; the deadline
 * stops what slips between them, such as a long run of small numeric checks.
 *
 * <p>The limit is on the thread's CPU time, so a request is not blamed for time it spent waiting
 * for a core; a wall-clock cap of {@link #WALL_FACTOR} times the limit still ends work that a busy
 * machine starves. The deadline is kept per thread because it bounds a whole request, across
 * every layer of the engine, without threading a parameter through each visitor; code that runs
 * outside {@link #run} is not limited.
 */
public final class Deadline {

  /** How much longer than the CPU limit a request may take by the wall clock on a busy machine. */
  static final int WALL_FACTOR = 3;

  private static final ThreadLocal<Deadline> CURRENT = new ThreadLocal<>();
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final boolean CPU_TIME = THREADS.isCurrentThreadCpuTimeSupported();

  private final Duration limit;
  private final long wallEnd;
  private final long cpuStart;

  private Deadline(Duration limit) {
    this.limit = limit;
    long now = System.nanoTime();
    this.wallEnd = now + limit.toNanos();
    this.cpuStart = threadCpuNanos();
  }

  /**
   * The CPU time this thread has used, in nanoseconds, or -1 where the JVM cannot tell: set against
   * the wall clock, it tells work that was slow from work that waited for a core.
   */
  public static long threadCpuNanos() {
    return CPU_TIME ? THREADS.getCurrentThreadCpuTime() : -1;
  }

  /** Runs work on this thread under a deadline of limit; nested runs keep the outer deadline. */
  public static <T> T run(Duration limit, Supplier<T> work) {
    if (CURRENT.get() != null) {
      return work.get();
    }
    CURRENT.set(new Deadline(limit));
    try {
      return work.get();
    } finally {
      CURRENT.remove();
    }
  }

  /**
   * Runs optional work under a limit of its own, inside this thread's deadline: work that may give
   * up (a diagnosis that derives f again) throws {@link Exceeded} when it takes longer than limit,
   * and the request goes on under its own deadline, which applies again once this returns.
   */
  public static <T> T within(Duration limit, Supplier<T> work) {
    Deadline outer = CURRENT.get();
    CURRENT.set(new Deadline(limit));
    try {
      return work.get();
    } finally {
      if (outer == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(outer);
      }
    }
  }

  /**
   * Returns when this thread's work is within its deadline (or has none).
   *
   * @throws Exceeded when it is not
   */
  public static void check() {
    Deadline deadline = CURRENT.get();
    if (deadline != null) {
      deadline.checkNow();
    }
  }

  /**
   * This thread's deadline, or none: for work that checks it at every node, which need not look it
   * up each time. Checked with {@link #checkNow}, on this same thread.
   */
  public static Deadline current() {
    Deadline deadline = CURRENT.get();
    return deadline == null ? NONE : deadline;
  }

  /** No limit: the work of a thread outside {@link #run}. */
  private static final Deadline NONE = new Deadline(Duration.ZERO);

  /** As {@link #check}, for this deadline (the one {@link #current} gave this thread). */
  public void checkNow() {
    if (this != NONE && System.nanoTime() - wallEnd > 0) {
      passed(); // the cheap wall-clock test first; CPU time only once it has passed
    }
  }

  private void passed() {
    long wallOver = System.nanoTime() - wallEnd;
    long cpu = CPU_TIME ? threadCpuNanos() - cpuStart : limit.toNanos();
    if (cpu >= limit.toNanos()) {
      throw new Exceeded(false, "this needs more than " + seconds(limit) + " of the tutor's work, more than one "
          + "request may take: try smaller sizes or a shorter expression, or split it into smaller problems");
    }
    if (wallOver > (WALL_FACTOR - 1) * limit.toNanos()) {
      throw new Exceeded(true, "the tutor is very busy and could not finish this in time; try again in a moment");
    }
  }

  private static String seconds(Duration d) {
    return BigDecimal.valueOf(d.toMillis(), 3).stripTrailingZeros().toPlainString() + " s";
  }

  /**
   * The deadline passed. Not an ExpressionException: the engine catches those to try another point
   * or another form, while a passed deadline must end the whole request.
   */
  public static final class Exceeded extends RuntimeException {

    private final boolean busy;

    Exceeded(boolean busy, String message) {
      super(message, null, false, false); // expected, frequent under attack: no stack trace to fill
      this.busy = busy;
    }

    /** True when the machine was too busy (wall clock), false when the input needs too much work. */
    public boolean busy() {
      return busy;
    }
  }
}
