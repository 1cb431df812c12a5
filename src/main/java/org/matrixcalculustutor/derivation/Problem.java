package org.matrixcalculustutor.derivation;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.matrixcalculustutor.algebra.Declaration;
import org.matrixcalculustutor.algebra.Declarations;
import org.matrixcalculustutor.algebra.Expr;
import org.matrixcalculustutor.algebra.ExpressionException;
import org.matrixcalculustutor.algebra.Exprs;
import org.matrixcalculustutor.algebra.Property;
import org.matrixcalculustutor.algebra.Shape;
import org.matrixcalculustutor.algebra.Shapes;
import org.matrixcalculustutor.algebra.Simplifier;
import org.matrixcalculustutor.calculus.DerivativeKind;
import org.matrixcalculustutor.calculus.Layout;
import org.matrixcalculustutor.engine.Derivative;
import org.matrixcalculustutor.grading.Grader;

/**
 * A problem made ready for checking derivations of it: f, its variable X, and the true differential
 * df, from the engine's own derivative. Lines speak of dX; inside the checker dX is a symbol of X's
 * shape (named "d" + X), so a line is an ordinary expression that the parser, the shape checker,
 * the simplifier and the evaluator all read; it becomes a differential again only when printed.
 */
public final class Problem {

  private final Derivative expected;
  private final Grader.Expected graded;
  private final Expr.Symbol dX;
  private final Declarations declarations;
  private final Shapes shapes;
  private final Expr reading;
  private final Expr readingNormalForm;
  private final Expr differential;

  private Problem(Derivative expected, Expr.Symbol dX, Declarations declarations, Expr reading) {
    this.expected = expected;
    this.graded = Grader.prepare(expected);
    this.dX = dX;
    this.declarations = declarations;
    this.shapes = new Shapes(declarations);
    this.reading = reading;
    this.readingNormalForm = Simplifier.normalForm(reading, shapes);
    this.differential = differentialOf(reading, expected.kind(), dX);
  }

  /**
   * The problem of an engine's derivative: a first derivative of one of the six kinds (a vec
   * Jacobian or a Hessian is not read off a df written line by line).
   *
   * @throws ExpressionException when derivations of this kind are not checked, or f uses dX as a name
   */
  public static Problem of(Derivative expected) {
    if (expected.order() != 1 || expected.kind().isVecJacobian()) {
      throw new ExpressionException("derivations are checked line by line for first derivatives read off "
          + "df = <G, dX> or dy = J dx; a " + expected.kind().title() + " is derived through vec, so check the"
          + " answer alone");
    }
    String variable = expected.variable();
    Declarations known = expected.function().typing().declarations();
    Declaration x = known.get(variable).orElseThrow(
        () -> new ExpressionException("the variable " + variable + " has no declaration"));
    Expr.Symbol dX = new Expr.Symbol("d" + variable);
    if (known.get(dX.name()).isPresent()) {
      throw new ExpressionException("the problem has a symbol named " + dX.name() + ", which a derivation reads as"
          + " the differential of " + variable + ": rename that symbol to check a derivation");
    }
    Declarations withDx = known.plus(Declarations.of(List.of(new Declaration(dX.name(), x.shape(),
        directionProperties(x)))));
    Shapes shapes = new Shapes(withDx);
    Expr reading = Simplifier.simplify(toDenominator(expected.result(), expected.kind(), expected.layout()), shapes);
    return new Problem(expected, dX, withDx, reading);
  }

  /**
   * What a direction dX keeps of X's promises: it stays symmetric (or diagonal) with X; an spd,
   * orthogonal or positive X varies in directions that are none of these.
   */
  private static Set<Property> directionProperties(Declaration x) {
    Set<Property> kept = EnumSet.noneOf(Property.class);
    if (x.has(Property.DIAGONAL)) {
      kept.add(Property.DIAGONAL);
    } else if (x.has(Property.SYMMETRIC) && !x.has(Property.ORTHOGONAL)) {
      kept.add(Property.SYMMETRIC);
    }
    return kept;
  }

  /**
   * The derivative as the engine reads a line by dX in denominator layout: the gradient G of
   * df = &lt;G, dX&gt;, the transpose J' of dy = J dx, the transpose of a tangent vector.
   */
  static Expr toDenominator(Expr derivative, DerivativeKind kind, Layout layout) {
    boolean transposed = layout == Layout.NUMERATOR && switch (kind) {
      case SCALAR_BY_VECTOR, SCALAR_BY_MATRIX, VECTOR_BY_VECTOR, VECTOR_BY_SCALAR -> true;
      default -> false;
    };
    return transposed ? Exprs.transpose(derivative) : derivative;
  }

  /** The derivative in the problem's layout, from its denominator reading. */
  Expr inLayout(Expr reading) {
    return toDenominator(reading, expected.kind(), expected.layout()); // the transpose is its own inverse
  }

  /** df from the reading K (denominator layout): &lt;K, dX&gt;, K' dx, K dx, as the kind says. */
  static Expr differentialOf(Expr reading, DerivativeKind kind, Expr.Symbol dX) {
    return switch (kind) {
      case SCALAR_BY_VECTOR, SCALAR_BY_MATRIX -> new Expr.Inner(reading, dX);
      case VECTOR_BY_VECTOR, VECTOR_BY_SCALAR -> Exprs.product(Exprs.transpose(reading), dX);
      case SCALAR_BY_SCALAR, MATRIX_BY_SCALAR -> Exprs.product(reading, dX);
      default -> throw new ExpressionException("a " + kind.title() + " is not read off a df line");
    };
  }

  /** The engine's derivative, in the problem's layout. */
  public Derivative expected() {
    return expected;
  }

  Grader.Expected graded() {
    return graded;
  }

  /** The variable's name, X. */
  public String variable() {
    return expected.variable();
  }

  /** dX as the checker writes it: a symbol of X's shape. */
  Expr.Symbol dX() {
    return dX;
  }

  /** f's symbols (declared and inferred) and dX. */
  public Declarations declarations() {
    return declarations;
  }

  Shapes shapes() {
    return shapes;
  }

  /** The shape of f, and so of df. */
  Shape shape() {
    return expected.function().shape();
  }

  DerivativeKind kind() {
    return expected.kind();
  }

  /** The true derivative read by dX in denominator layout. */
  Expr reading() {
    return reading;
  }

  Expr readingNormalForm() {
    return readingNormalForm;
  }

  /** The true df, written with the symbol dX. */
  Expr differential() {
    return differential;
  }

  /** f's symbols, for messages: "its symbols are A, x". */
  List<String> symbols() {
    return new ArrayList<>(expected.function().symbols());
  }
}
