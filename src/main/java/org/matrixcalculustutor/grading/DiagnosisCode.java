package org.matrixcalculustutor.grading;

/** What kind of mistake an answer shows, found by evaluating variants of the expected answer. */
public enum DiagnosisCode {
  /** The answer is the transpose of the expected one: numerator instead of denominator layout. */
  LAYOUT("other layout (transposed)"),
  /** The answer is the negative of the expected one. */
  SIGN("wrong sign"),
  /** The answer is off by a constant factor. */
  FACTOR("off by a constant factor"),
  /** The answer would be right if a matrix were symmetric (2*A*x for x'*A*x with general A). */
  ASSUMED_SYMMETRIC("assumed a matrix symmetric"),
  /**
   * The answer would be right if a vector added up to 1, as a one-hot or probability vector does
   * (X'(softmax(Xw) - y) for cross-entropy with a general y, whose gradient keeps the factor 1'y).
   */
  ASSUMED_SUM_ONE("assumed a vector adds up to 1"),
  /** A term of the expected sum is absent. */
  MISSING_TERM("a term missing"),
  /** A term was added to the expected sum. */
  EXTRA_TERM("a term too many"),
  /**
   * A Hessian answered as the B of d²f = vec(dX)' B vec(dX) that is not symmetric, instead of its
   * symmetric part H = (B + B')/2 (2*A for x'*A*x, whose Hessian is A + A').
   */
  UNSYMMETRISED("a Hessian not symmetrised"),
  /**
   * The derivative of det(M) given for log det(M) or the other way round: the two differ by the
   * factor det(M) of Jacobi's formula, d det(M) = det(M) tr(M^-1 dM).
   */
  DET_LOGDET("det confused with log det"),
  /**
   * A slip in one function's chain rule, d f(U) = f'(U) ⊙ dU: f(U) written for f'(U), or the factor
   * f'(U) left out (X'*diag(sigmoid(X*w))*X for the logistic loss's Hessian, whose factor is σ ⊙ (1 - σ)).
   */
  CHAIN_RULE("a slip in the chain rule"),
  /** The answer has the derivative's factors in another order (B'A' for A'B', kron(A, B) for kron(B, A)). */
  ORDER("factors in the wrong order"),
  /** A factor of one of the derivative's products left out ((A + A') of (A + A')*x, for x). */
  MISSING_FACTOR("a factor missing"),
  /** One part of the derivative transposed in the answer, or its transpose lost (X^-1 for X^-T in one factor). */
  TRANSPOSED_FACTOR("one factor transposed"),
  /** The answer's shape differs from the expected shape. */
  SHAPE("wrong shape"),
  /** The answer uses a symbol the problem does not have. */
  UNKNOWN_SYMBOL("a symbol not in the problem");

  private final String title;

  DiagnosisCode(String title) {
    this.title = title;
  }

  /** The mistake in plain words, for students' and teachers' pages ("wrong sign"), never the code. */
  public String title() {
    return title;
  }
}
