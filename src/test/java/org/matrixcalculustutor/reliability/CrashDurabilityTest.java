package org.matrixcalculustutor.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Saved" means it survives a crash: a class answers exercises, the tutor's JVM is killed with
 * SIGKILL in the middle of it, and after a restart every attempt that was answered 200 is there.
 */
class CrashDurabilityTest {

  static final int STUDENTS = 30;
  /** Attempts acknowledged before the kill, so that many more are in flight when it comes. */
  static final int ACKNOWLEDGED_BEFORE_KILL = 300;

  @TempDir
  Path dir;

  @Test
  void everyAcknowledgedAttempt_survivesAKillOnTheDefaultH2Database() throws Exception {
    Path data = dir.resolve("data");
    assertEveryAcknowledgedAttemptSurvives("--tutor.data-dir=" + data);
  }

  @Test
  @EnabledIfEnvironmentVariable(named = "TUTOR_TEST_POSTGRES_URL", matches = "jdbc:postgresql:.+")
  void everyAcknowledgedAttempt_survivesAKillOnPostgresql() throws Exception {
    assertEveryAcknowledgedAttemptSurvives("--spring.profiles.active=postgres",
        "--spring.datasource.url=" + System.getenv("TUTOR_TEST_POSTGRES_URL"),
        "--spring.datasource.username=" + env("TUTOR_TEST_POSTGRES_USER", "tutor"),
        "--spring.datasource.password=" + env("TUTOR_TEST_POSTGRES_PASSWORD", "tutor"));
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null ? fallback : value;
  }

  private void assertEveryAcknowledgedAttemptSurvives(String... database) throws Exception {
    List<String> arguments = new ArrayList<>(List.of(database));
    // the load, not the limits, is under test
    arguments.add("--tutor.rate-limit.attempts-per-student=100000");
    arguments.add("--tutor.rate-limit.joins-per-class=100000");
    Files.createDirectories(Path.of("target", "reliability"));
    Path log = Files.createTempFile(Path.of("target", "reliability"), "crash-", ".log"); // kept for a failure
    ChildApp app = new ChildApp(log, arguments.toArray(String[]::new)).start();
    List<Visitor> students = new ArrayList<>();
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    try {
      String code = Visitor.createClass(app.base(), ChildApp.TEACHER_PASSWORD, "Crash test " + System.nanoTime(), "trace");
      for (int i = 0; i < STUDENTS; i++) {
        Visitor student = new Visitor(app.base());
        student.join(code, "Student " + i);
        assertThat(student.get("/api/me/attempts").statusCode()).as("a student once joined").isEqualTo(200);
        students.add(student);
      }

      AtomicBoolean running = new AtomicBoolean(true);
      AtomicInteger next = new AtomicInteger();
      CountDownLatch started = new CountDownLatch(STUDENTS);
      ExecutorService pool = Executors.newFixedThreadPool(STUDENTS);
      for (Visitor student : students) {
        pool.submit(() -> {
          started.countDown();
          while (running.get()) {
            String answer = next.incrementAndGet() + "*I"; // unique, graded (a factor off), stored
            try {
              HttpResponse<String> graded = student.postJson("/api/exercises/trace/attempts",
                  "{\"answer\":\"" + answer + "\"}");
              if (graded.statusCode() == 200) {
                acknowledged.add(answer);
              }
            } catch (Exception killed) {
              return; // the server is gone
            }
          }
          return;
        });
      }
      started.await();
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (acknowledged.size() < ACKNOWLEDGED_BEFORE_KILL && System.nanoTime() < end) {
        java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
      }
      app.kill(); // under load: requests are in flight
      running.set(false);
      pool.shutdown();
      assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      app.close();
    }
    assertThat(acknowledged).as("attempts answered 200 before the kill").hasSizeGreaterThanOrEqualTo(
        ACKNOWLEDGED_BEFORE_KILL);

    try (ChildApp restarted = new ChildApp(log, arguments.toArray(String[]::new)).start()) {
      Set<String> stored = new java.util.HashSet<>();
      for (Visitor student : students) {
        Visitor again = student.at(restarted.base());
        HttpResponse<String> mine = again.get("/api/me/attempts");
        assertThat(mine.statusCode()).isEqualTo(200);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"answer\":\"([^\"]+)\"").matcher(mine.body());
        while (m.find()) {
          stored.add(m.group(1));
        }
      }
      // the counts, for whoever measures durability on another machine or database
      System.out.printf("%s: %d attempts acknowledged before kill -9, %d stored after the restart%n",
          database[0], acknowledged.size(), stored.size());
      assertThat(stored).as("attempts found after the restart").containsAll(acknowledged);
    }
  }
}
