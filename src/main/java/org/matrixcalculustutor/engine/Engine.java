package org.matrixcalculustutor.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.matrixcalculustutor.algebra.Children;
import org.matrixcalculustutor.algebra.Declarations;
import org.matrixcalculustutor.algebra.Expr;
import org.matrixcalculustutor.algebra.ExpressionException;
import org.matrixcalculustutor.algebra.Limits;
import org.matrixcalculustutor.algebra.Parser;
import org.matrixcalculustutor.algebra.ShapeChecker;
import org.matrixcalculustutor.algebra.ShapeSlips;
import org.matrixcalculustutor.algebra.Size;
import org.matrixcalculustutor.algebra.Span;
import org.matrixcalculustutor.algebra.Typing;
import org.matrixcalculustutor.calculus.Derivatives;
import org.matrixcalculustutor.calculus.Layout;
import org.matrixcalculustutor.numeric.Evaluator;
import org.matrixcalculustutor.numeric.FiniteDifferences;

/**
 * The one entry point the web features use: parse and check an expression, or derive and verify
 * a derivative. Thread-safe and stateless apart from its limits.
 */
public final class Engine {

  /** The seed of the finite-difference check, so a result's check is reproducible. */
  static final long CHECK_SEED = 20_261_123L;

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
   * @throws ExpressionException for any bad input, with position
   */
  public Analysis analyze(String text, String declarations) {
    return analyze(text, Declarations.parse(declarations, limits));
  }

  /** Parses text against parsed declarations. */
  public Analysis analyze(String text, Declarations declarations) {
    Parser.Result parsed = Parser.parse(text, limits, declarations.names());
    Typing typing;
    try {
      typing = ShapeChecker.check(parsed.expr(), declarations, parsed.spans());
    } catch (ExpressionException clash) { // a forgotten transpose gets a remark that suggests it
      throw ShapeSlips.explain(clash, parsed.expr(), declarations, parsed.spans());
    }
    return new Analysis(parsed.expr(), typing, symbols(parsed.expr()), parsed.readings());
  }

  /**
   * Differentiates expression with respect to variable by differentials, simplifies, and checks
   * the result against central finite differences at random points.
   *
   * @throws ExpressionException for any bad input, with position
   */
  public Derivative derive(String expression, String variable, String declarations, Layout layout) {
    return derive(expression, variable, declarations, layout, 1);
  }

  /**
   * The first derivative (order 1) or the Hessian (order 2) of expression with respect to
   * variable, checked against first or second differences at random points. A declared variable
   * that expression does not contain has the derivative zero, with a note.
   *
   * @throws ExpressionException for any bad input, with position
   */
  public Derivative derive(String expression, String variable, String declarations, Layout layout, int order) {
    if (order != 1 && order != 2) {
      throw new ExpressionException("order is 1 (the first derivative) or 2 (the Hessian), not " + order);
    }
    Analysis function = analyze(expression, declarations);
    String name = variableName(variable, function);
    if (!function.symbols().contains(name)) {
      requireDeclared(function, name);
    }
    Typing typing = function.typing();
    Derivatives.Result result = order == 2 ? Derivatives.hessian(typing, name)
        : Derivatives.derive(typing, name, layout);
    requireEvaluable(result, name);
    double error = FiniteDifferences.maxRelativeError(typing, name, result.derivative(), result.kind(),
        result.layout(), CHECK_SEED);
    return new Derivative(function, name, result.kind(), result.layout(), result.derivative(), result.shape(),
        result.steps(), error, order, result.form(), result.note(), result.indexing());
  }

  /**
   * The variable as the expression language reads a name: α is alpha, as in the expression. Not
   * echoed when it is longer than any expression may be.
   */
  private String variableName(String variable, Analysis function) {
    String name = variable == null ? "" : variable.strip();
    if (name.isEmpty()) {
      throw new ExpressionException("choose the variable to differentiate with respect to");
    }
    if (name.length() > limits.maxInputLength()) {
      throw new ExpressionException("the variable's name is longer than " + limits.maxInputLength() + " characters");
    }
    if (function.symbols().contains(name)) {
      return name;
    }
    try {
      Expr read = Parser.parse(name, limits, Set.copyOf(function.symbols())).expr();
      return read instanceof Expr.Symbol symbol ? symbol.name() : name;
    } catch (ExpressionException notAName) {
      return name;
    }
  }

  /**
   * Refuses, before the check evaluates it, a derivative whose declared whole-number sizes make it
   * larger than any matrix the tutor evaluates (a Hessian by a 64 x 64 X is 4096 x 4096).
   */
  private static void requireEvaluable(Derivatives.Result result, String variable) {
    long rows = wholeNumber(result.shape().rows());
    long cols = wholeNumber(result.shape().cols());
    if (rows > 0 && cols > 0 && rows * cols > Evaluator.MAX_ENTRIES) {
      throw new ExpressionException("the " + result.kind().title() + " by " + variable + " is " + rows + " x " + cols
          + ", more than the " + String.format(java.util.Locale.ROOT, "%,d", Evaluator.MAX_ENTRIES)
          + " entries the tutor evaluates: declare " + variable + " with size names (such as m x n) to have it"
          + " derived and checked at small sizes");
    }
  }

  /** The value of a size made of whole numbers only, else 0. */
  private static long wholeNumber(Size size) {
    long value = 1;
    for (String factor : Size.factors(size)) {
      if (!Character.isDigit(factor.charAt(0))) {
        return 0;
      }
      value *= Long.parseLong(factor);
    }
    return value;
  }

  /**
   * A variable the function does not contain must be declared (its derivative is then zero): an
   * undeclared name is more likely a slip than a question.
   */
  private static void requireDeclared(Analysis function, String name) {
    if (function.typing().declarations().get(name).isEmpty()) {
      throw new ExpressionException("the variable '" + name + "' does not appear in the expression"
          + (function.symbols().isEmpty() ? "" : "; its symbols are " + String.join(", ", function.symbols()))
          + ". To differentiate with respect to a variable f does not depend on, declare it", new Span(0, 0));
    }
  }

  private static List<String> symbols(Expr e) {
    Set<String> names = new LinkedHashSet<>();
    collect(e, names);
    return new ArrayList<>(names);
  }

  private static void collect(Expr e, Set<String> into) {
    if (e instanceof Expr.Symbol s) {
      into.add(s.name());
    }
    List<Expr> children = Children.of(e); // by index: no iterator per node
    for (int i = 0; i < children.size(); i++) {
      Expr child = children.get(i);
      collect(child, into);
    }
  }
}
