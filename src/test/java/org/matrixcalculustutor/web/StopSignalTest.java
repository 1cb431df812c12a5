package org.matrixcalculustutor.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** A child JVM asked to stop with SIGTERM runs its shutdown hooks and exits with status 0. */
@DisabledOnOs(OS.WINDOWS)
class StopSignalTest {

  /** The child: installs the handler, registers a hook that says it ran, says it is ready, waits. */
  public static void main(String[] args) throws Exception {
    StopSignal.exitZeroOnTerm();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("shut down gracefully")));
    System.out.println("ready");
    System.out.flush();
    Thread.currentThread().join();
  }

  @Test
  void sigterm_endsInTheShutdownHooksAndExitStatusZero() throws Exception {
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), StopSignalTest.class.getName()).redirectErrorStream(true).start();
    try {
      String first = new String(child.getInputStream().readNBytes("ready".length()), StandardCharsets.UTF_8);
      assertThat(first).isEqualTo("ready");
      child.toHandle().destroy();  // SIGTERM, and the output stays readable
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).contains("shut down gracefully");
      assertThat(child.exitValue()).isZero();
    } finally {
      child.destroyForcibly();
    }
  }
}
