package org.matrixcalculustutor.calculus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.matrixcalculustutor.algebra.Declaration;
import org.matrixcalculustutor.algebra.Declarations;
import org.matrixcalculustutor.algebra.Expr;
import org.matrixcalculustutor.algebra.Limits;
import org.matrixcalculustutor.algebra.Parser;
import org.matrixcalculustutor.algebra.RuleLatex;
import org.matrixcalculustutor.algebra.ShapeChecker;
import org.matrixcalculustutor.algebra.Typing;

class StepTest {

  private static Derivatives.Result derive(String f, String x, String declarations) {
    return Derivatives.derive(typing(f, declarations), x, Layout.DENOMINATOR);
  }

  private static Typing typing(String f, String declarations) {
    Declarations declared = Declarations.parse(declarations, Limits.DEFAULT);
    Set<String> names = declared.all().stream().map(Declaration::name).collect(Collectors.toSet());
    Expr e = Parser.parse(f, Limits.DEFAULT, names).expr();
    return ShapeChecker.check(e, declared);
  }

  private static List<String> texts(Derivatives.Result r) {
    return r.steps().stream().map(Step::text).toList();
  }

  @Test
  void steps_holdExpressionsThatEachPrinterWrites() {
    var r = derive("logdet(X'*X)", "X", "X: matrix m x n");
    Step product = r.steps().get(2);
    assertThat(product.rule()).startsWith("product rule");
    assertThat(product.after()).isInstanceOf(Expr.Sum.class);
    assertThat(product.text()).isEqualTo("d(X'*X) = dX'*X + X'*dX");
    assertThat(product.latex()).endsWith("= \\mathrm{d}X^{\\top} X + X^{\\top} \\mathrm{d}X");
    assertThat(texts(r)).first().isEqualTo("f = logdet(X'*X)");
    assertThat(texts(r)).last().isEqualTo("grad_X f = 2*X*inv(X'*X)");
  }

  @Test
  void aPartWhoseDifferentialOccursTwice_isWorkedOutOnce() {
    var r = derive("tr(inv(X)*inv(X))", "X", "X: matrix n x n invertible");
    assertThat(r.steps()).extracting(Step::rule).filteredOn(rule -> rule.startsWith("inverse")).hasSize(1);
    assertThat(r.steps()).extracting(Step::rule).filteredOn(rule -> rule.startsWith("product rule")).hasSize(1);
  }

  @Test
  void aPartOfTheFirstDifferential_isNotShownAgainInTheSecond() {
    var r = Derivatives.hessian(typing("norm(X)", "X: matrix m x n"), "X");
    assertThat(texts(r)).filteredOn(line -> line.startsWith("d(norm(X)) =")).hasSize(1);
    // d(||X||^-1) still writes d||X||, whose line is the first differential's
    assertThat(texts(r)).filteredOn(line -> line.contains("= -d(norm(X))")).hasSize(1);
    assertThat(r.steps()).extracting(Step::rule).filteredOn(rule -> rule.startsWith("norm")).hasSize(1);
    Step power = r.steps().stream().filter(s -> s.text().contains("= -d(norm(X))")).findFirst().orElseThrow();
    assertThat(r.steps().get(1).text()).startsWith("d(norm(X)) =");
    assertThat(power.ruleLatex()).endsWith("\\text{; }\\mathrm{d}\\left\\lVert X \\right\\rVert\\text{ from line 2}");

    // d|X'AX| and d(X'AX) are df's; d²f adds only the product rules of d(|X'AX| tr(...)) and of the
    // trace's argument, and d((X'AX)^-1)
    var det = Derivatives.hessian(typing("det(X'*A*X)", "X: matrix m x n\nA: matrix m x m"), "X");
    assertThat(det.steps()).extracting(Step::rule).filteredOn(rule -> rule.startsWith("Jacobi")).hasSize(1);
    assertThat(det.steps()).extracting(Step::text).filteredOn(line -> line.startsWith("d(X'*A*X) =")).hasSize(1);
    assertThat(det.steps()).extracting(Step::rule).filteredOn(rule -> rule.startsWith("product rule")).hasSize(3);
  }

  @Test
  void aLineThatLeavesAPartToAnEarlierLine_saysWhichLine() {
    var r = derive("tr(inv(X)) + det(inv(X))", "X", "X: matrix n x n invertible");
    List<String> lines = texts(r);
    int inverse = lines.indexOf("d(inv(X)) = -inv(X)*dX*inv(X)") + 1;
    Step jacobi = r.steps().stream().filter(s -> s.rule().startsWith("Jacobi")).findFirst().orElseThrow();
    assertThat(inverse).isPositive().isLessThan(r.steps().indexOf(jacobi) + 1);
    assertThat(jacobi.earlier()).extracting(Step.Reference::line).containsExactly(inverse);
    assertThat(jacobi.ruleParts()).last().isEqualTo(new RuleLatex.Part(false, " from line " + inverse));
    // a part whose line comes after is not referred to
    assertThat(r.steps()).filteredOn(s -> s.rule().startsWith("d tr")).allMatch(s -> s.earlier().isEmpty());
  }

  @Test
  void theTraceTrick_namesEachIdentityItUses() {
    var r = derive("a'*(x .* b)", "x", "a: vector n\nx: vector n\nb: vector n");
    Step trick = r.steps().stream().filter(s -> s.rule().startsWith("trace trick")).findFirst().orElseThrow();
    assertThat(trick.rule()).contains("<A, B ⊙ C> = <A ⊙ B, C>");
    assertThat(trick.after()).isInstanceOf(Expr.Inner.class);
  }
}
