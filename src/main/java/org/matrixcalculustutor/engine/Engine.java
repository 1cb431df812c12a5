package org.matrixcalculustutor.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.matrixcalculustutor.algebra.Children;
import org.matrixcalculustutor.algebra.Declaration;
import org.matrixcalculustutor.algebra.Declarations;
import org.matrixcalculustutor.algebra.Expr;
import org.matrixcalculustutor.algebra.ExpressionException;
import org.matrixcalculustutor.algebra.LatexPrinter;
import org.matrixcalculustutor.algebra.Limits;
import org.matrixcalculustutor.algebra.Parser;
import org.matrixcalculustutor.algebra.ShapeChecker;
import org.matrixcalculustutor.algebra.ShapeSlips;
import org.matrixcalculustutor.algebra.Span;
import org.matrixcalculustutor.algebra.TextPrinter;
import org.matrixcalculustutor.algebra.Typing;
import org.matrixcalculustutor.calculus.Derivatives;
import org.matrixcalculustutor.calculus.Layout;
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
    Set<String> declared = declarations.all().stream().map(Declaration::name)
        .collect(Collectors.toSet());
    Parser.Result parsed = Parser.parse(text, limits, declared);
    Typing typing;
    try {
      typing = ShapeChecker.check(parsed.expr(), declarations, parsed.spans());
    } catch (ExpressionException clash) { // a forgotten transpose gets a remark that suggests it
      throw ShapeSlips.explain(clash, parsed.expr(), declarations, parsed.spans());
    }
    return new Analysis(parsed.expr(), typing, TextPrinter.print(parsed.expr()),
        LatexPrinter.print(parsed.expr()), symbols(parsed.expr()), parsed.readings());
  }

  /**
   * Differentiates expression with respect to variable by differentials, simplifies, and checks
   * the result against central finite differences at random points.
   *
   * @throws ExpressionException for any bad input, with position
   */
  public Derivative derive(String expression, String variable, String declarations, Layout layout) {
    Analysis function = analyze(expression, declarations);
    String name = variable == null ? "" : variable.strip();
    if (name.isEmpty()) {
      throw new ExpressionException("choose the variable to differentiate with respect to");
    }
    if (!function.symbols().contains(name)) {
      throw new ExpressionException("the variable '" + name + "' does not appear in the expression"
          + (function.symbols().isEmpty() ? "" : "; its symbols are " + String.join(", ", function.symbols())),
          new Span(0, 0));
    }
    Derivatives.Result result = Derivatives.derive(function.typing(), name, layout);
    double error = FiniteDifferences.maxRelativeError(function.expr(), name, result.derivative(),
        result.kind(), layout, function.typing().declarations(), CHECK_SEED);
    return new Derivative(function, name, result.kind(), layout, result.derivative(),
        TextPrinter.print(result.derivative()), LatexPrinter.print(result.derivative()),
        result.shape(), result.steps(), error);
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
    for (Expr child : Children.of(e)) {
      collect(child, into);
    }
  }
}
