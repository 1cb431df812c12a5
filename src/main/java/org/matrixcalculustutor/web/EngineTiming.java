package org.matrixcalculustutor.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Times the engine's own work and reports it as a Server-Timing header ("engine;dur=0.042", in
 * milliseconds), so browser tools and benchmarks can tell the engine's time from the network's.
 */
public final class EngineTiming {

  static final String ATTRIBUTE = EngineTiming.class.getName();

  static final String HEADER = "Server-Timing";

  private EngineTiming() {}

  /** Adds nanos of engine work to this request's engine time. */
  static void add(HttpServletRequest request, long nanos) {
    Long before = (Long) request.getAttribute(ATTRIBUTE);
    request.setAttribute(ATTRIBUTE, nanos + (before == null ? 0 : before));
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
      response.setHeader(HEADER, "engine;dur=" + millis(nanos));
    }
  }

  /** nanos as milliseconds with three decimals, "1.234", without String.format's parsing on every request. */
  static String millis(long nanos) {
    long micros = Math.max(0, Math.round(nanos / 1_000.0));
    long fraction = micros % 1_000;
    return (micros / 1_000) + (fraction < 10 ? ".00" : fraction < 100 ? ".0" : ".") + fraction;
  }
}
