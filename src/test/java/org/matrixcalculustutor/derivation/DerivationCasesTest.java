package org.matrixcalculustutor.derivation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.matrixcalculustutor.algebra.Limits;
import org.matrixcalculustutor.calculus.Layout;
import org.matrixcalculustutor.engine.Engine;

/**
 * The derivations of derivations.txt: right ones are correct line by line (or incomplete before the
 * read-off); each with one planted slip has exactly that line flagged first, with that slip named.
 */
class DerivationCasesTest {

  private static final DerivationChecker CHECKER = new DerivationChecker(new Engine(Limits.DEFAULT));

  /** One case of the file. */
  record Case(String name, String function, String variable, String declarations, Layout layout, List<String> lines,
      String verdict, Integer line, String slip) {

    @Override
    public String toString() {
      return name;
    }
  }

  static List<Case> cases() throws IOException {
    String text;
    try (InputStream in = DerivationCasesTest.class.getResourceAsStream("/derivations/derivations.txt")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<Case> cases = new ArrayList<>();
    for (String block : text.split("(?m)^## ")) {
      if (block.startsWith("#") || block.isBlank()) {
        continue;
      }
      String[] rows = block.split("\n");
      String function = null;
      String variable = null;
      Layout layout = Layout.DENOMINATOR;
      StringBuilder declarations = new StringBuilder();
      List<String> lines = new ArrayList<>();
      String[] expect = null;
      for (String row : rows) {
        if (row.startsWith("f: ")) {
          function = row.substring(3);
        } else if (row.startsWith("x: ")) {
          variable = row.substring(3);
        } else if (row.startsWith("declare: ")) {
          declarations.append(row.substring(9)).append('\n');
        } else if (row.startsWith("layout: ")) {
          layout = Layout.parse(row.substring(8));
        } else if (row.startsWith("> ")) {
          lines.add(row.substring(2));
        } else if (row.startsWith("expect: ")) {
          expect = row.substring(8).split(" ");
        }
      }
      boolean flagged = expect.length > 1;
      cases.add(new Case(rows[0].strip(), function, variable, declarations.toString(), layout, lines, expect[0],
          flagged ? Integer.valueOf(expect[2]) : null, flagged && !"-".equals(expect[3]) ? expect[3] : null));
    }
    return cases;
  }

  static Stream<Case> all() throws IOException {
    return cases().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("all")
  void check_flagsThePlantedSlipFirstWhenTheDerivationHasOne(Case c) {
    Problem problem = CHECKER.problem(c.function(), c.variable(), c.declarations(), c.layout());

    Derivation checked = CHECKER.check(problem, c.lines(), 20_261_130L);

    String seen = c.name() + ": " + checked.lines().stream().map(l -> l.status() + " " + l.message()).toList();
    assertThat(checked.verdict().word()).as(seen).isEqualTo(c.verdict());
    if (c.line() == null) {
      assertThat(checked.firstError()).as(seen).isNull();
      assertThat(checked.lines()).as(seen).allMatch(Derivation.Line::correct);
    } else {
      assertThat(checked.firstError()).as(seen).isEqualTo(c.line() - 1);
      assertThat(checked.lines().subList(0, c.line() - 1)).as(seen).allMatch(Derivation.Line::correct);
    }
    if (c.slip() != null) {
      assertThat(checked.slip()).as(seen).isEqualTo(Slip.valueOf(c.slip()));
      assertThat(checked.diagnoses().get(0).code()).as(seen).isEqualTo(c.slip());
      assertThat(checked.lines().get(c.line() - 1).rule()).as(seen).isEqualTo(Slip.valueOf(c.slip()).rule());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("all")
  void check_readsOffTheEnginesDerivativeWhenTheDerivationIsRight(Case c) {
    Problem problem = CHECKER.problem(c.function(), c.variable(), c.declarations(), c.layout());
    Derivation checked = CHECKER.check(problem, c.lines(), 20_261_130L);
    if (!"correct".equals(c.verdict())) {
      return;
    }
    assertThat(checked.readOff()).as(c.name()).isNotNull();
    assertThat(checked.readOffGrade().correct()).as(c.name() + " read off " + checked.readOff().text()).isTrue();
  }

  @org.junit.jupiter.api.Test
  void readOff_ofAGradientWithAScalarDivisor_isWrittenAsADivision() {
    Problem problem = CHECKER.problem("log(x'*A*x)", "x", "x: vector n\nA: matrix n x n", Layout.DENOMINATOR);
    Derivation checked = CHECKER.check(problem, List.of("df = (dx'*A*x + x'*A*dx)/(x'*A*x)"), 20_261_130L);
    assertThat(checked.verdict().word()).isEqualTo("correct");
    assertThat(checked.readOff().text()).isEqualTo("(A + A')*x/(x'*A*x)");
    assertThat(checked.readOff().latex()).isEqualTo("\\frac{\\left(A + A^{\\top}\\right) x}{x^{\\top} A x}");
    assertThat(checked.readOffGrade().correct()).isTrue();
  }
}
