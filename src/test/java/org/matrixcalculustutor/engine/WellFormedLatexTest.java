package org.matrixcalculustutor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.matrixcalculustutor.algebra.Limits;
import org.matrixcalculustutor.calculus.Step;

/**
 * Every formula the tutor typesets is TeX that MathJax accepts: balanced braces, and never two
 * superscripts on one base (X^{\top}^{2} shows MathJax's "Double exponent" error instead of the
 * formula), in answers echoed back as typed and in each line of every derivation of the identity sets.
 */
class WellFormedLatexTest {

  private static final Engine ENGINE = new Engine(Limits.DEFAULT);

  /** Whether tex has a superscript right after another on the same base, or unbalanced braces. */
  static String problem(String tex) {
    int depth = 0;
    for (int i = 0; i < tex.length(); i++) {
      char c = tex.charAt(i);
      if (c == '\\') {
        i++; // an escaped character or the first letter of a command
        continue;
      }
      depth += c == '{' ? 1 : c == '}' ? -1 : 0;
      if (depth < 0) {
        return "a '}' closes nothing at " + i;
      }
      if (c == '^') {
        int end = groupEnd(tex, i + 1);
        int next = end;
        while (next < tex.length() && tex.charAt(next) == ' ') {
          next++;
        }
        if (next < tex.length() && tex.charAt(next) == '^') {
          return "a double superscript at " + i;
        }
      }
    }
    return depth == 0 ? null : "unbalanced braces";
  }

  /** The index after the superscript's argument that starts at i: a {group}, a \command or one character. */
  private static int groupEnd(String tex, int i) {
    if (i >= tex.length()) {
      return i;
    }
    if (tex.charAt(i) == '{') {
      int depth = 0;
      for (int j = i; j < tex.length(); j++) {
        depth += tex.charAt(j) == '{' ? 1 : tex.charAt(j) == '}' ? -1 : 0;
        if (depth == 0) {
          return j + 1;
        }
      }
      return tex.length();
    }
    if (tex.charAt(i) == '\\') {
      int j = i + 1;
      while (j < tex.length() && Character.isLetter(tex.charAt(j))) {
        j++;
      }
      return j;
    }
    return i + 1;
  }

  @Test
  void theCheck_findsADoubleSuperscript() {
    assertThat(problem("a^{\\top}^{\\top}")).contains("double superscript");
    assertThat(problem("X^{\\top} ^2")).contains("double superscript");
    assertThat(problem("\\left(X^{\\top}\\right)^{2}")).isNull();
    assertThat(problem("x_{1}^{\\top}")).isNull();
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "a''; a; a: vector n",
      "(X')^3; X; X: matrix n x n",
      "(X^2)^3; X; X: matrix n x n",
      "(X^-1)^2; X; X: matrix n x n",
      "inv(X')*A; X; X: matrix n x n\\nA: matrix n x n",
      "(x .^ 2)'; x; x: vector n",
      "(x .^ 2) .^ 3; x; x: vector n",
      "tr(X^60*X^60*X^60); X; X: matrix n x n"})
  void answersAndTheirDerivatives_typesetWithOneSuperscriptPerBase(String expression, String variable,
      String declarations) {
    String declared = declarations.replace("\\n", "\n");
    assertThat(problem(ENGINE.analyze(expression, declared).latex())).as(expression).isNull();
    Derivative d = ENGINE.derive(expression, variable, declared, org.matrixcalculustutor.calculus.Layout.DENOMINATOR);
    assertThat(problem(d.latex())).as(d.latex()).isNull();
  }

  @Test
  void everyDerivationOfTheIdentitySets_typesetsWellFormed() {
    List<IdentitySets.Problem> problems = IdentitySets.all();
    assertThat(problems).hasSizeGreaterThan(200);
    for (IdentitySets.Problem p : problems) {
      Derivative d = p.derive(ENGINE);
      assertThat(problem(d.latex())).as("%s: %s", p.key(), d.latex()).isNull();
      assertThat(problem(d.function().latex())).as("%s: %s", p.key(), d.function().latex()).isNull();
      for (Step step : d.steps()) {
        assertThat(problem(step.latex())).as("%s, %s: %s", p.key(), step.rule(), step.latex()).isNull();
      }
    }
  }
}
