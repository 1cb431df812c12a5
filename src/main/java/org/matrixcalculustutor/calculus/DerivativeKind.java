package org.matrixcalculustutor.calculus;

/**
 * The six kinds of derivative of the lecture's table, named by numerator / denominator; the three
 * pairs the table leaves out (they need three or four indices), written as matrices through vec;
 * and the Hessian, the second derivative of a scalar.
 */
public enum DerivativeKind {
  SCALAR_BY_SCALAR("derivative", "ordinary derivative"),
  VECTOR_BY_SCALAR("tangent", "tangent vector"),
  MATRIX_BY_SCALAR("tangent", "tangent matrix"),
  SCALAR_BY_VECTOR("gradient", "gradient"),
  VECTOR_BY_VECTOR("jacobian", "Jacobian matrix"),
  SCALAR_BY_MATRIX("gradient", "gradient matrix"),
  /** A vector by a matrix: vec(dy) = J vec(dX). */
  VECTOR_BY_MATRIX("jacobian", "vec Jacobian"),
  /** A matrix by a vector: vec(dY) = J dx. */
  MATRIX_BY_VECTOR("jacobian", "vec Jacobian"),
  /** A matrix by a matrix: vec(dY) = J vec(dX). */
  MATRIX_BY_MATRIX("jacobian", "vec Jacobian"),
  /** The second derivative of a scalar: d²f = vec(dX)' H vec(dX). */
  HESSIAN("hessian", "Hessian");

  private final String apiName;
  private final String title;

  DerivativeKind(String apiName, String title) {
    this.apiName = apiName;
    this.title = title;
  }

  /** The JSON contract's word: derivative, tangent, gradient, jacobian or hessian. */
  public String apiName() {
    return apiName;
  }

  /** What the lecture calls it. */
  public String title() {
    return title;
  }

  /** Whether the derivative is read off vec(dF) = J vec(dX) (the kinds beyond the six). */
  public boolean isVecJacobian() {
    return this == VECTOR_BY_MATRIX || this == MATRIX_BY_VECTOR || this == MATRIX_BY_MATRIX;
  }
}
