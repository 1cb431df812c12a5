package org.matrixcalculustutor.algebra;

import java.util.List;
import java.util.Set;

/**
 * One example per rule of the simplifier and the normal form: the node a rule is offered and the
 * node it gives, both as typed in the language, under one block of declarations. The rules' tests
 * check each example on random matrices; the start's warm-up fires each rule on its own example, so
 * that no rule meets its first use (and its first compilation) in a student's request.
 */
public final class RuleExamples {

  /** The declarations every example is typed under. */
  static final String DECLARATIONS = """
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

  static final Declarations DECLARED = Declarations.parse(DECLARATIONS, Limits.DEFAULT);

  /**
   * A rule's example.
   *
   * @param rule the rule's name
   * @param before the node it is offered
   * @param after the node it gives
   */
  record Example(String rule, String before, String after) {}

  static final List<Example> ALL = List.of(
      new Example("flattenSum", "x + (y + x)", "x + y + x"),
      new Example("foldNumbersInSum", "c + 2 + 3", "c + 5"),
      new Example("collectLikeTerms", "A*x + 2*A*x", "3*A*x"),
      new Example("numberLast", "2 + c", "c + 2"),
      new Example("positiveFirst", "-y + x", "x - y"),
      new Example("factorCommon", "A*x + B*x", "(A + B)*x"),
      new Example("factorCommonEntrywise", "x .* y - x .^ 2 .* (A*x)", "x .* (y - x .* (A*x))"),
      new Example("factorCommonInPart", "A*x + B*x + y", "(A + B)*x + y"),
      new Example("expandNumberWhenShorter", "2*x + 2*(x - y)", "4*x - 2*y"),
      new Example("diagOfSum", "diag(x) - 2*diag(y) + A", "diag(x - 2*y) + A"),
      new Example("sortTerms", "y + x", "x + y"),
      new Example("flattenProduct", "A*(B*x)", "A*B*x"),
      new Example("scalarsOutOfScalarFactor", "(s*x'*A*x)*y", "s*(x'*A*x)*y"),
      new Example("foldNumbersInProduct", "2*x*3", "6*x"),
      new Example("scalarsFirst", "A*c*x", "c*A*x"),
      new Example("sortScalarFactors", "2*s*c*A*x/s", "2*c*s*A*x/s"),
      new Example("combineScalarPowers", "c*c", "c^2"),
      new Example("combineSymbolicPowers", "c^s*c^2", "c^(s + 2)"),
      new Example("combineMatrixPowers", "inv(A)*inv(A)*x", "inv(A^2)*x"),
      new Example("repeatedBlocksArePowers", "A'*B'*A'*B'*x", "(A'*B')^2*x"),
      new Example("numbersOutOfFactors", "3*A*(2*(x'*y))*x", "2*3*A*(x'*y)*x"),
      new Example("numberOutOfSumFactor", "0.5*(2*A*x + 4*y)", "2*0.5*(A*x + 2*y)"),
      new Example("expandHadamardWhenShorter", "y .* (ones - x) - (ones - y) .* x", "y - x"),
      new Example("numberOutOfPower", "(2*(x'*y))^-2", "0.25*(x'*y)^-2"),
      new Example("removeIdentity", "A*I(n)*x*ones(1)", "A*x"),
      new Example("cancelInverses", "inv(A)*A*x", "x"),
      new Example("cancelCommutations", "commutation(m, n)*commutation(n, m)*vec(X')", "I(m*n)*vec(X')"),
      new Example("commutationPastKron", "commutation(n, m)*kron(X, C)", "kron(C, X)*commutation(p, n)"),
      new Example("recognizeSoftmax", "exp(z)/sum(exp(z))", "softmax(z)"),
      new Example("recognizeScalarSigmoid", "exp(c)^2*(1 + exp(c))^-2*x", "sigmoid(c)^2*x"),
      new Example("diagTimesVector", "c*diag(x)*y", "c*(x .* y)"),
      new Example("onesInnerIsSum", "ones'*z", "sum(z)"),
      new Example("distributeProduct", "(A + B)*x", "A*x + B*x"),
      new Example("flattenHadamard", "x .* (y .* x)", "x .* y .* x"),
      new Example("removeOnes", "x .* ones", "x"),
      new Example("combineElementPowers", "x .^ 2 .* y .* x .^ -3", "x .^ -1 .* y"),
      new Example("cancelReciprocals", "x .* y .* x .^ -1", "y"),
      new Example("recognizeSigmoid", "exp(z) .* (ones + exp(z)) .^ -1", "sigmoid(z)"),
      new Example("scalarsOutOfHadamard", "(c*x) .* y", "c*(x .* y)"),
      new Example("transposeOutOfHadamard", "(X*x)' .* z'", "(X*x .* z)'"),
      new Example("distributeHadamard", "(x + y) .* x", "x .* x + y .* x"),
      new Example("sortHadamardFactors", "y .* x", "x .* y"),
      new Example("transposeOfIdentity", "I(n)'", "I(n)"),
      new Example("transposeOfTranspose", "A''", "A"),
      new Example("transposeOfSymmetric", "S'", "S"),
      new Example("transposeOfSum", "(x'*A + y')'", "A'*x + y"),
      new Example("transposeOfProduct", "(A*B)'", "B'*A'"),
      new Example("transposeOfEntrywise", "tanh(X)'", "tanh(X')"),
      new Example("transposeIntoEntrywise", "tanh(X)'", "tanh(X')"),
      new Example("transposeOutOfFunction", "tanh(x'*X')", "tanh(X*x)'"),
      new Example("transposeOfPower", "(A^2)'", "(A')^2"),
      new Example("transposeOfZeros", "zeros(m, n)'", "zeros(n, m)"),
      new Example("transposeOfLiteral", "[c, s; 1, 2]'", "[c', 1'; s', 2']"),
      new Example("transposeOfKron", "kron(A, M)'", "kron(A', M')"),
      new Example("transposeOfCommutation", "commutation(m, n)'", "commutation(n, m)"),
      new Example("distributeTransposeOverSum", "(A + B)'", "A' + B'"),
      new Example("inverseOfIdentity", "inv(I(n))", "I(n)"),
      new Example("inverseOfTranspose", "inv(A')", "inv(A)'"),
      new Example("inverseOfInverse", "inv(inv(A))", "A"),
      new Example("inverseOfNumber", "inv(2)", "0.5"),
      new Example("inverseOfOrthogonal", "inv(Q)", "Q'"),
      new Example("inverseOfScalar", "inv(c)", "c^-1"),
      new Example("inverseOfCommutation", "inv(commutation(m, n))", "commutation(n, m)"),
      new Example("powerOfNumber", "2^3", "8"),
      new Example("matrixReciprocalIsInverse", "A^-1", "inv(A)"),
      new Example("firstPower", "A^1", "A"),
      new Example("zerothPower", "A^0", "I(n)"),
      new Example("powerOfPower", "(c^2)^3", "c^6"),
      new Example("constantExponent", "c^(2 - 1)", "c^1"),
      new Example("firstElementPower", "x .^ 1", "x"),
      new Example("zerothElementPower", "X .^ 0", "ones(m)*ones(n)'"),
      new Example("traceOfScalar", "tr(x'*y)", "x'*y"),
      new Example("traceOfSum", "tr(A + B)", "tr(A) + tr(B)"),
      new Example("traceOfTranspose", "tr(A')", "tr(A)"),
      new Example("traceOfKron", "tr(kron(A, B))", "tr(A)*tr(B)"),
      new Example("scalarsOutOfTrace", "tr(c*A)", "c*tr(A)"),
      new Example("cyclicTraceOrder", "tr(B*A)", "tr(A*B)"),
      new Example("innerToProduct", "<x, y>", "x'*y"),
      new Example("innerToTrace", "<A, B>", "tr(A'*B)"),
      new Example("detOfTranspose", "det(A')", "det(A)"),
      new Example("logdetOfTranspose", "logdet(A')", "logdet(A)"),
      new Example("scalarsOutOfVec", "vec(-2*c*X)", "-2*c*vec(X)"),
      new Example("vecOfVector", "vec(x')", "x''"),
      new Example("kronOfScalar", "kron(c, A)", "c*A"),
      new Example("kronOfIdentities", "kron(I(m), I(n))", "I(m*n)"),
      new Example("scalarsOutOfKron", "kron(c*A, B)", "c*kron(A, B)"),
      new Example("distributeKron", "kron(A + B, M)", "kron(A, M) + kron(B, M)"),
      new Example("trivialCommutation", "commutation(1, n)", "I(n)"));

  private RuleExamples() {}

  /** The node an example offers its rule: as typed, or built where the parser writes it otherwise. */
  static Expr node(String text) {
    if (text.equals("c^(2 - 1)")) { // the parser folds a constant exponent itself
      return new Expr.ScalarPower(new Expr.Symbol("c"), new Expr.Sum(List.of(Exprs.number(2), Exprs.number(-1))));
    }
    return parse(text);
  }

  static Expr parse(String text) {
    return Parser.parse(text, Limits.DEFAULT, DECLARED.names()).expr();
  }

  /** The rule of this name, from either table. */
  static Rule<?> rule(String name) {
    for (RuleTable table : List.of(Simplifier.SIMPLIFY, Simplifier.NORMAL_FORM)) {
      for (Rule<?> rule : table.all()) {
        if (rule.name().equals(name)) {
          return rule;
        }
      }
    }
    throw new IllegalArgumentException("no rule " + name);
  }

  /**
   * Fires every rule on its example, then simplifies and normalises what it gave: the warm-up's
   * pass over the rules. Returns the names of the rules whose example did not give its after node
   * (none, unless a rule changed without its example).
   */
  public static Set<String> fireEach() {
    Set<String> failed = new java.util.TreeSet<>();
    for (Example example : ALL) {
      Expr node = node(example.before());
      Shapes shapes = Shapes.of(ShapeChecker.check(node, DECLARED));
      Expr rewritten = rule(example.rule()).apply(node, new Rewriting(shapes, Simplifier.SIMPLIFIED, "simplifying"));
      Simplifier.simplify(rewritten, shapes);
      Simplifier.normalForm(rewritten, shapes);
      if (!TextPrinter.print(rewritten).equals(TextPrinter.print(parse(example.after())))) {
        failed.add(example.rule());
      }
    }
    return failed;
  }

  /** How many examples there are: one per rule of the two tables. */
  public static int count() {
    return ALL.size();
  }
}
