package org.matrixcalculustutor.web;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.matrixcalculustutor.algebra.Expr;
import org.matrixcalculustutor.algebra.ExpressionException;
import org.matrixcalculustutor.algebra.RuleExamples;
import org.matrixcalculustutor.calculus.Layout;
import org.matrixcalculustutor.calculus.Step;
import org.matrixcalculustutor.engine.Derivative;
import org.matrixcalculustutor.engine.Engine;
import org.matrixcalculustutor.exercises.Exercise;
import org.matrixcalculustutor.exercises.ExerciseBank;
import org.matrixcalculustutor.grading.Grade;
import org.matrixcalculustutor.grading.Grader;
import org.matrixcalculustutor.lessons.Lesson;
import org.matrixcalculustutor.lessons.LessonCatalog;
import org.matrixcalculustutor.lessons.LessonIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Before the application reports ready (/actuator/health/readiness turns ACCEPTING_TRAFFIC only
 * after the runners), warms the JIT on the work students will ask for, in two parts:
 * <ol>
 *   <li>as soon as this bean exists (it is made once the server listens, see
 *       WebConfiguration#tutorBeansAtStart), on a thread of its own, derives and checks every
 *       exercise, every lesson identity and each entry-wise function of the language, grades each
 *       exercise's reference answer and fires each rule of the simplifier on its own example,
 *       {@link #ROUNDS} times: the log then says that the bank, the lessons and the rules are sound
 *       on this machine;</li>
 *   <li>once the server listens, sends real requests to itself over loopback (attempts at every
 *       exercise, right, wrong and for other variants, and the pages) until {@code
 *       tutor.warm-up-time} has passed, so that the web stack, the engine's gate, JSON and the
 *       templates are compiled too, not only the engine.</li>
 * </ol>
 * Pages are served while the second part runs; readiness waits for both. The self-requests come
 * from the loopback address and count towards its per-minute share like anyone's.
 * Off with tutor.warm-up=false (the tests start many applications). The setting is read when the
 * application starts, not as a condition on the bean, so that an AOT-processed build obeys it too.
 */
@Component
class WarmUp implements InitializingBean, ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(WarmUp.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Rounds over the whole set in the first part: enough for the JIT to compile the engine's paths. */
  static final int ROUNDS = 3;

  private final Engine engine;
  private final ExerciseBank bank;
  private final LessonCatalog lessons;
  private final Environment environment;
  private final boolean enabled;
  private final Duration time;
  private CompletableFuture<Report> engineWarmUp;

  WarmUp(Engine engine, ExerciseBank bank, LessonCatalog lessons, Environment environment,
      @Value("${tutor.warm-up:true}") boolean enabled, @Value("${tutor.warm-up-time:8s}") Duration time) {
    this.engine = engine;
    this.bank = bank;
    this.lessons = lessons;
    this.environment = environment;
    this.enabled = enabled;
    this.time = time;
  }

  /**
   * What a warm-up found: how many problems it derived and checked, and those that failed; how many
   * rules of the simplifier it fired on their own examples (every rule, also those no problem uses).
   */
  record Report(int problems, List<String> failures, long millis, int rules) {}

  @Override
  public void afterPropertiesSet() {
    if (!enabled) {
      return;
    }
    engineWarmUp = new CompletableFuture<>();
    Thread thread = new Thread(() -> {
      try {
        Report report = null;
        for (int round = 0; round < ROUNDS; round++) {
          report = once();
        }
        engineWarmUp.complete(report);
      } catch (RuntimeException | Error e) {
        engineWarmUp.completeExceptionally(e);
      }
    }, "warm-up");
    // a start that stops early (a failed start, a training run) does not wait for it
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!enabled) {
      return;
    }
    Report report = engineWarmUp.join();
    if (report.failures().isEmpty()) {
      LOG.info("Warm-up: {} exercises, lesson identities and entry-wise functions derived, checked and graded,"
          + " and each of the simplifier's {} rules fired on its example, {} rounds, last {} ms",
          report.problems(), report.rules(), ROUNDS, report.millis());
    } else {
      LOG.error("Warm-up: {} of {} exercises, lesson identities, entry-wise functions and rule examples failed: {}",
          report.failures().size(), report.problems() + report.rules(), report.failures());
    }
    String base = baseUrl();
    if (base == null) {
      LOG.info("Warm-up: no plain HTTP port to send requests to; the web stack starts cold");
      return;
    }
    Traffic traffic = requests(base, time);
    if (traffic.unexpected() == 0) {
      LOG.info("Warm-up: {} requests to the API and the pages in {} ms", traffic.sent(), traffic.millis());
    } else { // a student would have met these: a 500, a 503 with the database down
      LOG.warn("Warm-up: {} requests to the API and the pages in {} ms, {} answered neither 2xx nor 400",
          traffic.sent(), traffic.millis(), traffic.unexpected());
    }
  }

  /** The requests a warm-up sent, and how many were answered otherwise than a student's would be. */
  record Traffic(int sent, int unexpected, long millis) {}

  /**
   * Sends {@link #requests(String)} to the server at base for the given time: the pages on one
   * thread, the attempts on another (so the first request of neither kind waits for the other kind's
   * first rounds), each round and round its share.
   */
  Traffic requests(String base, Duration time) {
    long start = System.nanoTime();
    long deadline = start + time.toNanos();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    List<HttpRequest> all = requests(base);
    AtomicInteger sent = new AtomicInteger();
    AtomicInteger unexpected = new AtomicInteger();
    List<Thread> senders = new ArrayList<>();
    for (String method : List.of("GET", "POST")) {
      List<HttpRequest> share = all.stream().filter(r -> r.method().equals(method)).toList();
      Thread sender = new Thread(() -> {
        // until the time is up, not for a number of rounds: a busy machine gets fewer requests,
        // not a later readiness
        for (int i = 0; System.nanoTime() < deadline; i = (i + 1) % share.size()) {
          sent.incrementAndGet();
          if (!answered(http, share.get(i))) {
            unexpected.incrementAndGet();
          }
        }
      }, "warm-up-" + method.toLowerCase(java.util.Locale.ROOT));
      sender.setDaemon(true);
      sender.start();
      senders.add(sender);
    }
    for (Thread sender : senders) {
      try {
        sender.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return new Traffic(sent.get(), unexpected.get(), (System.nanoTime() - start) / 1_000_000);
  }

  /** The server's own address as a client on this machine reaches it, or null when it does not speak plain HTTP. */
  private String baseUrl() {
    String port = environment.getProperty("local.server.port");
    if (port == null || environment.getProperty("server.ssl.enabled", Boolean.class, false)) {
      return null;
    }
    String host = "127.0.0.1";
    String address = environment.getProperty("server.address");
    if (address != null && !address.isBlank()) {
      try {
        InetAddress bound = InetAddress.getByName(address);
        if (!bound.isAnyLocalAddress()) {
          host = bound.getHostAddress().contains(":") ? "[" + bound.getHostAddress() + "]" : bound.getHostAddress();
        }
      } catch (UnknownHostException e) {
        return null;
      }
    }
    return "http://" + host + ":" + port + environment.getProperty("server.servlet.context-path", "");
  }

  /**
   * What students send: the home page, every lesson, and exercise by exercise (so that a short
   * warm-up meets every kind of request) its page and attempts: the reference answer, a transposed
   * and a doubled one, and the reference answer to two renamed variants (usually wrong there); and
   * between them, one lesson identity after another asked of the calculator (/api/derivative, with
   * its derivation).
   */
  List<HttpRequest> requests(String base) {
    List<HttpRequest> requests = new ArrayList<>();
    requests.add(get(base + "/"));
    for (Lesson lesson : lessons.lessons()) {
      requests.add(get(base + "/lessons/" + lesson.slug()));
    }
    requests.add(get(base + "/exercises"));
    List<LessonIdentity> identities = lessons.identities().stream().filter(LessonIdentity::isGradient).toList();
    int next = 0;
    for (Exercise e : bank.all()) {
      requests.add(get(base + "/exercises/" + e.id()));
      String answer = e.answer();
      requests.add(attempt(base, e, answer, 0));
      requests.add(attempt(base, e, "(" + answer + ")'", 0));
      requests.add(attempt(base, e, "2*(" + answer + ")", 0));
      requests.add(attempt(base, e, answer, 1));
      requests.add(attempt(base, e, answer, 2));
      for (int i = 0; i < 2 && !identities.isEmpty(); i++, next++) {
        requests.add(derivative(base, identities.get(next % identities.size())));
      }
    }
    return requests;
  }

  private static HttpRequest derivative(String base, LessonIdentity identity) {
    Map<String, Object> body = new LinkedHashMap<>(); // a lesson identity may state no layout: null
    body.put("expression", identity.function());
    body.put("variable", identity.variable());
    body.put("declarations", identity.declarations());
    body.put("layout", identity.layout());
    body.put("order", identity.order());
    return post(base + "/api/derivative", body);
  }

  private static HttpRequest get(String url) {
    return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build();
  }

  private static HttpRequest attempt(String base, Exercise exercise, String answer, long seed) {
    return post(base + "/api/exercises/" + exercise.id() + "/attempts", Map.of("answer", answer, "seed", seed));
  }

  private static HttpRequest post(String url, Map<String, Object> body) {
    return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
  }

  /**
   * Sends one request: true when it is answered as a student's would be, 2xx, or 400 for an answer
   * the variant cannot read (a reference answer sent to a renamed variant), or 429 once the loopback
   * address has used its share of a minute.
   */
  static boolean answered(HttpClient http, HttpRequest request) {
    try {
      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      return status / 100 == 2 || status == 400 || status == 429;
    } catch (java.io.IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * d printed as a page and the API show it (its text, its LaTeX, each step's): a derivative is
   * printed only when asked for, and the printers would otherwise be warmed by the pages alone.
   */
  private static void shown(Derivative d) {
    d.function().latex();
    d.text();
    d.latex();
    d.steps().forEach(Step::latex);
  }

  /**
   * One pass over every exercise and lesson identity, over each function of the language (sum(f(x))
   * + f(a'*x) for each f: on a vector and on a scalar), and over each rule of the simplifier: a
   * student who types sqrt or abs, which no lesson uses, would otherwise pay for its first
   * compilation (about 1 ms).
   */
  Report once() {
    long start = System.nanoTime();
    List<String> failures = new ArrayList<>();
    int problems = 0;
    Grader grader = new Grader(engine);
    for (Exercise e : bank.all()) {
      problems++;
      try {
        Derivative d = engine.derive(e.function(), e.variable(), e.declarations(), Layout.parse(e.layout()), e.order());
        shown(d);
        Grade grade = grader.grade(d, e.answer(), 1L);
        if (!grade.correct() || !(d.maxRelativeError() < 1e-5)) {
          failures.add("exercise " + e.id());
        }
      } catch (ExpressionException ex) {
        failures.add("exercise " + e.id() + ": " + ex.getMessage());
      }
    }
    for (LessonIdentity i : lessons.identities()) {
      if (!i.isGradient()) {
        continue;
      }
      problems++;
      try {
        Derivative d = engine.derive(i.function(), i.variable(), i.declarations(), Layout.parse(i.layout()),
            i.order());
        shown(d);
        if (!(d.maxRelativeError() < 1e-5)) {
          failures.add("lesson identity " + i.id());
        }
      } catch (ExpressionException ex) {
        failures.add("lesson identity " + i.id() + ": " + ex.getMessage());
      }
    }
    for (Expr.Function f : Expr.Function.values()) { // each function, also those no lesson uses
      problems++;
      try {
        // on a vector and on a scalar: f' entry-wise and f' as a number are two paths of the engine
        Derivative d = engine.derive("sum(" + f.word() + "(x)) + " + f.word() + "(a'*x)", "x",
            "x: vector n positive\na: vector n positive", Layout.DENOMINATOR);
        shown(d);
        if (!(d.maxRelativeError() < 1e-5)) {
          failures.add("function " + f.word());
        }
      } catch (ExpressionException ex) {
        failures.add("function " + f.word() + ": " + ex.getMessage());
      }
    }
    // each rule on its own example: about half the rules rewrite nothing in the problems above, and
    // a rule's first rewrite in a student's request cost up to 1 ms (det(inv(X)) cancels inverses)
    RuleExamples.fireEach().forEach(rule -> failures.add("rule " + rule));
    return new Report(problems, failures, (System.nanoTime() - start) / 1_000_000, RuleExamples.count());
  }
}
