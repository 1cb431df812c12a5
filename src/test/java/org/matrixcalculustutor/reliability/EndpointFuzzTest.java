package org.matrixcalculustutor.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every endpoint (API, forms, pages) meets the inputs of a hostile visitor: the ones that once
 * broke the tutor and thousands generated at random. None may be answered 5xx, show internals, or
 * leave a stack trace in the log. The seed is printed, so a failure can be replayed with
 * -Dfuzz.seed=N.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "tutor.limits.body-read-timeout=3s", "tutor.rate-limit.attempts-per-student=1000"})
@ExtendWith(OutputCaptureExtension.class)
class EndpointFuzzTest {

  static final int ROUNDS = Integer.getInteger("fuzz.rounds", 40);

  /** Inputs that broke the tutor once, or that every parser should meet. */
  static final List<String> KNOWN = List.of("tr(X^999999999)", "X^5000000", "tr(X^63)", "0", "", " ",
      "vec(kron(kron(X,X),X))", "kron(kron(X, X), kron(X, X))", "1e308*1e308", "(".repeat(5000),
      "x".repeat(3000), "2Sx", "Aᵀu", "x^TAx", "X^{-1}", "||x||^2", "x^\\top", "\u0000", "A\u0000x",
      "\u202Ex'*A*x", "x\u200B'*A*x", "😀", "tr(" + "X*".repeat(600) + "X)", "inv(0)", "log(-x)",
      "[1, 2; 3]", "[" + "1, ".repeat(100) + "1]", "I(999999999999)", "zeros(0, 0)", "ones(-1)",
      "x'*A*x; drop table student", "<script>alert(1)</script>", "%00", "'\"", "\\", "X^-0", "X^0.5",
      "X^1e9", "X .^ 1e308", "sum(exp(exp(exp(x))))", "det(X)^999", "norm(x)^-999", "softmax(1e308*x)",
      "commutation(64, 64)", "d(X)", "dX", "X'''''''''''''''''''''", "--x", "x--", "x++", "@", "#", "$");

  static final List<String> DECLARATIONS = List.of("", "X: matrix 64 x 64", "A: matrix n x n\nx: vector n",
      "X: matrix 999999 x 999999", "X: matrix 0 x 0", "x: vector -1", "X: matrix n x n spd orthogonal diagonal",
      "A: banana", "\u0000: scalar", "X: matrix n x n\nX: vector n", "a, b, c: scalar",
      "X: matrix " + "n".repeat(3000) + " x n");

  static final String ALPHABET = "xyzAXBSWab_0123456789 +-*/^'.()[];,<>|&!=@\\\"{}ᵀ⊤‖∑⊙⊗·×αλΣ\u0000\u200B\u202E\n\t😀";

  @LocalServerPort
  int port;

  private String base() {
    return "http://127.0.0.1:" + port;
  }

  private static String randomText(Random random) {
    if (random.nextInt(4) == 0) {
      return KNOWN.get(random.nextInt(KNOWN.size()));
    }
    int length = random.nextInt(5) == 0 ? random.nextInt(2500) : random.nextInt(40);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      text.appendCodePoint(ALPHABET.codePoints().skip(random.nextInt((int) ALPHABET.codePoints().count()))
          .findFirst().orElse('x'));
    }
    return text.toString();
  }

  private static String randomId(Random random) {
    String[] ids = {"abc", "-1", "0", "1", "99999999999999999999", "1e3", "%2e%2e", "..", "trace", "null",
        "' or 1=1", "\u202E", Long.toString(random.nextLong())};
    return ids[random.nextInt(ids.length)];
  }

  /** A JSON string literal of text (escaped, so the JSON stays well-formed unless we want it not to). */
  private static String quoted(String text) {
    StringBuilder out = new StringBuilder("\"");
    text.codePoints().forEach(c -> {
      if (c == '"' || c == '\\') {
        out.append('\\').appendCodePoint(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", c));
      } else {
        out.appendCodePoint(c);
      }
    });
    return out.append('"').toString();
  }

  /** A JSON value: mostly strings, sometimes the wrong type. */
  private static String value(Random random) {
    return switch (random.nextInt(8)) {
      case 0 -> "null";
      case 1 -> Long.toString(random.nextLong());
      case 2 -> "1e400";
      case 3 -> "[" + quoted(randomText(random)) + "]";
      case 4 -> "{\"a\":" + quoted(randomText(random)) + "}";
      default -> quoted(randomText(random));
    };
  }

  /** Lines of a derivation: hostile text, lines of df with it, too many lines, nulls, or no array at all. */
  private static String lines(Random random, String f) {
    return switch (random.nextInt(6)) {
      case 0 -> value(random);
      case 1 -> "[" + String.join(",", java.util.Collections.nCopies(1 + random.nextInt(60), quoted("= " + f))) + "]";
      case 2 -> "[\"df = tr(A*dX*B)\"," + quoted("= " + f) + ",null," + quoted(randomText(random)) + "]";
      default -> "[" + quoted("df = " + f) + "," + quoted(randomText(random)) + "]";
    };
  }

  private static String object(Random random, String... fields) {
    if (random.nextInt(15) == 0) {
      return randomText(random); // not JSON at all
    }
    StringBuilder json = new StringBuilder("{");
    for (String field : fields) {
      if (random.nextInt(6) == 0) {
        continue; // a missing field
      }
      json.append(json.length() > 1 ? "," : "").append('"').append(field).append("\":").append(value(random));
    }
    return json.append(random.nextInt(20) == 0 ? "" : "}").toString();
  }

  private static String layout(Random random) {
    return new String[] {"denominator", "numerator", "", "sideways", "\u0000"}[random.nextInt(5)];
  }

  private static String query(Map<String, String> parameters) {
    StringBuilder query = new StringBuilder();
    parameters.forEach((name, value) -> query.append(query.length() == 0 ? "?" : "&").append(name).append('=')
        .append(Visitor.encode(value)));
    return query.toString();
  }

  record Sent(String what, HttpResponse<String> response) {}

  @Test
  void noInputGetsA5xxShowsInternalsOrFillsTheLog(CapturedOutput output) throws Exception {
    long seed = Long.getLong("fuzz.seed", System.nanoTime());
    System.out.println("EndpointFuzzTest seed: " + seed + " (replay with -Dfuzz.seed=" + seed + ")");
    Random random = new Random(seed);

    Visitor teacher = new Visitor(base());
    String code = Visitor.createClass(base(), "test-password", "Fuzz " + seed, "trace", "least-squares");
    Visitor student = new Visitor(base());
    student.join(code, "Fuzzy");
    Visitor anonymous = new Visitor(base());
    teacher.submit("/login", "/login", Map.of("username", "teacher", "password", "test-password"));
    int logBefore = output.getAll().length();

    List<Sent> sent = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      Visitor who = List.of(anonymous, student, teacher).get(random.nextInt(3));
      String f = randomText(random);
      String declarations = random.nextBoolean() ? DECLARATIONS.get(random.nextInt(DECLARATIONS.size()))
          : randomText(random);
      // the API
      sent.add(new Sent("derivative " + f, who.postJson("/api/derivative",
          object(random, "expression", "variable", "declarations", "layout"))));
      sent.add(new Sent("derivative of " + f, who.postJson("/api/derivative", "{\"expression\":" + quoted(f)
          + ",\"variable\":\"X\",\"declarations\":" + quoted(declarations) + ",\"layout\":" + quoted(layout(random))
          + "}")));
      sent.add(new Sent("validate " + f, who.postJson("/api/validate", "{\"text\":" + quoted(f)
          + ",\"declarations\":" + quoted(declarations) + "}")));
      sent.add(new Sent("check " + f, who.postJson("/api/check", "{\"expression\":\"x'*A*x\",\"variable\":\"x\","
          + "\"declarations\":" + quoted(declarations) + ",\"answer\":" + quoted(f) + "}")));
      sent.add(new Sent("check fields", who.postJson("/api/check",
          object(random, "expression", "variable", "declarations", "layout", "answer"))));
      sent.add(new Sent("derivation fields", who.postJson("/api/derivation/check",
          object(random, "expression", "variable", "declarations", "layout", "lines"))));
      sent.add(new Sent("derivation " + f, who.postJson("/api/derivation/check", "{\"expression\":\"tr(A*X*B)\","
          + "\"variable\":\"X\",\"declarations\":" + quoted(declarations) + ",\"layout\":" + quoted(layout(random))
          + ",\"lines\":" + lines(random, f) + "}")));
      String exercise = random.nextInt(4) == 0 ? randomId(random) : random.nextBoolean() ? "trace" : "least-squares";
      sent.add(new Sent("attempt with lines " + f, who.postJson("/api/exercises/" + Visitor.encode(exercise)
          + "/attempts", "{\"seed\":" + value(random) + ",\"lines\":" + lines(random, f)
          + (random.nextBoolean() ? ",\"answer\":" + quoted(f) : "") + "}")));
      sent.add(new Sent("attempt " + f, who.postJson("/api/exercises/" + Visitor.encode(exercise) + "/attempts",
          "{\"answer\":" + quoted(f) + ",\"seed\":" + value(random) + "}")));
      sent.add(new Sent("attempts of a student", who.get("/api/students/" + Visitor.encode(randomId(random))
          + "/attempts")));
      sent.add(new Sent("my attempts", who.get("/api/me/attempts")));
      // pages
      Map<String, String> calculator = new LinkedHashMap<>();
      calculator.put("expression", f);
      calculator.put("variable", random.nextBoolean() ? "X" : randomText(random));
      calculator.put("declarations", declarations);
      calculator.put("layout", layout(random));
      sent.add(new Sent("calculator " + f, who.get("/calculator" + query(calculator))));
      sent.add(new Sent("exercise page", who.get("/exercises/" + Visitor.encode(exercise) + query(Map.of(
          "seed", randomId(random), "hints", randomId(random))))));
      sent.add(new Sent("lesson", who.get("/lessons/" + Visitor.encode(randomText(random)))));
      sent.add(new Sent("re-entry link", who.get("/join/again/" + Visitor.encode(randomText(random)))));
      sent.add(new Sent("class page", who.get("/teacher/classes/" + Visitor.encode(randomId(random)))));
      sent.add(new Sent("any path", who.get("/" + Visitor.encode(randomText(random)).replace("%2F", "/"))));
      // forms
      sent.add(new Sent("answer form " + f, who.submit("/exercises/trace", "/exercises/" + Visitor.encode(exercise),
          Map.of("answer", f, "seed", randomId(random), "hints", randomId(random)))));
      sent.add(new Sent("join form", new Visitor(base()).submit("/join", "/join", Map.of("code", randomText(random),
          "name", randomText(random), "number", randomText(random)))));
      sent.add(new Sent("class form", teacher.submit("/teacher", "/teacher/classes", Map.of("name", randomText(random),
          "exercise", randomId(random)))));
      sent.add(new Sent("gradebook export", teacher.get("/teacher/classes/" + Visitor.encode(randomId(random))
          + "/gradebook.csv")));
      sent.add(new Sent("re-entry form", teacher.submit("/teacher", "/teacher/students/"
          + Visitor.encode(randomId(random)) + "/reentry", Map.of())));
      // the language beyond the six kinds, the exercise page's hint and solution buttons, the syntax help
      sent.add(new Sent("hessian " + f, who.postJson("/api/derivative", "{\"expression\":" + quoted(f)
          + ",\"variable\":\"x\",\"order\":" + value(random) + "}")));
      sent.add(new Sent("check of order", who.postJson("/api/check", object(random, "expression", "variable",
          "declarations", "layout", "order", "answer"))));
      sent.add(new Sent("hint or solution", who.submit("/exercises/trace", "/exercises/" + Visitor.encode(exercise),
          Map.of("answer", f, "action", List.of("hint", "solution", "check", randomText(random)).get(random.nextInt(4)),
              "seed", randomId(random), "hints", randomId(random)))));
      sent.add(new Sent("syntax help", who.get("/syntax" + query(Map.of("q", f)))));
      sent.add(new Sent("exercise list", who.get("/exercises")));
      sent.add(new Sent("my page", who.get("/me")));
      sent.add(new Sent("join link", who.get("/join" + query(Map.of("code", randomText(random))))));
      sent.add(new Sent("re-entry use", who.submit("/join", "/join/again/" + Visitor.encode(randomText(random)),
          Map.of())));
      // the teacher's pages and forms, at random ids and with random fields
      String classId = randomId(random);
      String studentId = randomId(random);
      for (String page : List.of("/teacher/classes/%s/join", "/teacher/classes/%s/join-qr.svg",
          "/teacher/classes/%s/edit", "/teacher/classes/%s/close", "/teacher/classes/%s/delete",
          "/teacher/classes/%s/attempts.csv", "/teacher/classes/%s/diagnoses.csv")) {
        sent.add(new Sent("teacher page " + page, teacher.get(String.format(page, Visitor.encode(classId)))));
      }
      sent.add(new Sent("class's exercise page", teacher.get("/teacher/classes/" + Visitor.encode(classId)
          + "/exercises/" + Visitor.encode(exercise))));
      for (String page : List.of("/teacher/students/%s", "/teacher/students/%s/sign-out", "/teacher/students/%s/remove")) {
        sent.add(new Sent("student page " + page, teacher.get(String.format(page, Visitor.encode(studentId)))));
      }
      sent.add(new Sent("class edit form", teacher.submit("/teacher", "/teacher/classes/" + Visitor.encode(classId)
          + "/edit", Map.of("name", randomText(random), "exercise", randomId(random), "zone", randomText(random),
          "deadline", randomText(random)))));
      sent.add(new Sent("solution rule form", teacher.submit("/teacher", "/teacher/classes/"
          + Visitor.encode(classId) + "/solutions", Map.of("solutions", randomText(random), "wrongAttempts",
          randomId(random)))));
      sent.add(new Sent("rename form", teacher.submit("/teacher", "/teacher/students/" + Visitor.encode(studentId)
          + "/rename", Map.of("name", randomText(random), "number", randomText(random)))));
      sent.add(new Sent("merge form", teacher.submit("/teacher", "/teacher/students/" + Visitor.encode(studentId)
          + "/merge", Map.of("other", randomId(random), "confirm", randomText(random)))));
      sent.add(new Sent("sign-in form", new Visitor(base()).submit("/login", "/login", Map.of("username",
          randomText(random), "password", randomText(random)))));
    }

    Map<Integer, Long> statuses = new java.util.TreeMap<>();
    sent.forEach(s -> statuses.merge(s.response().statusCode(), 1L, Long::sum));
    System.out.println("EndpointFuzzTest: " + sent.size() + " requests, by status " + statuses);
    for (Sent s : sent) {
      assertThat(s.response().statusCode()).as("%s (seed %d)", s.what(), seed).isLessThan(500);
      assertThat(s.response().body()).as("%s (seed %d)", s.what(), seed)
          .doesNotContain("Exception").doesNotContain("\tat org.").doesNotContain("Whitelabel");
    }
    assertThat(new Visitor(base()).get("/actuator/health").statusCode()).isEqualTo(200);
    String log = output.getAll().substring(logBefore);
    assertThat(log).as("stack traces in the log").doesNotContain("\tat ");
    assertThat(log.lines().count()).as("log lines for %d requests", sent.size()).isLessThan(sent.size());
  }
}
