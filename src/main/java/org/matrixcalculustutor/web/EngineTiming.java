package org.matrixcalculustutor.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Times the engine's own work and reports it as a Server-Timing header ("engine;dur=0.042", in
 * milliseconds), so browser tools and benchmarks can tell the engine's time from the network's.
 */
public final class EngineTiming {

  static final String ATTRIBUTE = EngineTiming.class.getName();

  static final String HEADER = "Server-Timing";

  private EngineTiming() {}

  /** Runs work, adding its duration to this request's engine time even when it throws. */
  public static <T> T time(HttpServletRequest request, Supplier<T> work) {
    long start = System.nanoTime();
    try {
      return work.get();
    } finally {
      Long before = (Long) request.getAttribute(ATTRIBUTE);
      long elapsed = System.nanoTime() - start + (before == null ? 0 : before);
      request.setAttribute(ATTRIBUTE, elapsed);
    }
  }

  /** Sets the Server-Timing header from the time recorded on the request, if any. */
  public static void report(HttpServletRequest request, HttpServletResponse response) {
    Long nanos = (Long) request.getAttribute(ATTRIBUTE);
    if (nanos != null) {
      report(request, response, nanos);
    }
  }

  /** Sets the Server-Timing header to the given engine time. */
  static void report(HttpServletRequest request, HttpServletResponse response, long nanos) {
    if (!response.isCommitted()) {
      response.setHeader(HEADER, String.format(Locale.ROOT, "engine;dur=%.3f", nanos / 1e6));
    }
  }
}
