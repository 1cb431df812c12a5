package org.matrixcalculustutor.algebra;

import java.util.List;

/** The rules for powers: of scalars, integer powers of square matrices, symbolic and entry-wise powers. */
final class PowerRules {

  private PowerRules() {}

  static final Rule<Expr.Power> OF_NUMBER = Rule.of("powerOfNumber", Expr.Power.class,
      "2^3 = 8", PowerRules::ofNumber);
  static final Rule<Expr.Power> MATRIX_RECIPROCAL = Rule.of("matrixReciprocalIsInverse", Expr.Power.class,
      "X^-1 = inv(X) for a matrix", PowerRules::matrixReciprocal);
  static final Rule<Expr.Power> FIRST_POWER = Rule.of("firstPower", Expr.Power.class,
      "x^1 = x", PowerRules::firstPower);
  static final Rule<Expr.Power> ZEROTH_POWER = Rule.of("zerothPower", Expr.Power.class,
      "x^0 = 1, X^0 = I", PowerRules::zerothPower);
  static final Rule<Expr.Power> POWER_OF_POWER = Rule.of("powerOfPower", Expr.Power.class,
      "(s^a)^b = s^(ab) for a scalar s and a whole b", PowerRules::powerOfPower);
  static final Rule<Expr.Power> NUMBER_OUT = Rule.of("numberOutOfPower", Expr.Power.class,
      "(2u)^k = 2^k u^k for a scalar u", PowerRules::numberOut);
  static final Rule<Expr.ScalarPower> CONSTANT_EXPONENT = Rule.of("constantExponent", Expr.ScalarPower.class,
      "u^(2 - 1) = u^1", PowerRules::constantExponent);
  static final Rule<Expr.ElementPower> FIRST_ELEMENT_POWER = Rule.of("firstElementPower", Expr.ElementPower.class,
      "x .^ 1 = x", PowerRules::firstElementPower);
  static final Rule<Expr.ElementPower> ZEROTH_ELEMENT_POWER = Rule.of("zerothElementPower", Expr.ElementPower.class,
      "X .^ 0 = 1 1'", PowerRules::zerothElementPower);

  static Expr ofNumber(Expr.Power p, Rewriting run) {
    if (!(p.base() instanceof Expr.Number n)) {
      return p;
    }
    double value = Math.pow(n.value(), p.exponent());
    return Double.isFinite(value) ? Exprs.number(value) : p;
  }

  static Expr matrixReciprocal(Expr.Power p, Rewriting run) {
    return p.exponent() == -1 && !run.shapes().isScalar(p.base()) ? new Expr.Inverse(p.base()) : p;
  }

  static Expr firstPower(Expr.Power p, Rewriting run) {
    return p.exponent() == 1 ? p.base() : p;
  }

  static Expr zerothPower(Expr.Power p, Rewriting run) {
    if (p.exponent() != 0) {
      return p;
    }
    Shapes shapes = run.shapes();
    return shapes.isScalar(p.base()) ? Exprs.ONE : new Expr.Identity(shapes.of(p.base()).rows());
  }

  static Expr powerOfPower(Expr.Power p, Rewriting run) {
    if (p.base() instanceof Expr.Power inner && run.shapes().isScalar(inner.base())
        && p.exponent() == Math.rint(p.exponent())) {
      return new Expr.Power(inner.base(), inner.exponent() * p.exponent());
    }
    return p;
  }

  /** (2 x'x)^-1 = 1/2 (x'x)^-1, so that the 2 can cancel against other coefficients. */
  static Expr numberOut(Expr.Power p, Rewriting run) {
    if (!(p.base() instanceof Expr.Product b) || !(b.factors().get(0) instanceof Expr.Number c)
        || !run.shapes().isScalar(p.base()) || p.exponent() != Math.rint(p.exponent()) || c.value() == 0) {
      return p;
    }
    double k = Math.pow(c.value(), p.exponent());
    if (!Double.isFinite(k) || k == 0) {
      return p;
    }
    Expr rest = Exprs.product(b.factors().subList(1, b.factors().size()));
    return Exprs.product(Exprs.number(k), new Expr.Power(rest, p.exponent()));
  }

  static Expr constantExponent(Expr.ScalarPower p, Rewriting run) {
    Double value = Exprs.constantValue(p.exponent());
    return value == null ? p : new Expr.Power(p.base(), value);
  }

  static Expr firstElementPower(Expr.ElementPower p, Rewriting run) {
    return p.exponent() == 1 ? p.base() : p;
  }

  /**
   * x .^ 0 = ones, X .^ 0 = ones*ones' (as d(x .^ 1) = x .^ 0 .* dx comes out), which the other
   * factors of an entry-wise product absorb. Only where the declarations fix the sizes: a size made
   * up for a constant sized by its context is no size to write.
   */
  static Expr zerothElementPower(Expr.ElementPower p, Rewriting run) {
    if (p.exponent() != 0) {
      return p;
    }
    Shape shape = run.shapes().of(p.base());
    if (shape.isScalar()) {
      return Exprs.ONE;
    }
    if (!run.isDeclared(shape.rows()) || !run.isDeclared(shape.cols())) {
      return p;
    }
    Expr column = new Expr.Ones(shape.rows());
    return shape.cols().isOne() ? column : new Expr.Product(List.of(column, new Expr.Transpose(new Expr.Ones(shape.cols()))));
  }
}
