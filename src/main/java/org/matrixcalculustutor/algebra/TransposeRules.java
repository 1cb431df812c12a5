package org.matrixcalculustutor.algebra;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;

/** The rules for transposes: they go down to the symbols where that reads better. */
final class TransposeRules {

  private TransposeRules() {}

  static final Rule<Expr.Transpose> OF_IDENTITY = Rule.of("transposeOfIdentity", Expr.Transpose.class,
      "I' = I", TransposeRules::ofIdentity);
  static final Rule<Expr.Transpose> OF_TRANSPOSE = Rule.of("transposeOfTranspose", Expr.Transpose.class,
      "(A')' = A", TransposeRules::ofTranspose);
  static final Rule<Expr.Transpose> OF_SYMMETRIC = Rule.of("transposeOfSymmetric", Expr.Transpose.class,
      "S' = S for a symmetric S or a scalar", TransposeRules::ofSymmetric);
  static final Rule<Expr.Transpose> OF_SUM = Rule.of("transposeOfSum", Expr.Transpose.class,
      "(A + B)' = A' + B'", TransposeRules::ofSum);
  static final Rule<Expr.Transpose> OF_PRODUCT = Rule.of("transposeOfProduct", Expr.Transpose.class,
      "(AB)' = B'A'", TransposeRules::ofProduct);
  static final Rule<Expr.Transpose> OF_ENTRYWISE = Rule.of("transposeOfEntrywise", Expr.Transpose.class,
      "(A ⊙ B)' = A' ⊙ B', f(A)' = f(A')", TransposeRules::ofEntrywise);
  static final Rule<Expr.Transpose> INTO_ENTRYWISE_WHEN_SHORTER = Rule.of("transposeIntoEntrywise",
      Expr.Transpose.class, "(A ⊙ B)' = A' ⊙ B', f(A)' = f(A'), where that has no more transposes",
      TransposeRules::intoEntrywise);
  static final Rule<Expr.Transpose> OF_POWER = Rule.of("transposeOfPower", Expr.Transpose.class,
      "(A^k)' = (A')^k", TransposeRules::ofPower);
  static final Rule<Expr.Transpose> OF_ZEROS = Rule.of("transposeOfZeros", Expr.Transpose.class,
      "0' = 0", TransposeRules::ofZeros);
  static final Rule<Expr.Transpose> OF_LITERAL = Rule.of("transposeOfLiteral", Expr.Transpose.class,
      "[a, b; c, d]' = [a', c'; b', d']", TransposeRules::ofLiteral);
  static final Rule<Expr.Transpose> OF_KRON = Rule.of("transposeOfKron", Expr.Transpose.class,
      "(A ⊗ B)' = A' ⊗ B'", TransposeRules::ofKron);
  static final Rule<Expr.Transpose> OF_COMMUTATION = Rule.of("transposeOfCommutation", Expr.Transpose.class,
      "K(m, n)' = K(n, m)", TransposeRules::ofCommutation);
  /** For the normal form: every transpose of a sum distributes, whatever it reads like. */
  static final Rule<Expr.Transpose> DISTRIBUTE_OVER_SUM = Rule.of("distributeTransposeOverSum", Expr.Transpose.class,
      "(A + B)' = A' + B'", TransposeRules::distributeOverSum);

  static Expr ofIdentity(Expr.Transpose t, Rewriting run) {
    return t.argument() instanceof Expr.Identity ? t.argument() : t;
  }

  static Expr ofTranspose(Expr.Transpose t, Rewriting run) {
    return t.argument() instanceof Expr.Transpose inner ? inner.argument() : t;
  }

  static Expr ofSymmetric(Expr.Transpose t, Rewriting run) {
    Expr a = t.argument();
    if (a instanceof Expr.Differential) {
      return t; // dX' is not dX, whatever X is declared
    }
    return run.shapes().isScalar(a) || run.shapes().isSymmetric(a) ? a : t;
  }

  /** (x - mu)' reads better than x' - mu'; (a'*X + b')' reads worse than X'*a + b: the form with fewer transposes. */
  static Expr ofSum(Expr.Transpose t, Rewriting run) {
    if (!(t.argument() instanceof Expr.Sum s) || isDifferential(t)) {
      return t;
    }
    Expr pushed = run.run(Exprs.sum(s.terms().stream().map(Exprs::transpose).toList()));
    return Terms.transposes(pushed) < Terms.transposes(t) ? pushed : t;
  }

  static Expr distributeOverSum(Expr.Transpose t, Rewriting run) {
    if (!(t.argument() instanceof Expr.Sum s) || isDifferential(t)) {
      return t;
    }
    return Exprs.sum(s.terms().stream().map(Exprs::transpose).toList());
  }

  static Expr ofProduct(Expr.Transpose t, Rewriting run) {
    if (!(t.argument() instanceof Expr.Product p)) {
      return t;
    }
    List<Expr> reversed = new ArrayList<>();
    for (int i = p.factors().size() - 1; i >= 0; i--) {
      Expr f = p.factors().get(i);
      reversed.add(f instanceof Expr.Number ? f : new Expr.Transpose(f));
    }
    reversed.sort(Comparator.comparing(f -> f instanceof Expr.Number ? 0 : 1));
    return Exprs.product(reversed);
  }

  static Expr ofEntrywise(Expr.Transpose t, Rewriting run) {
    return pushedIn(t, Exprs::transpose);
  }

  /**
   * The transpose moved into an entry-wise product or function only where that writes no more
   * transposes: exp(X)' becomes exp(X'), but tanh(W*x)' stays, as tanh(x'*W') would have two. Each
   * part's transpose is simplified first: a smaller problem than the node it is part of.
   */
  static Expr intoEntrywise(Expr.Transpose t, Rewriting run) {
    Expr pushed = pushedIn(t, e -> run.run(Exprs.transpose(e)));
    return Terms.transposes(pushed) <= Terms.transposes(t) ? pushed : t;
  }

  /** (A ⊙ B)' = A' ⊙ B', (A ⊘ B)' = A' ⊘ B', f(A)' = f(A'), (A .^ k)' = A' .^ k, each part transposed by transpose; t itself otherwise. */
  private static Expr pushedIn(Expr.Transpose t, UnaryOperator<Expr> transpose) {
    Expr a = t.argument();
    if (a instanceof Expr.Hadamard h) {
      return new Expr.Hadamard(h.factors().stream().map(transpose).toList());
    }
    if (a instanceof Expr.HadamardQuotient q) {
      return new Expr.HadamardQuotient(transpose.apply(q.numerator()), transpose.apply(q.denominator()));
    }
    if (a instanceof Expr.Apply f) {
      return new Expr.Apply(f.function(), transpose.apply(f.argument()));
    }
    if (a instanceof Expr.ElementPower p) {
      return new Expr.ElementPower(transpose.apply(p.base()), p.exponent());
    }
    return t;
  }

  static Expr ofPower(Expr.Transpose t, Rewriting run) {
    return t.argument() instanceof Expr.Power p ? new Expr.Power(Exprs.transpose(p.base()), p.exponent()) : t;
  }

  static Expr ofZeros(Expr.Transpose t, Rewriting run) {
    return t.argument() instanceof Expr.Zeros z ? new Expr.Zeros(z.cols(), z.rows()) : t;
  }

  static Expr ofLiteral(Expr.Transpose t, Rewriting run) {
    if (!(t.argument() instanceof Expr.MatrixLiteral m)) {
      return t;
    }
    List<List<Expr>> columns = new ArrayList<>();
    for (int j = 0; j < m.rows().get(0).size(); j++) {
      List<Expr> column = new ArrayList<>();
      for (List<Expr> row : m.rows()) {
        column.add(Exprs.transpose(row.get(j)));
      }
      columns.add(column);
    }
    return new Expr.MatrixLiteral(columns);
  }

  static Expr ofKron(Expr.Transpose t, Rewriting run) {
    return t.argument() instanceof Expr.Kron k
        ? new Expr.Kron(Exprs.transpose(k.left()), Exprs.transpose(k.right())) : t;
  }

  static Expr ofCommutation(Expr.Transpose t, Rewriting run) {
    return t.argument() instanceof Expr.Commutation k ? new Expr.Commutation(k.cols(), k.rows()) : t;
  }

  private static boolean isDifferential(Expr.Transpose t) {
    return t.argument() instanceof Expr.Differential;
  }
}
