package org.matrixcalculustutor.reliability;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.matrixcalculustutor.TutorApplication;

/**
 * The tutor in a JVM of its own, started from the test classpath, so that a test can kill it as a
 * crash would (SIGKILL: no shutdown hook, no flush) and start it again on the same data.
 */
final class ChildApp implements AutoCloseable {

  static final String TEACHER_PASSWORD = "reliability-password";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

  private final List<String> arguments;
  private final Path log;
  private final int port;
  private Process process;

  /**
   * @param log where the child's output goes (read it when a test fails)
   * @param arguments Spring Boot arguments, such as --tutor.data-dir=...
   */
  ChildApp(Path log, String... arguments) throws IOException {
    this.log = log;
    this.port = freePort();
    this.arguments = List.of(arguments);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  String base() {
    return "http://127.0.0.1:" + port;
  }

  /** Starts the JVM and waits until it reports healthy. */
  ChildApp start() throws Exception {
    process = launch();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long end = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < end) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the tutor stopped while starting; see " + log);
      }
      try {
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health"))
            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200) {
          return this;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("the tutor did not become healthy within " + START_TIMEOUT + "; see " + log);
  }

  /** Starts the JVM and waits for it to end on its own (a start that stops by itself); its exit status. */
  int runToExit() throws Exception {
    process = launch();
    if (!process.waitFor(START_TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
      throw new IllegalStateException("the tutor did not stop within " + START_TIMEOUT + "; see " + log);
    }
    return process.exitValue();
  }

  private Process launch() throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-cp");
    command.add(applicationClassPath());
    command.add(TutorApplication.class.getName());
    command.add("--server.port=" + port);
    command.add("--server.address=127.0.0.1");
    command.add("--tutor.teacher.password=" + TEACHER_PASSWORD);
    command.add("--logging.level.root=WARN");
    command.addAll(arguments);
    return new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
  }

  /**
   * The application's own classpath: the test classpath without the test classes and resources,
   * whose configuration (an in-memory database) is not what a real start reads.
   */
  private static String applicationClassPath() {
    String testClassPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return Arrays.stream(testClassPath.split(File.pathSeparator))
        .filter(entry -> !Path.of(entry).endsWith("test-classes"))
        .collect(Collectors.joining(File.pathSeparator));
  }

  /** Ends the JVM as a crash would: SIGKILL, no shutdown hook, nothing flushed. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }
}
