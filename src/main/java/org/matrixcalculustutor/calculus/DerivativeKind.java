package org.matrixcalculustutor.calculus;

/** The six kinds of derivative of the lecture's table, named by numerator / denominator. */
public enum DerivativeKind {
  SCALAR_BY_SCALAR("derivative", "ordinary derivative"),
  VECTOR_BY_SCALAR("tangent", "tangent vector"),
  MATRIX_BY_SCALAR("tangent", "tangent matrix"),
  SCALAR_BY_VECTOR("gradient", "gradient"),
  VECTOR_BY_VECTOR("jacobian", "Jacobian matrix"),
  SCALAR_BY_MATRIX("gradient", "gradient matrix");

  private final String apiName;
  private final String title;

  DerivativeKind(String apiName, String title) {
    this.apiName = apiName;
    this.title = title;
  }

  /** The JSON contract's word: derivative, tangent, gradient or jacobian. */
  public String apiName() {
    return apiName;
  }

  /** What the lecture calls it. */
  public String title() {
    return title;
  }
}
