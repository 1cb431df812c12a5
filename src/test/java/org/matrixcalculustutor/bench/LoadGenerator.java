package org.matrixcalculustutor.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.matrixcalculustutor.TutorApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A bounded load test on loopback: starts the app on a free local port, posts from N concurrent
 * clients for a fixed time, and prints requests per second, p50/p99 latency and errors. Run with
 * {@code ./mvnw -B -Pbench test-compile exec:exec -Dbench.main=org.matrixcalculustutor.bench.LoadGenerator
 * -Dbench.args="scenario=derivative clients=64 seconds=30"}; not part of the test suite.
 */
public final class LoadGenerator {

  private LoadGenerator() {}

  /** What one request of a scenario posts: the path and the JSON body, varied by request number. */
  record Scenario(String path, IntFunction<String> body) {}

  static final Map<String, Scenario> SCENARIOS = Map.of(
      "derivative", new Scenario("/api/derivative", i -> List.of(
          "{\"expression\":\"x'*A*x\",\"variable\":\"x\"}",
          "{\"expression\":\"tr(A*X*B)\",\"variable\":\"X\"}",
          "{\"expression\":\"norm(X*w - y)^2\",\"variable\":\"w\"}",
          "{\"expression\":\"logdet(X'*X)\",\"variable\":\"X\"}",
          "{\"expression\":\"-y'*X*w + log(ones'*exp(X*w))\",\"variable\":\"w\"}").get(i % 5)),
      "attempts", new Scenario("/api/exercises/quadratic-form/attempts", i -> List.of(
          "{\"answer\":\"(A + A')*x\",\"seed\":" + (i % 16) + "}",
          "{\"answer\":\"2*A*x\",\"seed\":" + (i % 16) + "}",
          "{\"answer\":\"x'*(A + A')\",\"seed\":" + (i % 16) + "}").get(i % 3)));

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new HashMap<>(Map.of("scenario", "derivative", "clients", "64", "seconds", "30"));
    Arrays.stream(String.join(" ", args).split("\\s+")).filter(a -> a.contains("="))
        .forEach(a -> options.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1)));
    Scenario scenario = SCENARIOS.get(options.get("scenario"));
    int clients = Integer.parseInt(options.get("clients"));
    long seconds = Long.parseLong(options.get("seconds"));

    ConfigurableApplicationContext app = SpringApplication.run(TutorApplication.class,
        "--server.port=0", "--server.address=127.0.0.1", "--logging.level.root=WARN",
        "--tutor.data-dir=" + java.nio.file.Files.createTempDirectory("load").toString(),
        "--tutor.rate-limit.attempts-per-address=1000000000");
    int port = ((WebServerApplicationContext) app).getWebServer().getPort();
    URI uri = URI.create("http://127.0.0.1:" + port + scenario.path());
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    // warm up the JIT before measuring
    run(http, uri, scenario, clients, System.nanoTime() + Duration.ofSeconds(Math.min(10, seconds / 3)).toNanos());
    Result result = run(http, uri, scenario, clients, System.nanoTime() + Duration.ofSeconds(seconds).toNanos());
    System.out.printf("scenario=%s clients=%d seconds=%d requests=%d errors=%d%n", options.get("scenario"),
        clients, seconds, result.latencies.length, result.errors);
    System.out.printf("throughput: %.0f requests/s%n", result.latencies.length / (double) seconds);
    System.out.printf("latency: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", percentile(result.latencies, 0.50),
        percentile(result.latencies, 0.99), percentile(result.latencies, 1.0));
    app.close();
    System.exit(0);
  }

  record Result(long[] latencies, long errors) {}

  private static Result run(HttpClient http, URI uri, Scenario scenario, int clients, long until) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    AtomicLong errors = new AtomicLong();
    List<Future<List<Long>>> futures = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      int client = c;
      futures.add(pool.submit(() -> {
        List<Long> latencies = new ArrayList<>();
        for (int i = client; System.nanoTime() < until; i += clients) {
          HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(scenario.body().apply(i))).build();
          long start = System.nanoTime();
          try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
              errors.incrementAndGet();
            }
          } catch (Exception e) {
            errors.incrementAndGet();
          }
          latencies.add(System.nanoTime() - start);
        }
        return latencies;
      }));
    }
    List<Long> all = new ArrayList<>();
    for (Future<List<Long>> f : futures) {
      all.addAll(f.get());
    }
    pool.shutdown();
    return new Result(all.stream().mapToLong(Long::longValue).sorted().toArray(), errors.get());
  }

  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
  }
}
