package org.matrixcalculustutor.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Titles and hints are templates over the exercise's symbols, typeset by the engine's printer. */
class TemplateTest {

  private static final Set<String> SYMBOLS = Set.of("A", "x", "b");

  @Test
  void formulas_areTypesetByTheEnginesPrinterAndRenamed() {
    Template t = Template.of("Product rule: $d(x'Ax) = dx' A x + x' A dx$.");
    assertThat(t.render(SYMBOLS, Map.of()).tex()).isEqualTo("Product rule: \\(\\mathrm{d}\\left(x^{\\top} A x\\right)"
        + " = \\mathrm{d}x^{\\top} A x + x^{\\top} A \\mathrm{d}x\\).");
    assertThat(t.render(SYMBOLS, Map.of("A", "M")).tex()).contains("x^{\\top} M x").doesNotContain("A");
  }

  @Test
  void differentialsOfFunctions_needNoExtraParentheses() {
    assertThat(Template.of("$d tr(A) = tr(dA)$").render(SYMBOLS, Map.of()).tex())
        .isEqualTo("\\(\\mathrm{d}\\operatorname{tr}\\left(A\\right) = \\operatorname{tr}\\left(\\mathrm{d}A\\right)\\)");
    assertThat(Template.of("$d||r||^2 = 2 <r, dr>$").render(SYMBOLS, Map.of()).tex())
        .contains("\\mathrm{d}\\left(\\left\\lVert r \\right\\rVert^{2}\\right)").contains("\\mathrm{d}r");
  }

  @Test
  void plainText_writesTheFormulasAsTheBankDoesOrInTheLanguageWhenRenamed() {
    Template t = Template.of("The quadratic form $x'Ax$");
    assertThat(t.plain()).isEqualTo("The quadratic form x'Ax");
    assertThat(t.toString()).isEqualTo("The quadratic form x'Ax");
    assertThat(t.render(SYMBOLS, Map.of("A", "M")).plain()).isEqualTo("The quadratic form x'*M*x");
  }

  @Test
  void localNames_areKnownSoAVariantCanAvoidThem() {
    assertThat(Template.of("Let $r = Ax - b$; then $d||r||^2 = 2 <r, dr>$.").names(SYMBOLS))
        .containsExactlyInAnyOrder("r", "A", "x", "b");
  }

  @Test
  void proseThatNamesASymbol_isFound() {
    assertThat(Template.of("d(x'a) = dx' a, a scalar").namedInProse(Set.of("x", "a"))).containsExactly("x", "a");
    assertThat(Template.of("$d(x'a) = dx' a$, a scalar").namedInProse(Set.of("x", "a"))).isEmpty();
    assertThat(Template.of("A is not symmetric").namedInProse(SYMBOLS)).containsExactly("A");
    assertThat(Template.of("A quadratic plus a linear term, $x'Ax + b'x$").namedInProse(SYMBOLS)).isEmpty();
    assertThat(Template.of("keep a and a' apart").namedInProse(Set.of("a"))).containsExactly("a");
  }
}
