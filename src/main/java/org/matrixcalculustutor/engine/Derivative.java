package org.matrixcalculustutor.engine;

import java.util.List;
import org.matrixcalculustutor.algebra.Expr;
import org.matrixcalculustutor.algebra.Shape;
import org.matrixcalculustutor.calculus.DerivativeKind;
import org.matrixcalculustutor.calculus.Layout;
import org.matrixcalculustutor.calculus.Step;

/**
 * A derivative the engine derived by differentials and checked by finite differences.
 *
 * @param function the analysed function f
 * @param variable the variable's name
 * @param kind which of the six kinds of derivative this is
 * @param layout the layout the result is written in
 * @param result the simplified derivative
 * @param text result printed in the language
 * @param latex result as LaTeX
 * @param shape result's shape (sizes as declared or inferred)
 * @param steps the derivation, line by line, each with its rule
 * @param maxRelativeError the largest relative error of the finite-difference check (second
 *     differences for a Hessian)
 * @param order 1 for a first derivative, 2 for a Hessian
 * @param form "vec" for a derivative written through vec (a vec Jacobian, a Hessian by a matrix),
 *     else null
 * @param note a remark on the result, such as why it is zero, or null
 * @param indexing what the rows and columns of a vec form index, or null
 */
public record Derivative(
    Analysis function,
    String variable,
    DerivativeKind kind,
    Layout layout,
    Expr result,
    String text,
    String latex,
    Shape shape,
    List<Step> steps,
    double maxRelativeError,
    int order,
    String form,
    String note,
    String indexing) {

  public Derivative {
    steps = List.copyOf(steps);
  }
}
