package org.matrixcalculustutor.calculus;

import org.matrixcalculustutor.algebra.Expr;
import org.matrixcalculustutor.algebra.TextPrinter;

/**
 * A slip in the chain rule for one function f of the language, d f(U) = f'(U) ⊙ dU, as students
 * make it: the grader derives with the slip to recognise an answer that made it.
 *
 * @param function the function whose rule slipped
 * @param kind how it slipped
 */
public record ChainRuleSlip(Expr.Function function, Kind kind) {

  /** How the chain rule's factor f'(U) went wrong. */
  public enum Kind {
    /** f(U) written for f'(U): d σ(U) = σ(U) ⊙ dU. */
    FUNCTION_FOR_DERIVATIVE,
    /** f'(U) left out: d σ(U) = dU. */
    FACTOR_LEFT_OUT
  }

  /** f'(u) for a scalar u, in the language: sigmoid(u)*(1 - sigmoid(u)) for the sigmoid. */
  public static String derivativeText(Expr.Function function) {
    return TextPrinter.print(Differential.derivativeOf(function, new Expr.Symbol("u"), null));
  }
}
