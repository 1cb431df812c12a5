package org.matrixcalculustutor.calculus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.matrixcalculustutor.algebra.Declaration;
import org.matrixcalculustutor.algebra.Declarations;
import org.matrixcalculustutor.algebra.Limits;
import org.matrixcalculustutor.algebra.Parser;
import org.matrixcalculustutor.algebra.ShapeChecker;

/** A rule's placeholder letters never read as the problem's own matrices. */
class RuleLettersTest {

  private static final Declarations ATTENTION =
      Declarations.parse("G: matrix m x m\nQ: matrix m x d\nK: matrix m x d", Limits.DEFAULT);

  @Test
  void aCapitalTheProblemDeclares_isRenamedThroughoutTheRule() {
    assertThat(RuleLetters.apart("cyclic trace: <P, A Q B> = <A' P B', Q>", ATTENTION, "K"))
        .isEqualTo("cyclic trace: <P, A U B> = <A' P B', U>");
  }

  @Test
  void theVariable_keepsItsName_andTheGradientsLetterMovesOffTheProblemsG() {
    assertThat(RuleLetters.readOffGradient("K", ATTENTION)).isEqualTo("read off the gradient: df = <U, dK> gives U");
    assertThat(RuleLetters.apart("chain rule: d f(K) = f'(K) ⊙ dK", ATTENTION, "K"))
        .isEqualTo("chain rule: d f(K) = f'(K) ⊙ dK");
  }

  @Test
  void aRuleWhoseLettersTheProblemDoesNotUse_isUnchanged() {
    Declarations d = Declarations.parse("x: vector n\nA: matrix n x n", Limits.DEFAULT);
    assertThat(RuleLetters.readOffGradient("x", d)).isEqualTo("read off the gradient: df = <G, dx> gives G");
    assertThat(RuleLetters.apart("p tr(M) = <p I, M>", d, "x")).isEqualTo("p tr(M) = <p I, M>");
  }

  @Test
  void theAttentionDerivation_namesNeitherItsGNorItsQInARulesFormula() {
    Declarations d = ATTENTION;
    Set<String> names = d.all().stream().map(Declaration::name).collect(Collectors.toSet());
    var typing = ShapeChecker.check(Parser.parse("tr(G'*Q*K')", Limits.DEFAULT, names).expr(), d);
    List<String> rules = Derivatives.derive(typing, "K", Layout.DENOMINATOR).steps().stream().map(Step::rule).toList();
    assertThat(rules).last().isEqualTo("read off the gradient: df = <U, dK> gives U");
    assertThat(rules).noneMatch(r -> r.matches(".*[^\\p{L}d][GQ][^\\p{L}].*"));
  }
}
