package org.matrixcalculustutor.web;

import sun.misc.Signal;

/**
 * A request to stop (SIGTERM: docker stop, systemd, or Maven's spring-boot:run when Ctrl-C
 * reaches Maven alone and Maven stops the app after 5 s) ends in the usual graceful shutdown and
 * exit status 0. The JVM's own handler exits with 143, which Maven reports as "Process terminated
 * with exit code: 143", a build failure, and other tools as a crash. Ctrl-C in a terminal (SIGINT)
 * keeps the JVM's handling.
 */
public final class StopSignal {

  private StopSignal() {}

  public static void exitZeroOnTerm() {
    try {
      Signal.handle(new Signal("TERM"), signal -> System.exit(0));
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      // a platform without SIGTERM, or with signals reserved by the JVM (-Xrs): its default stays
    }
  }
}
