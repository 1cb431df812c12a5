package org.matrixcalculustutor.engine;

import org.matrixcalculustutor.algebra.Limits;
import org.matrixcalculustutor.calculus.Layout;

/**
 * The one entry point the web features use: parse and check an expression, or derive and verify
 * a derivative. Thread-safe and stateless apart from its limits.
 */
public final class Engine {

  private final Limits limits;

  public Engine(Limits limits) {
    this.limits = limits;
  }

  public Limits limits() {
    return limits;
  }

  /**
   * Parses text against the declarations and infers every shape.
   *
   * @throws org.matrixcalculustutor.algebra.ExpressionException for any bad input, with position
   */
  public Analysis analyze(String text, String declarations) {
    throw new UnsupportedOperationException("engine under construction");
  }

  /**
   * Differentiates expression with respect to variable by differentials, simplifies, and checks
   * the result against central finite differences at random points.
   *
   * @throws org.matrixcalculustutor.algebra.ExpressionException for any bad input, with position
   */
  public Derivative derive(String expression, String variable, String declarations, Layout layout) {
    throw new UnsupportedOperationException("engine under construction");
  }
}
