package org.matrixcalculustutor.derivation;

import java.util.ArrayList;
import java.util.List;
import org.matrixcalculustutor.algebra.Expr;

/**
 * How a line depends on dX, read off its structure: a differential is linear in dX, so dX must
 * appear exactly once in every term, never inside a function, an inverse, a power or a
 * denominator. A term without dX (df = x'*A*x + ...) is not linear either: a differential has no
 * constant part.
 */
final class Linearity implements Expr.Visitor<Linearity.Degree> {

  /** The kinds of dependence, from none to too much. */
  enum Kind {
    /** The number 0 or a zero matrix: linear in anything. */
    ZERO,
    /** No dX at all. */
    CONSTANT,
    /** Linear in dX. */
    LINEAR,
    /** dX twice in a product, inside a function, or a term without dX beside one with it. */
    NONLINEAR
  }

  /**
   * The dependence of a node on dX; for a nonlinear one, the node that makes it so and why.
   *
   * @param culprit the node to point at, or null
   * @param why what is wrong there, said after the culprit: "has dX in two factors"
   */
  record Degree(Kind kind, Expr culprit, String why) {

    static final Degree ZERO = new Degree(Kind.ZERO, null, null);
    static final Degree CONSTANT = new Degree(Kind.CONSTANT, null, null);
    static final Degree LINEAR = new Degree(Kind.LINEAR, null, null);

    static Degree nonlinear(Expr culprit, String why) {
      return new Degree(Kind.NONLINEAR, culprit, why);
    }

    boolean nonlinear() {
      return kind == Kind.NONLINEAR;
    }
  }

  private final Expr.Symbol dX;

  private Linearity(Expr.Symbol dX) {
    this.dX = dX;
  }

  static Degree of(Expr e, Expr.Symbol dX) {
    return e.accept(new Linearity(dX));
  }

  /** Terms of a sum (or entries of a matrix): all linear, or all free of dX; zeros fit either. */
  private Degree alike(List<Expr> terms, Expr whole, String what) {
    List<Degree> degrees = new ArrayList<>();
    for (Expr term : terms) {
      Degree d = term.accept(this);
      if (d.nonlinear()) {
        return d;
      }
      degrees.add(d);
    }
    boolean linear = degrees.stream().anyMatch(d -> d.kind() == Kind.LINEAR);
    for (int i = 0; i < terms.size(); i++) {
      if (linear && degrees.get(i).kind() == Kind.CONSTANT) {
        return Degree.nonlinear(terms.get(i), "has no " + dX.name() + ", but every " + what + " of a differential"
            + " carries " + dX.name() + " once");
      }
    }
    if (linear) {
      return Degree.LINEAR;
    }
    return degrees.stream().allMatch(d -> d.kind() == Kind.ZERO) ? Degree.ZERO : Degree.CONSTANT;
  }

  /** Factors of a product: dX in one of them at most; a zero factor makes the whole zero. */
  private Degree product(List<Expr> factors, Expr whole) {
    Degree result = Degree.CONSTANT;
    boolean zero = false;
    for (Expr factor : factors) {
      Degree d = factor.accept(this);
      if (d.nonlinear()) {
        return d;
      }
      zero |= d.kind() == Kind.ZERO;
      if (d.kind() == Kind.LINEAR) {
        if (result.kind() == Kind.LINEAR) {
          return Degree.nonlinear(whole, "has " + dX.name() + " in two factors");
        }
        result = Degree.LINEAR;
      }
    }
    return zero ? Degree.ZERO : result;
  }

  /** A function of its argument: fine without dX, nonlinear with it. */
  private Degree function(Expr argument, Expr whole, String what) {
    Degree d = argument.accept(this);
    if (d.nonlinear()) {
      return d;
    }
    if (d.kind() == Kind.LINEAR) {
      return Degree.nonlinear(whole, "is " + what + " of an expression in " + dX.name() + ", not linear in it");
    }
    return Degree.CONSTANT;
  }

  /** A linear operation (transpose, trace, vec, ...) keeps the dependence of its argument. */
  private Degree same(Expr argument) {
    return argument.accept(this);
  }

  @Override
  public Degree symbol(Expr.Symbol e) {
    return e.equals(dX) ? Degree.LINEAR : Degree.CONSTANT;
  }

  @Override
  public Degree number(Expr.Number e) {
    return e.value() == 0 ? Degree.ZERO : Degree.CONSTANT;
  }

  @Override
  public Degree identity(Expr.Identity e) {
    return Degree.CONSTANT;
  }

  @Override
  public Degree ones(Expr.Ones e) {
    return Degree.CONSTANT;
  }

  @Override
  public Degree zeros(Expr.Zeros e) {
    return Degree.ZERO;
  }

  @Override
  public Degree sum(Expr.Sum e) {
    return alike(e.terms(), e, "term");
  }

  @Override
  public Degree product(Expr.Product e) {
    return product(e.factors(), e);
  }

  @Override
  public Degree power(Expr.Power e) {
    Degree base = e.base().accept(this);
    if (base.kind() == Kind.LINEAR && e.exponent() != 1) {
      return Degree.nonlinear(e, "is a power of " + dX.name() + ", not linear in it");
    }
    return base;
  }

  @Override
  public Degree scalarPower(Expr.ScalarPower e) {
    Degree exponent = function(e.exponent(), e, "a power");
    return exponent.nonlinear() ? exponent : function(e.base(), e, "a power");
  }

  @Override
  public Degree elementPower(Expr.ElementPower e) {
    Degree base = e.base().accept(this);
    if (base.kind() == Kind.LINEAR && e.exponent() != 1) {
      return Degree.nonlinear(e, "is an entry-wise power of " + dX.name() + ", not linear in it");
    }
    return base;
  }

  @Override
  public Degree hadamard(Expr.Hadamard e) {
    return product(e.factors(), e);
  }

  @Override
  public Degree hadamardQuotient(Expr.HadamardQuotient e) {
    Degree below = e.denominator().accept(this);
    if (below.nonlinear()) {
      return below;
    }
    if (below.kind() == Kind.LINEAR) {
      return Degree.nonlinear(e, "divides by " + dX.name() + ", which is not linear in it");
    }
    return e.numerator().accept(this);
  }

  @Override
  public Degree transpose(Expr.Transpose e) {
    return same(e.argument());
  }

  @Override
  public Degree inverse(Expr.Inverse e) {
    return function(e.argument(), e, "the inverse");
  }

  @Override
  public Degree trace(Expr.Trace e) {
    return same(e.argument());
  }

  @Override
  public Degree det(Expr.Det e) {
    return function(e.argument(), e, "the determinant");
  }

  @Override
  public Degree logDet(Expr.LogDet e) {
    return function(e.argument(), e, "the log-determinant");
  }

  @Override
  public Degree norm(Expr.Norm e) {
    return function(e.argument(), e, "the norm");
  }

  @Override
  public Degree sumAll(Expr.SumAll e) {
    return same(e.argument());
  }

  @Override
  public Degree diag(Expr.Diag e) {
    return same(e.argument());
  }

  @Override
  public Degree softmax(Expr.Softmax e) {
    return function(e.argument(), e, "softmax");
  }

  @Override
  public Degree logSumExp(Expr.LogSumExp e) {
    return function(e.argument(), e, "logsumexp");
  }

  @Override
  public Degree vec(Expr.Vec e) {
    return same(e.argument());
  }

  @Override
  public Degree kron(Expr.Kron e) {
    return product(List.of(e.left(), e.right()), e);
  }

  @Override
  public Degree commutation(Expr.Commutation e) {
    return Degree.CONSTANT;
  }

  @Override
  public Degree apply(Expr.Apply e) {
    return function(e.argument(), e, "the function " + e.function().word());
  }

  @Override
  public Degree inner(Expr.Inner e) {
    return product(List.of(e.left(), e.right()), e);
  }

  @Override
  public Degree matrixLiteral(Expr.MatrixLiteral e) {
    return alike(e.rows().stream().flatMap(List::stream).toList(), e, "entry");
  }

  @Override
  public Degree differential(Expr.Differential e) {
    return Degree.LINEAR; // lines hold dX as a symbol; a differential here is dX all the same
  }
}
