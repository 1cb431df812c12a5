package org.matrixcalculustutor.derivation;

import java.util.ArrayList;
import java.util.List;
import org.matrixcalculustutor.algebra.Expr;
import org.matrixcalculustutor.algebra.ExpressionException;
import org.matrixcalculustutor.algebra.Exprs;
import org.matrixcalculustutor.algebra.LatexPrinter;
import org.matrixcalculustutor.algebra.Simplifier;
import org.matrixcalculustutor.calculus.Derivatives;
import org.matrixcalculustutor.calculus.Layout;
import org.matrixcalculustutor.calculus.RuleLetters;
import org.matrixcalculustutor.calculus.Step;

/**
 * The engine's own derivation from a right line of the student's onward: the line, collected, then
 * brought to &lt;G, dX&gt; by the trace trick (or to J dx), and the derivative read off, in the
 * problem's layout. The engine reads the line as a function of the symbol dX, linear in it, whose
 * derivative by dX is exactly the G of df = &lt;G, dX&gt;.
 */
final class Continuation {

  private Continuation() {}

  /** The rule of the engine's next step from a line (its trace trick, or its read-off), for hints. */
  static String nextRule(Problem problem, Derivatives.Result reading) {
    if (reading != null) {
      for (Step step : reading.steps()) {
        if (step.rule().startsWith("trace trick")) {
          return step.rule();
        }
      }
    }
    return readOffRule(problem);
  }

  /** The engine's first rule on f, when no line is right yet. */
  static String firstRule(Problem problem) {
    List<Step> steps = problem.expected().steps();
    return steps.size() > 1 ? steps.get(1).rule() : readOffRule(problem);
  }

  private static String readOffRule(Problem problem) {
    String x = problem.variable();
    return switch (problem.kind()) {
      case SCALAR_BY_VECTOR, SCALAR_BY_MATRIX -> RuleLetters.readOffGradient(x, problem.declarations());
      case VECTOR_BY_VECTOR -> "read off the Jacobian: dy = J dx gives J";
      default -> "divide by d" + x;
    };
  }

  /** The engine's derivation from line (its index from 0) onward. */
  static List<Derivation.WorkStep> from(Problem problem, LineReader.Read line, Derivatives.Result reading, int index) {
    List<Derivation.WorkStep> steps = new ArrayList<>();
    steps.add(new Derivation.WorkStep("your line " + (index + 1), "\\mathrm{d}f = " + Trees.latex(line.expr(), problem)));
    boolean readsOff = ReadOff.of(problem, line.expr()) != null;
    Expr collected = readsOff ? line.expr() : Simplifier.simplify(line.expr(), problem.shapes());
    if (!collected.equals(line.expr())) {
      steps.add(new Derivation.WorkStep("collect the differential", "\\mathrm{d}f = " + Trees.latex(collected, problem)));
    }
    String x = LatexPrinter.print(new Expr.Symbol(problem.variable()));
    String dx = LatexPrinter.print(new Expr.Differential(new Expr.Symbol(problem.variable())));
    Expr k = reading.derivative(); // the reading in denominator layout
    switch (problem.kind()) {
      case SCALAR_BY_VECTOR, SCALAR_BY_MATRIX -> {
        Expr readOff = ReadOff.of(problem, collected);
        if (readOff == null) {
          String rule = reading.steps().stream().map(Step::rule).filter(r -> r.startsWith("trace trick"))
              .findFirst().orElse("trace trick");
          steps.add(new Derivation.WorkStep(rule, "\\mathrm{d}f = \\left\\langle "
              + LatexPrinter.print(k, problem.declarations()) + ", " + dx + " \\right\\rangle"));
        }
        steps.add(new Derivation.WorkStep(readOffRule(problem), "\\nabla_{" + x + "} f = "
            + LatexPrinter.print(k, problem.declarations())));
      }
      case VECTOR_BY_VECTOR -> {
        Expr j = Simplifier.simplify(Exprs.transpose(k), problem.shapes());
        steps.add(new Derivation.WorkStep(readOffRule(problem), "J = \\frac{\\partial f}{\\partial " + x
            + "^{\\top}} = " + LatexPrinter.print(j, problem.declarations())));
      }
      default -> {
        Expr t = problem.kind() == org.matrixcalculustutor.calculus.DerivativeKind.VECTOR_BY_SCALAR
            ? Simplifier.simplify(Exprs.transpose(k), problem.shapes()) : k;
        steps.add(new Derivation.WorkStep(readOffRule(problem), "\\frac{\\mathrm{d}f}{" + dx + "} = "
            + LatexPrinter.print(t, problem.declarations())));
      }
    }
    Expr inLayout = Simplifier.simplify(problem.inLayout(k), problem.shapes());
    boolean transposes = !problem.inLayout(k).equals(k);
    boolean natural = switch (problem.kind()) { // the layout each kind is read off in
      case SCALAR_BY_VECTOR, SCALAR_BY_MATRIX -> problem.expected().layout() == Layout.DENOMINATOR;
      case VECTOR_BY_VECTOR, VECTOR_BY_SCALAR -> problem.expected().layout() == Layout.NUMERATOR;
      default -> true;
    };
    if (transposes && !natural) {
      steps.add(new Derivation.WorkStep(problem.expected().layout().word() + " layout: transpose",
          "\\frac{\\partial f}{\\partial " + x + "} = " + LatexPrinter.print(inLayout, problem.declarations())));
    }
    return steps;
  }

  /** The engine's whole derivation, from f, when no line is right. */
  static List<Derivation.WorkStep> whole(Problem problem) {
    return problem.expected().steps().stream().map(s -> new Derivation.WorkStep(s.rule(), s.latex(), s.ruleParts())).toList();
  }
}
