package org.matrixcalculustutor.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The requests of a hostile visitor, sent as one would: concurrently and repeatedly, each followed
 * by a check that the tutor still serves everybody else. Through the real server (Tomcat, its
 * threads and timeouts), not MockMvc.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "tutor.limits.body-read-timeout=3s", "tutor.rate-limit.attempts-per-student=1000",
    // a client's engine time per minute: small, so that a flood of requests the engine now does in a
    // tenth of a second each still runs past it (each test's attacker has an address of its own)
    "tutor.engine.client-budget=1s"})
class HostileRequestsTest {

  /** The bounds: a refusal within 5 s, a normal request within 3 s. */
  static final Duration REFUSED_WITHIN = Duration.ofSeconds(5);
  static final Duration SERVED_WITHIN = Duration.ofSeconds(3);

  private static ExecutorService attackers;

  /** A bystander's address, as the trusted proxy in front reports it; each test has its own attacker. */
  static final String BYSTANDER = "198.51.100.7";
  private static final java.util.concurrent.atomic.AtomicInteger ATTACKERS =
      new java.util.concurrent.atomic.AtomicInteger(1);

  private String attackerAddress;

  @LocalServerPort
  int port;

  @BeforeAll
  static void startAttackers() {
    attackers = Executors.newFixedThreadPool(16);
  }

  @AfterAll
  static void stopAttackers() {
    attackers.shutdownNow();
  }

  private String base() {
    return "http://127.0.0.1:" + port;
  }

  /** A request and how long it took. */
  record Timed(int status, Duration took, String body) {}

  private Timed timed(Callable<HttpResponse<String>> request) throws Exception {
    long start = System.nanoTime();
    HttpResponse<String> response = request.call();
    return new Timed(response.statusCode(), Duration.ofNanos(System.nanoTime() - start), response.body());
  }

  private static String json(String expression, String variable, String declarations, String answer) {
    return "{\"expression\":\"" + expression + "\",\"variable\":\"" + variable + "\",\"declarations\":\""
        + declarations + "\"" + (answer == null ? "" : ",\"answer\":\"" + answer + "\"") + "}";
  }

  @org.junit.jupiter.api.BeforeEach
  void newAttacker() {
    attackerAddress = "203.0.113." + ATTACKERS.getAndIncrement();
  }

  private Visitor attacker() {
    return new Visitor(base()).from(attackerAddress);
  }

  /** Everybody else: a page, the health check and a derivative are served, in time. */
  private void assertStillServes() throws Exception {
    Visitor probe = new Visitor(base(), SERVED_WITHIN).from(BYSTANDER);
    Timed health = timed(() -> probe.get("/actuator/health"));
    assertThat(health.status()).isEqualTo(200);
    Timed derivative = timed(() -> probe.postJson("/api/derivative", json("x'*A*x", "x", "", null)));
    assertThat(derivative.status()).isEqualTo(200);
    assertThat(derivative.body()).contains("(A + A')*x");
    assertThat(derivative.took()).isLessThan(SERVED_WITHIN);
  }

  @RepeatedTest(2)
  void hugePowersFourAtATime_areRefusedWithin5sAndTheServerServesAfter() throws Exception {
    List<Callable<HttpResponse<String>>> huge = List.of(
        () -> attacker().postJson("/api/derivative", json("tr(X^999999999)", "X", "", null)),
        () -> attacker().postJson("/api/derivative", json("tr(X^5000000)", "X", "", null)),
        () -> attacker().get("/calculator?expression=tr(X%5E999999999)&variable=X"),
        () -> attacker().postJson("/api/validate",
            "{\"text\":\"vec(kron(kron(X,X),X))\",\"declarations\":\"X: matrix 64 x 64\"}"));
    List<Future<Timed>> answers = new ArrayList<>();
    for (Callable<HttpResponse<String>> request : huge) {
      answers.add(attackers.submit(() -> timed(request)));
    }
    for (Future<Timed> answer : answers) {
      Timed t = answer.get(30, TimeUnit.SECONDS);
      assertThat(t.took()).isLessThan(REFUSED_WITHIN);
      if (t.body().startsWith("{")) {
        assertThat(t.status()).isEqualTo(400);
        assertThat(t.body()).contains("more than the");
      } else { // the calculator page explains it beside the form
        assertThat(t.body()).contains("id=\"error-message\"").contains("more than the tutor works with");
      }
    }
    assertStillServes();
  }

  @Test
  void aStudentsAttemptIsServedWithin3sWhileEightCostlyChecksRun() throws Exception {
    String code = Visitor.createClass(base(), "test-password", "Hostile " + System.nanoTime(), "trace");
    Visitor student = new Visitor(base()).from(BYSTANDER);
    student.join(code, "Ada");
    List<Future<Timed>> costly = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      int power = 150 + i; // each a different problem: nothing is cached
      costly.add(attackers.submit(() -> timed(() -> attacker().postJson("/api/check",
          json("tr(X^" + power + ")", "X", "", "X")))));
    }
    costly.add(attackers.submit(() -> timed(() -> attacker().postJson("/api/check",
        json("tr(X^63)", "X", "X: matrix 64 x 64", "X")))));

    Timed attempt = timed(() -> student.postJson("/api/exercises/trace/attempts", "{\"answer\":\"I\"}"));
    Timed page = timed(() -> new Visitor(base()).from(BYSTANDER).get("/lessons"));

    assertThat(attempt.status()).isEqualTo(200);
    assertThat(attempt.body()).contains("\"verdict\":\"correct\"");
    assertThat(attempt.took()).isLessThan(SERVED_WITHIN);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.took()).isLessThan(SERVED_WITHIN);
    for (Future<Timed> check : costly) {
      assertThat(check.get(60, TimeUnit.SECONDS).status()).isIn(200, 400, 429, 503);
    }
    assertStillServes();
  }

  @Test
  void tenSlowBodyClients_holdNothingThatProbesNeed() throws Exception {
    List<Socket> slow = new ArrayList<>();
    try {
      for (int i = 0; i < 10; i++) {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(30_000);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /api/validate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            + "Content-Length: 1000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        slow.add(socket);
      }
      Future<?> dripping = attackers.submit(() -> {
        for (int b = 0; b < 30 && !Thread.currentThread().isInterrupted(); b++) {
          for (Socket socket : slow) {
            try {
              socket.getOutputStream().write(' '); // one byte a second each
              socket.getOutputStream().flush();
            } catch (Exception closedByTheServer) {
              // as it should be, in the end
            }
          }
          try {
            Thread.sleep(1_000);
          } catch (InterruptedException stop) {
            return;
          }
        }
      });
      for (int probe = 0; probe < 5; probe++) {
        assertStillServes();
        Timed page = timed(() -> new Visitor(base(), SERVED_WITHIN).from(BYSTANDER).get("/"));
        assertThat(page.status()).isEqualTo(200);
      }
      // the slow ones are answered 408 once their time is up (3 s here) and closed
      for (Socket socket : slow) {
        String answer = firstLine(socket.getInputStream());
        assertThat(answer).startsWith("HTTP/1.1 408");
      }
      dripping.cancel(true);
    } finally {
      for (Socket socket : slow) {
        socket.close();
      }
    }
  }

  @Test
  void aBodyThatStopsComing_isAnswered408WhenTheServersReadTimesOut() throws Exception {
    // one byte, then silence: the read blocks until the connection's own timeout (5 s), which the
    // container reports as an aborted client; it is still the visitor's slowness, so 408, not 400
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(("POST /api/validate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
          + "Content-Length: 1000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      assertThat(firstLine(socket.getInputStream())).startsWith("HTTP/1.1 408");
    }
    assertStillServes();
  }

  private static String firstLine(InputStream in) throws Exception {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
      line.append((char) c);
    }
    return line.toString().strip();
  }

  @Test
  void aFloodOfCostlyRequestsFromOneClient_isToldToWaitWhileOthersAreServed() throws Exception {
    List<Future<HttpResponse<String>>> flood = new ArrayList<>();
    // 100 requests of some 20 ms each when warm: about twice the budget, so it runs out however
    // fast grading gets (40 of them stayed under it once wrong answers stopped at their first point)
    for (int i = 0; i < 100; i++) {
      int power = 100 + i;
      // costly: some three hundred terms that do not merge (tr(X^k) alone comes out as k*X'^(k-1), cheaply)
      flood.add(attackers.submit(() -> attacker().postJson("/api/check",
          json("tr(X^" + power + "*A*X^" + power + "*B*X^" + power + "*C)", "X", "", "X"))));
    }
    assertStillServes();
    List<Integer> statuses = new ArrayList<>();
    for (Future<HttpResponse<String>> f : flood) {
      HttpResponse<String> response = f.get(120, TimeUnit.SECONDS);
      statuses.add(response.statusCode());
      if (response.statusCode() == 429 || response.statusCode() == 503) {
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
      }
    }
    // answered, refused as too much work (400), or told to wait: its own backlog (429), a full queue (503)
    assertThat(statuses).as("statuses of the flood").allMatch(s -> s == 200 || s == 400 || s == 429 || s == 503)
        .contains(429);
    assertStillServes();
  }
}
