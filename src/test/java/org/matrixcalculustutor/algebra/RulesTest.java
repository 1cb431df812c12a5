package org.matrixcalculustutor.algebra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.matrixcalculustutor.numeric.NumericEquality;

/**
 * Each rule of the simplifier on its own: applied once to a node of its type, it gives the rewritten
 * node, which equals the node on random matrices of distinct sizes; and every rule of both tables has
 * a case here, so a new rule does not go untested.
 */
class RulesTest {

  private static final String DECLARATIONS = """
      A: matrix n x n
      B: matrix n x n
      S: matrix n x n symmetric
      Q: matrix n x n orthogonal
      X: matrix m x n
      Y: matrix m x n
      C: matrix n x p
      M: matrix p x q
      x: vector n
      y: vector n
      z: vector m
      c: scalar
      s: scalar
      """;

  private static final Declarations DECLARED = Declarations.parse(DECLARATIONS, Limits.DEFAULT);
  private static final Set<String> NAMES = Set.of("A", "B", "S", "Q", "X", "Y", "C", "M", "x", "y", "z", "c", "s");

  /** rule name: the node it is offered, and the node it gives, both as typed in the language. */
  private static final Map<String, String[]> CASES = new LinkedHashMap<>();

  private static void rule(String name, String before, String after) {
    CASES.put(name, new String[] {before, after});
  }

  static {
    rule("flattenSum", "x + (y + x)", "x + y + x");
    rule("foldNumbersInSum", "c + 2 + 3", "c + 5");
    rule("collectLikeTerms", "A*x + 2*A*x", "3*A*x");
    rule("numberLast", "2 + c", "c + 2");
    rule("positiveFirst", "-y + x", "x - y");
    rule("factorCommon", "A*x + B*x", "(A + B)*x");
    rule("factorCommonInPart", "A*x + B*x + y", "y + (A + B)*x");
    rule("sortTerms", "y + x", "x + y");
    rule("flattenProduct", "A*(B*x)", "A*B*x");
    rule("scalarsOutOfScalarFactor", "(s*x'*A*x)*y", "s*(x'*A*x)*y");
    rule("foldNumbersInProduct", "2*x*3", "6*x");
    rule("scalarsFirst", "A*c*x", "c*A*x");
    rule("sortScalarFactors", "2*s*c*A*x/s", "2*c*s*A*x/s");
    rule("combineScalarPowers", "c*c", "c^2");
    rule("combineSymbolicPowers", "c^s*c^2", "c^(s + 2)");
    rule("combineMatrixPowers", "inv(A)*inv(A)*x", "inv(A^2)*x");
    rule("repeatedBlocksArePowers", "A'*B'*A'*B'*x", "(A'*B')^2*x");
    rule("numbersOutOfFactors", "3*A*(2*(x'*y))*x", "2*3*A*(x'*y)*x");
    rule("expandHadamardWhenShorter", "y .* (ones - x) - (ones - y) .* x", "y - x");
    rule("numberOutOfPower", "(2*(x'*y))^-2", "0.25*(x'*y)^-2");
    rule("removeIdentity", "A*I(n)*x*ones(1)", "A*x");
    rule("cancelInverses", "inv(A)*A*x", "x");
    rule("cancelCommutations", "commutation(m, n)*commutation(n, m)*vec(X')", "I(m*n)*vec(X')");
    rule("recognizeSoftmax", "exp(z)/sum(exp(z))", "softmax(z)");
    rule("onesInnerIsSum", "ones'*z", "sum(z)");
    rule("distributeProduct", "(A + B)*x", "A*x + B*x");
    rule("flattenHadamard", "x .* (y .* x)", "x .* y .* x");
    rule("removeOnes", "x .* ones", "x");
    rule("cancelReciprocals", "x .* y .* x .^ -1", "y");
    rule("recognizeSigmoid", "exp(z) .* (ones + exp(z)) .^ -1", "sigmoid(z)");
    rule("scalarsOutOfHadamard", "(c*x) .* y", "c*(x .* y)");
    rule("transposeOutOfHadamard", "(X*x)' .* z'", "(X*x .* z)'");
    rule("distributeHadamard", "(x + y) .* x", "x .* x + y .* x");
    rule("sortHadamardFactors", "y .* x", "x .* y");
    rule("transposeOfIdentity", "I(n)'", "I(n)");
    rule("transposeOfTranspose", "A''", "A");
    rule("transposeOfSymmetric", "S'", "S");
    rule("transposeOfSum", "(x'*A + y')'", "A'*x + y");
    rule("transposeOfProduct", "(A*B)'", "B'*A'");
    rule("transposeOfEntrywise", "tanh(X)'", "tanh(X')");
    rule("transposeIntoEntrywise", "tanh(X)'", "tanh(X')");
    rule("transposeOutOfFunction", "tanh(x'*X')", "tanh(X*x)'");
    rule("transposeOfPower", "(A^2)'", "(A')^2");
    rule("transposeOfZeros", "zeros(m, n)'", "zeros(n, m)");
    rule("transposeOfLiteral", "[c, s; 1, 2]'", "[c', 1'; s', 2']");
    rule("transposeOfKron", "kron(A, M)'", "kron(A', M')");
    rule("transposeOfCommutation", "commutation(m, n)'", "commutation(n, m)");
    rule("distributeTransposeOverSum", "(A + B)'", "A' + B'");
    rule("inverseOfIdentity", "inv(I(n))", "I(n)");
    rule("inverseOfTranspose", "inv(A')", "inv(A)'");
    rule("inverseOfInverse", "inv(inv(A))", "A");
    rule("inverseOfNumber", "inv(2)", "0.5");
    rule("inverseOfOrthogonal", "inv(Q)", "Q'");
    rule("inverseOfScalar", "inv(c)", "c^-1");
    rule("inverseOfCommutation", "inv(commutation(m, n))", "commutation(n, m)");
    rule("powerOfNumber", "2^3", "8");
    rule("matrixReciprocalIsInverse", "A^-1", "inv(A)");
    rule("firstPower", "A^1", "A");
    rule("zerothPower", "A^0", "I(n)");
    rule("powerOfPower", "(c^2)^3", "c^6");
    rule("constantExponent", "c^(2 - 1)", "c^1");
    rule("firstElementPower", "x .^ 1", "x");
    rule("traceOfScalar", "tr(x'*y)", "x'*y");
    rule("traceOfSum", "tr(A + B)", "tr(A) + tr(B)");
    rule("traceOfTranspose", "tr(A')", "tr(A)");
    rule("traceOfKron", "tr(kron(A, B))", "tr(A)*tr(B)");
    rule("scalarsOutOfTrace", "tr(c*A)", "c*tr(A)");
    rule("cyclicTraceOrder", "tr(B*A)", "tr(A*B)");
    rule("innerToProduct", "<x, y>", "x'*y");
    rule("innerToTrace", "<A, B>", "tr(A'*B)");
    rule("detOfTranspose", "det(A')", "det(A)");
    rule("logdetOfTranspose", "logdet(A')", "logdet(A)");
    rule("vecOfVector", "vec(x')", "x''");
    rule("kronOfScalar", "kron(c, A)", "c*A");
    rule("kronOfIdentities", "kron(I(m), I(n))", "I(m*n)");
    rule("scalarsOutOfKron", "kron(c*A, B)", "c*kron(A, B)");
    rule("distributeKron", "kron(A + B, M)", "kron(A, M) + kron(B, M)");
    rule("trivialCommutation", "commutation(1, n)", "I(n)");
  }

  /** The node the case offers its rule: as typed, or built where the parser writes it otherwise. */
  private static Expr node(String text) {
    if (text.equals("c^(2 - 1)")) { // the parser folds a constant exponent itself
      return new Expr.ScalarPower(new Expr.Symbol("c"), new Expr.Sum(List.of(Exprs.number(2), Exprs.number(-1))));
    }
    return parse(text);
  }

  private static Expr parse(String text) {
    return Parser.parse(text, Limits.DEFAULT, NAMES).expr();
  }

  private static Rule<?> ruleNamed(String name) {
    return Stream.of(Simplifier.SIMPLIFY, Simplifier.NORMAL_FORM).flatMap(t -> t.all().stream())
        .filter(r -> r.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError("no rule " + name));
  }

  static Stream<Arguments> cases() {
    return CASES.entrySet().stream().map(c -> Arguments.of(c.getKey(), c.getValue()[0], c.getValue()[1]));
  }

  @ParameterizedTest(name = "{0}: {1} -> {2}")
  @MethodSource("cases")
  void rule_rewritesItsNodeToAnEqualOne(String name, String before, String after) {
    Expr node = node(before);
    Typing typing = ShapeChecker.check(node, DECLARED);
    Rule<?> rule = ruleNamed(name);
    assertThat(node).as("the case offers the rule a node of its type").isInstanceOf(rule.type());

    Expr rewritten = rule.apply(node, new Rewriting(Shapes.of(typing), Simplifier.SIMPLIFIED, "simplifying"));

    assertThat(TextPrinter.print(rewritten)).isEqualTo(TextPrinter.print(parse(after)));
    assertThat(NumericEquality.maxRelativeDifference(node, rewritten, DECLARED, 7L, 3))
        .as("%s on random matrices", name).isLessThan(1e-9);
  }

  @Test
  void everyRuleOfBothTables_hasItsOwnCase() {
    Set<String> rules = new TreeSet<>();
    List.of(Simplifier.SIMPLIFY, Simplifier.NORMAL_FORM).forEach(t -> t.all().forEach(r -> rules.add(r.name())));
    assertThat(CASES.keySet()).containsExactlyInAnyOrderElementsOf(rules);
  }

  @Test
  void rulesOfATable_haveDistinctNames() {
    for (RuleTable table : List.of(Simplifier.SIMPLIFY, Simplifier.NORMAL_FORM)) {
      assertThat(table.all().stream().map(Rule::name)).doesNotHaveDuplicates();
    }
  }
}
