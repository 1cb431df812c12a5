package org.matrixcalculustutor.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Times the engine's own work and reports it as a Server-Timing header ("engine;dur=0.042", in
 * milliseconds), so browser tools and benchmarks can tell the engine's time from the network's. A
 * second value, "engine-cpu;dur=0.031", is the CPU time of that work: engine time well above it
 * was spent waiting for a core (on a small machine, behind the JIT compilers just after a start).
 */
public final class EngineTiming {

  static final String ATTRIBUTE = EngineTiming.class.getName();
  static final String CPU_ATTRIBUTE = ATTRIBUTE + ".cpu";

  static final String HEADER = "Server-Timing";

  private EngineTiming() {}

  /** Adds nanos of engine work, of which cpuNanos on a core (-1: unknown), to this request's engine time. */
  static void add(HttpServletRequest request, long nanos, long cpuNanos) {
    request.setAttribute(ATTRIBUTE, nanos + recorded(request, ATTRIBUTE));
    if (cpuNanos >= 0) {
      request.setAttribute(CPU_ATTRIBUTE, cpuNanos + recorded(request, CPU_ATTRIBUTE));
    }
  }

  private static long recorded(HttpServletRequest request, String attribute) {
    Long nanos = (Long) request.getAttribute(attribute);
    return nanos == null ? 0 : nanos;
  }

  /** Sets the Server-Timing header from the times recorded on the request, if any. */
  public static void report(HttpServletRequest request, HttpServletResponse response) {
    Long nanos = (Long) request.getAttribute(ATTRIBUTE);
    if (nanos != null) {
      report(request, response, nanos);
      Long cpuNanos = (Long) request.getAttribute(CPU_ATTRIBUTE);
      if (cpuNanos != null && !response.isCommitted()) {
        response.addHeader(HEADER, "engine-cpu;dur=" + millis(cpuNanos));
      }
    }
  }

  /** Sets the Server-Timing header to the given engine time (and no CPU time). */
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
