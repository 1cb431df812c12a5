package org.matrixcalculustutor.calculator;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.matrixcalculustutor.algebra.ExpressionException;
import org.matrixcalculustutor.calculus.Layout;
import org.matrixcalculustutor.derivation.DerivationChecker;
import org.matrixcalculustutor.engine.Analysis;
import org.matrixcalculustutor.engine.Derivative;
import org.matrixcalculustutor.engine.Engine;
import org.matrixcalculustutor.exercises.ExerciseChecker;
import org.matrixcalculustutor.web.EngineGate;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * /calculator: a plain GET form, so it works without JavaScript and a lesson's "try it" link can
 * open it filled in: /calculator?expression=...&amp;variable=...&amp;declarations=...&amp;layout=...
 * &amp;order=2 (the Hessian; 1, the first derivative, by default).
 */
@Controller
class CalculatorController {

  static final String VIEW = "calculator/calculator";

  /** Largest relative error of the finite-difference check that the page shows as agreement. */
  static final double CHECK_TOLERANCE = 1e-5;

  private final Engine engine;
  private final EngineGate gate;
  private final ExerciseChecker checker;

  CalculatorController(Engine engine, EngineGate gate, ExerciseChecker checker) {
    this.engine = engine;
    this.gate = gate;
    this.checker = checker;
  }

  /** The numerical check as the page shows it. */
  record Check(boolean passed, String text) {

    /** A Hessian (order 2) is checked by second differences. */
    static Check of(double maxRelativeError, int order) {
      String kind = order == 2 ? "second-difference" : "finite-difference";
      if (Double.isNaN(maxRelativeError)) {
        return new Check(false, "The " + kind + " check could not be evaluated at random points.");
      }
      String error = String.format(Locale.ROOT, "%.1e", maxRelativeError);
      boolean passed = maxRelativeError < CHECK_TOLERANCE;
      return new Check(passed, Character.toUpperCase(kind.charAt(0)) + kind.substring(1)
          + " check at random points with distinct sizes: largest relative error "
          + error + (passed ? "" : " (the derivative and the differences disagree)"));
    }
  }

  @GetMapping("/calculator")
  String calculator(@RequestParam(required = false) String expression,
      @RequestParam(required = false) String variable,
      @RequestParam(required = false) String declarations,
      @RequestParam(required = false) String layout,
      @RequestParam(required = false) String order, @RequestParam(required = false) String work,
      HttpServletRequest request, HttpServletResponse response, Model model) {
    int derivativeOrder = "2".equals(order == null ? null : order.strip()) ? 2 : 1;
    model.addAttribute("order", derivativeOrder);
    model.addAttribute("expression", expression == null ? "" : expression);
    model.addAttribute("variable", variable == null ? "" : variable.strip());
    model.addAttribute("declarations", declarations == null ? "" : declarations);
    model.addAttribute("layout", layout != null && layout.strip().equalsIgnoreCase(Layout.NUMERATOR.word())
        ? Layout.NUMERATOR.word() : Layout.DENOMINATOR.word());
    model.addAttribute("symbols", List.of());
    model.addAttribute("maxInputLength", this.engine.limits().maxInputLength());
    model.addAttribute("work", work == null ? "" : work);
    if (expression == null || expression.isBlank()) {
      return VIEW;
    }
    EngineGate.Client client = EngineGate.Client.anonymous(request);
    try {
      Analysis function = this.gate.run(request, client, () -> this.engine.analyze(expression, declarations));
      model.addAttribute("symbols", function.symbols());
      model.addAttribute("function", function);
      String chosen = variable == null || variable.isBlank() ? firstNonScalar(function) : variable.strip();
      model.addAttribute("variable", chosen);
      Derived derived = this.gate.run(request, client, () -> new Derived(
          this.engine.derive(expression, chosen, declarations, Layout.parse(layout), derivativeOrder),
          this.engine.analyze(chosen, declarations).latex()));
      Derivative derivative = derived.derivative();
      model.addAttribute("result", derivative);
      model.addAttribute("variableLatex", derived.variableLatex());
      model.addAttribute("lhsLatex", leftSide(derivative, derived.variableLatex()));
      model.addAttribute("check", Check.of(derivative.maxRelativeError(), derivative.order()));
      List<String> lines = lines(work);
      if (!lines.isEmpty()) {
        try {
          DerivationChecker.requireBounds(lines, this.engine.limits()); // before any parsing
          model.addAttribute("derivation", this.gate.run(request, client, () -> this.checker.derivation(expression,
              chosen, declarations, layout, lines)));
        } catch (ExpressionException e) {
          model.addAttribute("workError", e.getMessage());
        }
      }
    } catch (ExpressionException e) {
      model.addAttribute("error", e.getMessage());
      model.addAttribute("errorPosition", e.position());
    } catch (EngineGate.Refused busy) {
      response.setStatus(busy.getStatusCode().value());
      response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(busy.retryAfterSeconds()));
      model.addAttribute("error", busy.getReason());
    }
    return VIEW;
  }

  private record Derived(Derivative derivative, String variableLatex) {}

  /** The lines of the "show your work" box: one step a line, blank lines skipped. */
  static List<String> lines(String work) {
    return work == null ? List.of() : java.util.Arrays.stream(work.split("\\R")).filter(l -> !l.isBlank()).toList();
  }

  /** What the result is written as: ∂f/∂x, the vec Jacobian's ∂vec f/∂vec(X)', or H. */
  static String leftSide(Derivative d, String x) {
    if (d.order() == 2) {
      return "H";
    }
    if (d.form() == null) {
      return "\\frac{\\partial f}{\\partial " + x + "}";
    }
    String vecX = d.kind() == org.matrixcalculustutor.calculus.DerivativeKind.MATRIX_BY_VECTOR ? x
        : "\\operatorname{vec}(" + x + ")";
    return d.layout() == Layout.NUMERATOR
        ? "\\frac{\\partial \\operatorname{vec} f}{\\partial " + vecX + "^{\\top}}"
        : "\\frac{\\partial \\operatorname{vec}(f)^{\\top}}{\\partial " + vecX + "}";
  }

  /** Without a chosen variable, the first vector or matrix symbol (else the first symbol). */
  private static String firstNonScalar(Analysis function) {
    return function.symbols().stream()
        .filter(s -> function.typing().declarations().get(s).map(d -> !d.shape().isScalar()).orElse(true))
        .findFirst().orElse(function.symbols().isEmpty() ? "" : function.symbols().get(0));
  }
}
