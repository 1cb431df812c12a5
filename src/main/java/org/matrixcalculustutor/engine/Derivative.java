package org.matrixcalculustutor.engine;

import java.util.List;
import org.matrixcalculustutor.algebra.Expr;
import org.matrixcalculustutor.algebra.Shape;
import org.matrixcalculustutor.calculus.DerivativeKind;
import org.matrixcalculustutor.calculus.Layout;
import org.matrixcalculustutor.calculus.Step;

/**
 * A derivative the engine derived by differentials and checked by finite differences. Its text and
 * LaTeX are printed when first asked for: the grader, the warm-up and the lessons' checks read the
 * tree, and only pages and API answers show it.
 */
public final class Derivative {

  private final Analysis function;
  private final String variable;
  private final DerivativeKind kind;
  private final Layout layout;
  private final Expr result;
  private final Shape shape;
  private final List<Step> steps;
  private final double maxRelativeError;
  private final int order;
  private final String form;
  private final String note;
  private final String indexing;
  private final Printed printed;

  /**
   * @param function the analysed function f
   * @param variable the variable's name
   * @param kind which of the six kinds of derivative this is
   * @param layout the layout the result is written in
   * @param result the simplified derivative
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
  public Derivative(Analysis function, String variable, DerivativeKind kind, Layout layout, Expr result, Shape shape,
      List<Step> steps, double maxRelativeError, int order, String form, String note, String indexing) {
    this.function = function;
    this.variable = variable;
    this.kind = kind;
    this.layout = layout;
    this.result = result;
    this.shape = shape;
    this.steps = List.copyOf(steps);
    this.maxRelativeError = maxRelativeError;
    this.order = order;
    this.form = form;
    this.note = note;
    this.indexing = indexing;
    this.printed = new Printed(result, function.typing().declarations());
  }

  /** The analysed function f. */
  public Analysis function() {
    return function;
  }

  /** The variable's name. */
  public String variable() {
    return variable;
  }

  /** Which of the six kinds of derivative this is. */
  public DerivativeKind kind() {
    return kind;
  }

  /** The layout the result is written in. */
  public Layout layout() {
    return layout;
  }

  /** The simplified derivative. */
  public Expr result() {
    return result;
  }

  /** The result printed in the language. */
  public String text() {
    return printed.text();
  }

  /** The result as LaTeX. */
  public String latex() {
    return printed.latex();
  }

  /** The result's shape (sizes as declared or inferred). */
  public Shape shape() {
    return shape;
  }

  /** The derivation, line by line, each with its rule. */
  public List<Step> steps() {
    return steps;
  }

  /** The largest relative error of the finite-difference check. */
  public double maxRelativeError() {
    return maxRelativeError;
  }

  /** 1 for a first derivative, 2 for a Hessian. */
  public int order() {
    return order;
  }

  /** "vec" for a derivative written through vec, else null. */
  public String form() {
    return form;
  }

  /** A remark on the result, such as why it is zero, or null. */
  public String note() {
    return note;
  }

  /** What the rows and columns of a vec form index, or null. */
  public String indexing() {
    return indexing;
  }

  @Override
  public String toString() {
    return "Derivative[d(" + function.text() + ")/d" + variable + " = " + text() + "]";
  }
}
