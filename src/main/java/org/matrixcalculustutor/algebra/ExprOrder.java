package org.matrixcalculustutor.algebra;

import java.util.Comparator;
import java.util.List;

/**
 * The one order of expressions, over their structure: the kind of node first (numbers, symbols,
 * constants, then operations), then its parts in order. It sorts the terms of a sum, the factors
 * of a commutative product and picks the rotation of a trace in normal forms, so a normal form is a
 * property of the mathematics and never of how an expression is printed: the printers can change
 * without changing a single grade. Total, and consistent with equals (0 only for equal trees).
 */
public final class ExprOrder implements Comparator<Expr> {

  public static final ExprOrder INSTANCE = new ExprOrder();

  private ExprOrder() {}

  @Override
  public int compare(Expr a, Expr b) {
    if (a == b) {
      return 0;
    }
    int byKind = Integer.compare(Kind.of(a), Kind.of(b));
    if (byKind != 0) {
      return byKind;
    }
    return a.accept(new SameKind(b));
  }

  /** Lexicographic on the elements, a shorter prefix first. */
  static int compareLists(List<Expr> a, List<Expr> b) {
    int n = Math.min(a.size(), b.size());
    for (int i = 0; i < n; i++) {
      int c = INSTANCE.compare(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  private static int compareSizes(Size a, Size b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    return a.toString().compareTo(b.toString());
  }

  /** The rank of each kind of node: leaves first, then operations roughly by how tightly they bind. */
  private static final class Kind implements Expr.Visitor<Integer> {

    private static final Kind INSTANCE = new Kind();

    static int of(Expr e) {
      return e.accept(INSTANCE);
    }

    @Override
    public Integer number(Expr.Number e) {
      return 0;
    }

    @Override
    public Integer symbol(Expr.Symbol e) {
      return 1;
    }

    @Override
    public Integer differential(Expr.Differential e) {
      return 2;
    }

    @Override
    public Integer identity(Expr.Identity e) {
      return 3;
    }

    @Override
    public Integer ones(Expr.Ones e) {
      return 4;
    }

    @Override
    public Integer zeros(Expr.Zeros e) {
      return 5;
    }

    @Override
    public Integer commutation(Expr.Commutation e) {
      return 6;
    }

    @Override
    public Integer transpose(Expr.Transpose e) {
      return 7;
    }

    @Override
    public Integer inverse(Expr.Inverse e) {
      return 8;
    }

    @Override
    public Integer power(Expr.Power e) {
      return 9;
    }

    @Override
    public Integer scalarPower(Expr.ScalarPower e) {
      return 10;
    }

    @Override
    public Integer elementPower(Expr.ElementPower e) {
      return 11;
    }

    @Override
    public Integer apply(Expr.Apply e) {
      return 12;
    }

    @Override
    public Integer trace(Expr.Trace e) {
      return 13;
    }

    @Override
    public Integer det(Expr.Det e) {
      return 14;
    }

    @Override
    public Integer logDet(Expr.LogDet e) {
      return 15;
    }

    @Override
    public Integer norm(Expr.Norm e) {
      return 16;
    }

    @Override
    public Integer sumAll(Expr.SumAll e) {
      return 17;
    }

    @Override
    public Integer diag(Expr.Diag e) {
      return 18;
    }

    @Override
    public Integer softmax(Expr.Softmax e) {
      return 19;
    }

    @Override
    public Integer logSumExp(Expr.LogSumExp e) {
      return 20;
    }

    @Override
    public Integer vec(Expr.Vec e) {
      return 21;
    }

    @Override
    public Integer inner(Expr.Inner e) {
      return 22;
    }

    @Override
    public Integer kron(Expr.Kron e) {
      return 23;
    }

    @Override
    public Integer hadamard(Expr.Hadamard e) {
      return 24;
    }

    @Override
    public Integer hadamardQuotient(Expr.HadamardQuotient e) {
      return 25;
    }

    @Override
    public Integer product(Expr.Product e) {
      return 26;
    }

    @Override
    public Integer sum(Expr.Sum e) {
      return 27;
    }

    @Override
    public Integer matrixLiteral(Expr.MatrixLiteral e) {
      return 28;
    }
  }

  /** Compares a node with another of the same kind, part by part. */
  private static final class SameKind implements Expr.Visitor<Integer> {

    private final Expr other;

    SameKind(Expr other) {
      this.other = other;
    }

    private static int parts(Expr a, Expr b) {
      return INSTANCE.compare(a, b);
    }

    @Override
    public Integer number(Expr.Number e) {
      return Double.compare(e.value(), ((Expr.Number) other).value());
    }

    @Override
    public Integer symbol(Expr.Symbol e) {
      return e.name().compareTo(((Expr.Symbol) other).name());
    }

    @Override
    public Integer differential(Expr.Differential e) {
      return parts(e.variable(), ((Expr.Differential) other).variable());
    }

    @Override
    public Integer identity(Expr.Identity e) {
      return compareSizes(e.size(), ((Expr.Identity) other).size());
    }

    @Override
    public Integer ones(Expr.Ones e) {
      return compareSizes(e.size(), ((Expr.Ones) other).size());
    }

    @Override
    public Integer zeros(Expr.Zeros e) {
      Expr.Zeros o = (Expr.Zeros) other;
      int c = compareSizes(e.rows(), o.rows());
      return c != 0 ? c : compareSizes(e.cols(), o.cols());
    }

    @Override
    public Integer commutation(Expr.Commutation e) {
      Expr.Commutation o = (Expr.Commutation) other;
      int c = compareSizes(e.rows(), o.rows());
      return c != 0 ? c : compareSizes(e.cols(), o.cols());
    }

    @Override
    public Integer transpose(Expr.Transpose e) {
      return parts(e.argument(), ((Expr.Transpose) other).argument());
    }

    @Override
    public Integer inverse(Expr.Inverse e) {
      return parts(e.argument(), ((Expr.Inverse) other).argument());
    }

    @Override
    public Integer power(Expr.Power e) {
      Expr.Power o = (Expr.Power) other;
      int c = parts(e.base(), o.base());
      return c != 0 ? c : Double.compare(e.exponent(), o.exponent());
    }

    @Override
    public Integer scalarPower(Expr.ScalarPower e) {
      Expr.ScalarPower o = (Expr.ScalarPower) other;
      int c = parts(e.base(), o.base());
      return c != 0 ? c : parts(e.exponent(), o.exponent());
    }

    @Override
    public Integer elementPower(Expr.ElementPower e) {
      Expr.ElementPower o = (Expr.ElementPower) other;
      int c = parts(e.base(), o.base());
      return c != 0 ? c : Double.compare(e.exponent(), o.exponent());
    }

    @Override
    public Integer apply(Expr.Apply e) {
      Expr.Apply o = (Expr.Apply) other;
      int c = e.function().compareTo(o.function());
      return c != 0 ? c : parts(e.argument(), o.argument());
    }

    @Override
    public Integer trace(Expr.Trace e) {
      return parts(e.argument(), ((Expr.Trace) other).argument());
    }

    @Override
    public Integer det(Expr.Det e) {
      return parts(e.argument(), ((Expr.Det) other).argument());
    }

    @Override
    public Integer logDet(Expr.LogDet e) {
      return parts(e.argument(), ((Expr.LogDet) other).argument());
    }

    @Override
    public Integer norm(Expr.Norm e) {
      return parts(e.argument(), ((Expr.Norm) other).argument());
    }

    @Override
    public Integer sumAll(Expr.SumAll e) {
      return parts(e.argument(), ((Expr.SumAll) other).argument());
    }

    @Override
    public Integer diag(Expr.Diag e) {
      return parts(e.argument(), ((Expr.Diag) other).argument());
    }

    @Override
    public Integer softmax(Expr.Softmax e) {
      return parts(e.argument(), ((Expr.Softmax) other).argument());
    }

    @Override
    public Integer logSumExp(Expr.LogSumExp e) {
      return parts(e.argument(), ((Expr.LogSumExp) other).argument());
    }

    @Override
    public Integer vec(Expr.Vec e) {
      return parts(e.argument(), ((Expr.Vec) other).argument());
    }

    @Override
    public Integer inner(Expr.Inner e) {
      Expr.Inner o = (Expr.Inner) other;
      int c = parts(e.left(), o.left());
      return c != 0 ? c : parts(e.right(), o.right());
    }

    @Override
    public Integer kron(Expr.Kron e) {
      Expr.Kron o = (Expr.Kron) other;
      int c = parts(e.left(), o.left());
      return c != 0 ? c : parts(e.right(), o.right());
    }

    @Override
    public Integer hadamard(Expr.Hadamard e) {
      return compareLists(e.factors(), ((Expr.Hadamard) other).factors());
    }

    @Override
    public Integer hadamardQuotient(Expr.HadamardQuotient e) {
      Expr.HadamardQuotient o = (Expr.HadamardQuotient) other;
      int c = parts(e.numerator(), o.numerator());
      return c != 0 ? c : parts(e.denominator(), o.denominator());
    }

    @Override
    public Integer product(Expr.Product e) {
      return compareLists(e.factors(), ((Expr.Product) other).factors());
    }

    @Override
    public Integer sum(Expr.Sum e) {
      return compareLists(e.terms(), ((Expr.Sum) other).terms());
    }

    @Override
    public Integer matrixLiteral(Expr.MatrixLiteral e) {
      List<List<Expr>> a = e.rows();
      List<List<Expr>> b = ((Expr.MatrixLiteral) other).rows();
      int n = Math.min(a.size(), b.size());
      for (int i = 0; i < n; i++) {
        int c = compareLists(a.get(i), b.get(i));
        if (c != 0) {
          return c;
        }
      }
      return Integer.compare(a.size(), b.size());
    }
  }
}
