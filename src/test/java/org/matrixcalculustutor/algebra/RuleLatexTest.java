package org.matrixcalculustutor.algebra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.matrixcalculustutor.calculus.Layout;
import org.matrixcalculustutor.calculus.Step;
import org.matrixcalculustutor.engine.Derivative;
import org.matrixcalculustutor.engine.Engine;
import org.matrixcalculustutor.exercises.ExerciseBank;
import org.matrixcalculustutor.lessons.LessonCatalog;

/** Rule names in derivations are typeset: words upright, formulas as mathematics. */
class RuleLatexTest {

  @Test
  void productRule_isAFormulaAfterItsName() {
    assertThat(RuleLatex.of("product rule: d(XY) = dX Y + X dY"))
        .isEqualTo("\\text{product rule: }\\mathrm{d}(X Y) = \\mathrm{d}X Y + X \\mathrm{d}Y");
  }

  @Test
  void innerProductsTransposesAndHadamards_areTypeset() {
    assertThat(RuleLatex.of("cyclic trace: <P, A Q B> = <A' P B', Q>"))
        .isEqualTo("\\text{cyclic trace: }\\langle P, A Q B \\rangle = \\langle A^{\\top} P B^{\\top}, Q \\rangle");
    assertThat(RuleLatex.of("read off the gradient: df = <G, dSigma> gives G")).contains("\\mathrm{d}\\Sigma");
    assertThat(RuleLatex.of("<A, B ⊙ C> = <A ⊙ B, C>")).contains("\\odot").doesNotContain("⊙");
    assertThat(RuleLatex.of("d log|X| = tr(X^-1 dX)"))
        .isEqualTo("\\mathrm{d} \\log \\lvert X \\rvert = \\operatorname{tr} (X^{-1} \\mathrm{d}X)");
    assertThat(RuleLatex.of("squared norm: d||X||^2 = 2<X, dX>")).contains("\\lVert X \\rVert^{2}");
  }

  @Test
  void wordsInsideAFormula_stayUpright() {
    assertThat(RuleLatex.of("product rule for a matrix power: d(X^k) = sum of X^j dX X^(k-1-j)"))
        .contains("\\text{ sum }").contains("X^{k-1-j}");
    assertThat(RuleLatex.of("chain rule: d f(X) = f'(X) ⊙ dX (entry-wise exp)")).contains("f'(X)")
        .contains("\\text{ entry-wise }");
    assertThat(RuleLatex.of("the function")).isEqualTo("\\text{the function}");
    assertThat(RuleLatex.of("trace trick: a scalar is its own trace; cyclic trace: <P, A Q B> = <A' P B', Q>"))
        .startsWith("\\text{trace trick: }\\text{a scalar is its own trace}\\text{; }\\text{cyclic trace: }");
  }

  @Test
  void aLongRule_comesInPiecesThatCanWrapBetweenItsFormulas() {
    assertThat(RuleLatex.parts("trace trick: a scalar is its own trace; <A, B'> = <A', B>")).containsExactly(
        new RuleLatex.Part(false, "trace trick: "), new RuleLatex.Part(false, "a scalar is its own trace"),
        new RuleLatex.Part(false, "; "), new RuleLatex.Part(true, "\\langle A, B^{\\top} \\rangle = \\langle A^{\\top}, B \\rangle"));
    assertThat(new Step("d tr = tr d", null, Exprs.ZERO, LeftSide.EXPRESSION, java.util.Map.of()).ruleParts()).containsExactly(
        new RuleLatex.Part(true, "\\mathrm{d} \\operatorname{tr} = \\operatorname{tr} \\mathrm{d}"));
  }

  /** In TeX's math the words' spaces would go: "vec(dX)( the commutation matrix)". */
  @Test
  void aRemarkInWordsAfterAFormula_isText() {
    List<RuleLatex.Part> parts = RuleLatex.parts("vec(dX') = K vec(dX) (the commutation matrix)");
    assertThat(parts).hasSize(2);
    assertThat(parts.get(0).math()).isTrue();
    assertThat(parts.get(0).content()).endsWith("(\\mathrm{d}X)").doesNotContain("commutation");
    assertThat(parts.get(1)).isEqualTo(new RuleLatex.Part(false, " (the commutation matrix)"));
  }

  @Test
  void aNameOutsideTheNotation_isPlainText() {
    assertThat(RuleLatex.of("strange: a = b \\ {c} $ % #")).isEqualTo("\\text{strange: a  b  c   }");
  }

  /** Every rule the engine writes for the lessons and the exercises reads as TeX without a raw symbol. */
  @Test
  void everyRuleTheEngineWrites_isTypesetWithoutRawSymbols() {
    Engine engine = new Engine(Limits.DEFAULT);
    Set<String> rules = new LinkedHashSet<>();
    for (var e : ExerciseBank.load().all()) {
      Derivative d = engine.derive(e.function(), e.variable(), e.declarations(), Layout.parse(e.layout()));
      d.steps().forEach(s -> rules.add(s.rule()));
    }
    for (var i : LessonCatalog.load().identities()) {
      if (i.isGradient()) {
        engine.derive(i.function(), i.variable(), i.declarations(), Layout.parse(i.layout())).steps()
            .forEach(s -> rules.add(s.rule()));
      }
    }
    assertThat(rules).hasSizeGreaterThan(15);
    for (String rule : rules) {
      String tex = RuleLatex.of(rule);
      String math = tex.replaceAll("\\\\text\\{[^}]*\\}", "");
      assertThat(math).as("%s -> %s", rule, tex).doesNotContain("<", ">", "||", "⊙", "⊘", "⊗");
      assertThat(tex.chars().filter(c -> c == '{').count()).as(tex).isEqualTo(tex.chars().filter(c -> c == '}').count());
    }
  }

  /**
   * No rule with a formula falls back to plain text, which drops what it cannot print: the Hessians'
   * "second differential: d²f = d(df) with dx held fixed" once read "df  d(df)" on the lessons.
   */
  @Test
  void everyRuleWithAFormula_isTypesetAsMathematicsIncludingTheHessians() {
    Engine engine = new Engine(Limits.DEFAULT);
    Set<String> rules = new LinkedHashSet<>();
    for (var e : ExerciseBank.load().all()) {
      engine.derive(e.function(), e.variable(), e.declarations(), Layout.parse(e.layout()), e.order()).steps()
          .forEach(s -> rules.add(s.rule()));
    }
    for (var i : LessonCatalog.load().identities()) {
      if (i.isGradient()) {
        engine.derive(i.function(), i.variable(), i.declarations(), Layout.parse(i.layout()), i.order()).steps()
            .forEach(s -> rules.add(s.rule()));
      }
    }
    assertThat(rules).anyMatch(rule -> rule.contains("d²f"));
    for (String rule : rules) {
      if (rule.contains("=")) {
        assertThat(RuleLatex.parts(rule)).as(rule).anyMatch(RuleLatex.Part::math);
      }
    }
    assertThat(RuleLatex.of("second differential: d²f = d(df) with dx held fixed"))
        .isEqualTo("\\text{second differential: }\\mathrm{d}^{2}f = \\mathrm{d}(\\mathrm{d}f) \\text{ with } "
            + "\\mathrm{d}x \\text{ held } \\text{ fixed }");
  }
}
