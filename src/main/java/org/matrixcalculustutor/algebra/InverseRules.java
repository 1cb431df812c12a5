package org.matrixcalculustutor.algebra;

/** The rules for inverses. */
final class InverseRules {

  private InverseRules() {}

  static final Rule<Expr.Inverse> OF_IDENTITY = Rule.of("inverseOfIdentity", Expr.Inverse.class,
      "I^-1 = I", InverseRules::ofIdentity);
  static final Rule<Expr.Inverse> OF_TRANSPOSE = Rule.of("inverseOfTranspose", Expr.Inverse.class,
      "(A')^-1 = (A^-1)'", InverseRules::ofTranspose);
  static final Rule<Expr.Inverse> OF_INVERSE = Rule.of("inverseOfInverse", Expr.Inverse.class,
      "(A^-1)^-1 = A", InverseRules::ofInverse);
  static final Rule<Expr.Inverse> OF_NUMBER = Rule.of("inverseOfNumber", Expr.Inverse.class,
      "inv(2) = 0.5", InverseRules::ofNumber);
  static final Rule<Expr.Inverse> OF_ORTHOGONAL = Rule.of("inverseOfOrthogonal", Expr.Inverse.class,
      "Q^-1 = Q' for an orthogonal Q", InverseRules::ofOrthogonal);
  static final Rule<Expr.Inverse> OF_SCALAR = Rule.of("inverseOfScalar", Expr.Inverse.class,
      "inv(s) = s^-1 for a scalar s", InverseRules::ofScalar);
  static final Rule<Expr.Inverse> OF_COMMUTATION = Rule.of("inverseOfCommutation", Expr.Inverse.class,
      "K(m, n)^-1 = K(n, m)", InverseRules::ofCommutation);

  static Expr ofIdentity(Expr.Inverse inv, Rewriting run) {
    return inv.argument() instanceof Expr.Identity ? inv.argument() : inv;
  }

  static Expr ofTranspose(Expr.Inverse inv, Rewriting run) {
    return inv.argument() instanceof Expr.Transpose t ? new Expr.Transpose(new Expr.Inverse(t.argument())) : inv;
  }

  static Expr ofInverse(Expr.Inverse inv, Rewriting run) {
    return inv.argument() instanceof Expr.Inverse inner ? inner.argument() : inv;
  }

  static Expr ofNumber(Expr.Inverse inv, Rewriting run) {
    return inv.argument() instanceof Expr.Number n && Double.isFinite(1 / n.value())
        ? Exprs.number(1 / n.value()) : inv;
  }

  static Expr ofOrthogonal(Expr.Inverse inv, Rewriting run) {
    return run.shapes().isOrthogonal(inv.argument()) ? new Expr.Transpose(inv.argument()) : inv;
  }

  static Expr ofScalar(Expr.Inverse inv, Rewriting run) {
    return run.shapes().isScalar(inv.argument()) ? new Expr.Power(inv.argument(), -1) : inv;
  }

  static Expr ofCommutation(Expr.Inverse inv, Rewriting run) {
    return inv.argument() instanceof Expr.Commutation k ? new Expr.Commutation(k.cols(), k.rows()) : inv;
  }
}
