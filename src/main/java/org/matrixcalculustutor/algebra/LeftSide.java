package org.matrixcalculustutor.algebra;

/**
 * What the left side of a line of a derivation names, so that the printers can write it: the
 * expression itself (f, df, d(X'X), vec(dF)), or a derivative of f by the variable in one of the
 * notations of the course. The line is then left = right, with right an expression.
 */
public enum LeftSide {
  /** The left side is an expression: f = ..., df = ..., d(X'X) = ..., vec(dF) = ... */
  EXPRESSION,
  /** df/dt = ..., an ordinary derivative or a tangent; the left side holds the variable t. */
  DERIVATIVE,
  /** ∇_x f = ..., the gradient read off df = <G, dx>; the left side holds the variable. */
  GRADIENT,
  /** J = ∂f/∂x' = ..., the Jacobian read off dy = J dx; the left side holds the variable. */
  JACOBIAN,
  /** J = ∂vec f/∂vec(X)' = ..., the vec Jacobian read off vec(dF) = J vec(dX); the left side holds the variable. */
  VEC_JACOBIAN,
  /** ∂f/∂x = ..., the derivative in the layout asked for; the left side holds the variable. */
  LAYOUT,
  /** d²f = ..., the second differential. */
  SECOND_DIFFERENTIAL,
  /** d²f = u' B u, B = ...: the left side holds u, dx or vec(dX). */
  QUADRATIC_FORM,
  /** H = (B + B')/2 = ..., the symmetric part of B. */
  HESSIAN
}
