package org.matrixcalculustutor.calculus;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.matrixcalculustutor.algebra.Children;
import org.matrixcalculustutor.algebra.Expr;
import org.matrixcalculustutor.algebra.ExpressionException;
import org.matrixcalculustutor.algebra.Exprs;
import org.matrixcalculustutor.algebra.LatexPrinter;
import org.matrixcalculustutor.algebra.Shape;
import org.matrixcalculustutor.algebra.Shapes;
import org.matrixcalculustutor.algebra.Simplifier;
import org.matrixcalculustutor.algebra.Typing;

/**
 * The course's method end to end: write df with the differential rules, simplify it, move every
 * factor into the left slot of &lt;G, dX&gt; (or dy = J dx), and read off the derivative.
 */
public final class Derivatives {

  /** A derivative and how it was found. */
  public record Result(DerivativeKind kind, Layout layout, Expr derivative, Shape shape, List<Step> steps) {
    public Result {
      steps = List.copyOf(steps);
    }
  }

  private Derivatives() {}

  /**
   * Differentiates the typed function with respect to variable.
   *
   * @throws ExpressionException when the pair is not one of the six kinds, or df cannot be read off
   */
  public static Result derive(Typing function, String variable, Layout layout) {
    Shapes shapes = new Shapes(function.declarations());
    Expr.Symbol x = new Expr.Symbol(variable);
    Shape fShape = function.shape();
    Shape xShape = shapes.of(x);
    DerivativeKind kind = kindOf(fShape, xShape, variable);
    List<Step> steps = new ArrayList<>();
    String f = LatexPrinter.print(function.root());
    String dX = LatexPrinter.print(new Expr.Differential(x));
    steps.add(new Step("the function", "f = " + f));

    Differential.Result d = Differential.of(function.root(), x, shapes);
    steps.addAll(d.steps());
    Expr df = Simplifier.simplify(d.differential(), shapes);
    steps.add(new Step("collect the differential", "\\mathrm{d}f = " + LatexPrinter.print(df)));

    Expr derivative;
    TraceTrick reading = new TraceTrick(new Expr.Differential(x), shapes);
    switch (kind) {
      case SCALAR_BY_SCALAR, VECTOR_BY_SCALAR, MATRIX_BY_SCALAR -> {
        derivative = Simplifier.simplify(
            Children.bottomUp(df, e -> e instanceof Expr.Differential ? Exprs.ONE : e), shapes);
        steps.add(new Step("divide by d" + variable, "\\frac{\\mathrm{d}f}{" + dX + "} = "
            + LatexPrinter.print(derivative)));
      }
      case SCALAR_BY_VECTOR, SCALAR_BY_MATRIX -> {
        List<Expr> terms = reading.gradientTerms(Exprs.ONE, df).stream()
            .map(g -> Simplifier.simplify(g, shapes)).toList();
        String inner = terms.stream()
            .map(g -> "\\left\\langle " + LatexPrinter.print(g) + ", " + dX + " \\right\\rangle")
            .collect(Collectors.joining(" + "));
        if (!terms.isEmpty()) { // df = 0 has nothing to move
          Set<String> rules = reading.rulesUsed();
          steps.add(new Step("trace trick" + (rules.isEmpty() ? "" : ": " + String.join("; ", rules)),
              "\\mathrm{d}f = " + inner));
        }
        derivative = Simplifier.simplify(Exprs.sum(terms), shapes);
        steps.add(new Step("read off the gradient: df = <G, " + "d" + variable + "> gives G",
            "\\nabla_{" + LatexPrinter.print(x) + "} f = " + LatexPrinter.print(derivative)));
      }
      case VECTOR_BY_VECTOR -> {
        Expr jacobian = reading.jacobian(df, new Expr.Identity(xShape.rows()));
        derivative = Simplifier.simplify(jacobian, shapes);
        steps.add(new Step("read off the Jacobian: dy = J dx gives J",
            "J = \\frac{\\partial f}{\\partial " + LatexPrinter.print(x) + "^{\\top}} = "
                + LatexPrinter.print(derivative)));
      }
      default -> throw new IllegalStateException(kind.name());
    }
    if (Children.any(derivative, e -> e instanceof Expr.Differential)) {
      throw new ExpressionException("the differential is not linear in d" + variable);
    }
    if (readOffTransposed(kind, layout)) {
      derivative = Simplifier.simplify(Exprs.transpose(derivative), shapes);
      steps.add(new Step(layout.word() + " layout: transpose",
          "\\frac{\\partial f}{\\partial " + LatexPrinter.print(x) + "} = " + LatexPrinter.print(derivative)));
    }
    Shape shape = shapeOf(derivative, kind, layout, fShape, xShape);
    if (Exprs.isZero(derivative) && !shape.isScalar()) {
      derivative = new Expr.Zeros(shape.rows(), shape.cols()); // a zero that keeps the derivative's shape
    }
    return new Result(kind, layout, derivative, shape, steps);
  }

  /**
   * Whether the layout asks for the transpose of what was read off: gradients are read off in
   * denominator layout (the shape of the variable), Jacobians and tangent vectors in numerator
   * layout; a tangent matrix has the shape of f in both.
   */
  private static boolean readOffTransposed(DerivativeKind kind, Layout layout) {
    return switch (kind) {
      case SCALAR_BY_VECTOR, SCALAR_BY_MATRIX -> layout == Layout.NUMERATOR;
      case VECTOR_BY_VECTOR, VECTOR_BY_SCALAR -> layout == Layout.DENOMINATOR;
      case SCALAR_BY_SCALAR, MATRIX_BY_SCALAR -> false;
    };
  }

  private static Shape shapeOf(Expr derivative, DerivativeKind kind, Layout layout, Shape f, Shape x) {
    Shape numerator = switch (kind) {
      case SCALAR_BY_SCALAR -> Shape.SCALAR;
      case VECTOR_BY_SCALAR, MATRIX_BY_SCALAR -> f;
      case SCALAR_BY_VECTOR, SCALAR_BY_MATRIX -> x.transposed();
      case VECTOR_BY_VECTOR -> new Shape(f.rows(), x.rows());
    };
    boolean transposed = layout == Layout.DENOMINATOR && kind != DerivativeKind.MATRIX_BY_SCALAR;
    return transposed ? numerator.transposed() : numerator;
  }

  static DerivativeKind kindOf(Shape f, Shape x, String variable) {
    if (x.isScalar()) {
      if (f.isScalar()) {
        return DerivativeKind.SCALAR_BY_SCALAR;
      }
      return f.isColumn() ? DerivativeKind.VECTOR_BY_SCALAR : DerivativeKind.MATRIX_BY_SCALAR;
    }
    if (x.isColumn()) {
      if (f.isScalar()) {
        return DerivativeKind.SCALAR_BY_VECTOR;
      }
      if (f.isColumn()) {
        return DerivativeKind.VECTOR_BY_VECTOR;
      }
    } else if (f.isScalar()) {
      return DerivativeKind.SCALAR_BY_MATRIX;
    }
    throw new ExpressionException("the derivative of a " + f.describe() + " with respect to the "
        + x.describe() + " " + variable + " is not one of the six kinds (it is a tensor of order three"
        + " or more); differentiate a scalar, or a vector with respect to a vector or scalar");
  }
}
