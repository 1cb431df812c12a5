package org.matrixcalculustutor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.matrixcalculustutor.algebra.Limits;
import org.matrixcalculustutor.calculus.Layout;

/**
 * Answers as a teacher writes them are never longer than before: every derivative of the identity
 * sets (and of the exercises' seeded variants) prints no longer than the engine printed it at 99378ca,
 * before the simplifier became tables of rules, and the simplifications that redesign set out to
 * improve print strictly shorter; a shorter answer counts only when it passes its finite-difference check. The measure is the length of the TextPrinter text
 * ({@link Derivative#text()}) with whitespace removed, so spacing alone never counts; the "before"
 * texts are stored in printed-lengths-before.tsv (its header says how they were produced).
 *
 * <p>With {@code -Dprinted.lengths.report=FILE} the test also writes a Markdown table of before and
 * after to FILE.
 */
class PrintedLengthTest {

  /**
   * The badly printed forms the redesign set out to fix (powers of inverses unfolded, sigma(z) - y not
   * collected, like terms unmerged, common numbers uncancelled): these must print strictly shorter.
   * Every other named case may keep its text, and prints strictly shorter if its text changes.
   */
  static final Set<String> MUST_BE_SHORTER = Set.of(
      "named/tr(X^-2) d/dX",
      "named/tr(inv(X)*inv(X)) d/dX",
      "named/tr(X^-3) d/dX",
      "named/tr(X^-3) d/dX numerator",
      "named/tr(A*X^-2*B) d/dX",
      "named/-y'*log(sigmoid(X*w)) - (ones - y)'*log(ones - sigmoid(X*w)) d/dw",
      "named/tr((X'*A')^3) d/dX",
      "named/tr((A*X)^3) d/dX",
      "named/tr(X^3) d/dX",
      "named/tr(X^100) d/dX",
      "named/x'*A*x/(2*x'*x) d/dx",
      "named/2*x'*A*x/(2*x'*x) d/dx",
      "named/norm(X*w - y)^2/(2*m) d/dw",
      "named/(x'*A*x)/(x'*x) d/dx",
      "named/sum(sigmoid(x'*W')) d/dW numerator");

  /**
   * Cases that print longer today than before, kept so the rest of the measure still guards; each must
   * still be longer (a case that is no longer worse must leave this set), and the set is to be emptied.
   */
  static final Set<String> KNOWN_LONGER = Set.of();

  private static final Engine ENGINE = new Engine(Limits.DEFAULT);

  /** One stored case: the inputs of a derivative and what 99378ca printed for it. */
  record Before(String key, String function, String variable, String declarations, Layout layout, int order,
      int length, String text) {

    IdentitySets.Problem problem() {
      return new IdentitySets.Problem(key, function, variable, declarations, layout, order);
    }

    @Override
    public String toString() {
      return key;
    }
  }

  static int measure(String text) {
    return text.replaceAll("\\s", "").length();
  }

  static List<Before> before() {
    try (InputStream in = PrintedLengthTest.class.getResourceAsStream("/printed-lengths-before.tsv")) {
      List<Before> rows = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        rows.add(new Before(unescape(f[0]), unescape(f[1]), unescape(f[2]), unescape(f[3]), Layout.parse(f[4]),
            Integer.parseInt(f[5]), Integer.parseInt(f[6]), unescape(f[7])));
      }
      return rows;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String unescape(String field) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == '\\' && i + 1 < field.length()) {
        char next = field.charAt(++i);
        out.append(next == 'n' ? '\n' : next == 't' ? '\t' : next);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("before")
  void printedDerivative_isNoLongerThanBeforeTheRuleTables(Before b) {
    assertThat(measure(b.text())).as("stored length of %s", b.key()).isEqualTo(b.length());
    Derivative derived = b.problem().derive(ENGINE);
    assertThat(derived.maxRelativeError()).as("finite-difference check of %s", derived.text()).isLessThan(1e-5);
    String now = derived.text();
    int length = measure(now);
    if (KNOWN_LONGER.contains(b.key())) {
      assertThat(length).as("%s is listed as longer than before (%s) but now prints %s: take it off KNOWN_LONGER",
          b.key(), b.text(), now).isGreaterThan(b.length());
      return;
    }
    assertThat(length).as("%s printed %s (%d) before, now %s", b.key(), b.text(), b.length(), now)
        .isLessThanOrEqualTo(b.length());
    if (MUST_BE_SHORTER.contains(b.key()) || b.key().startsWith("named/") && !now.equals(b.text())) {
      assertThat(length).as("%s printed %s before, now %s", b.key(), b.text(), now).isLessThan(b.length());
    }
  }

  @Test
  void storedCases_areStillTheIdentitySetsWithTheSameInputs() {
    Map<String, IdentitySets.Problem> today = IdentitySets.all().stream()
        .collect(Collectors.toMap(IdentitySets.Problem::key, p -> p));
    List<Before> stored = before().stream()
        .filter(b -> !b.key().startsWith("named/") && !b.key().startsWith("variants/")).toList();
    assertThat(stored).hasSizeGreaterThan(200);
    for (Before b : stored) {
      assertThat(today).as("a stored case that the identity sets no longer have").containsKey(b.key());
      assertThat(today.get(b.key())).isEqualTo(b.problem());
    }
    assertThat(before()).extracting(Before::key).containsAll(MUST_BE_SHORTER).containsAll(KNOWN_LONGER);
  }

  /** Writes the before/after table when -Dprinted.lengths.report=FILE is given; else skipped. */
  @Test
  void report_isWrittenWhenAsked() throws IOException {
    String file = System.getProperty("printed.lengths.report");
    Assumptions.assumeTrue(file != null && !file.isBlank(), "-Dprinted.lengths.report=FILE not given");
    Map<String, String> after = new HashMap<>();
    int shorter = 0;
    int equal = 0;
    int longer = 0;
    long totalBefore = 0;
    long totalAfter = 0;
    List<Before> rows = before();
    for (Before b : rows) {
      String now = b.problem().derive(ENGINE).text();
      after.put(b.key(), now);
      int length = measure(now);
      totalBefore += b.length();
      totalAfter += length;
      if (length < b.length()) {
        shorter++;
      } else if (length == b.length()) {
        equal++;
      } else {
        longer++;
      }
    }
    StringBuilder md = new StringBuilder("# Printed lengths: 99378ca (before) and today\n\n")
        .append("Length of Derivative.text() with whitespace removed. Written by\n")
        .append("`./mvnw -B -q test -Dtest=PrintedLengthTest -Dprinted.lengths.report=FILE`.\n\n")
        .append("## Summary\n\n| | cases |\n|---|---:|\n")
        .append("| shorter | ").append(shorter).append(" |\n")
        .append("| equal | ").append(equal).append(" |\n")
        .append("| longer | ").append(longer).append(" |\n")
        .append("| all | ").append(rows.size()).append(" |\n\n")
        .append("Total characters: ").append(totalBefore).append(" before, ").append(totalAfter).append(" after.\n\n");
    md.append("## The named cases\n\n| case | before | length | after | length |\n|---|---|---:|---|---:|\n");
    rows.stream().filter(b -> b.key().startsWith("named/")).forEach(b -> row(md, b, after.get(b.key())));
    md.append("\n## Every other case that changed\n\n| case | before | length | after | length |\n|---|---|---:|---|---:|\n");
    rows.stream().filter(b -> !b.key().startsWith("named/") && !after.get(b.key()).equals(b.text()))
        .forEach(b -> row(md, b, after.get(b.key())));
    Files.writeString(Path.of(file), md.toString(), StandardCharsets.UTF_8);
  }

  private static void row(StringBuilder md, Before b, String now) {
    md.append("| ").append(cell(b.key())).append(" | `").append(cell(b.text())).append("` | ").append(b.length())
        .append(" | `").append(cell(now)).append("` | ").append(measure(now)).append(" |\n");
  }

  private static String cell(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }
}
