package org.matrixcalculustutor.calculator;

import java.util.List;
import org.matrixcalculustutor.algebra.ExpressionException;
import org.matrixcalculustutor.calculus.Layout;
import org.matrixcalculustutor.engine.Analysis;
import org.matrixcalculustutor.engine.Derivative;
import org.matrixcalculustutor.engine.Engine;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * /calculator: a plain GET form, so it works without JavaScript and a lesson's "try it" link can
 * open it filled in: /calculator?expression=...&amp;variable=...&amp;declarations=...&amp;layout=...
 */
@Controller
class CalculatorController {

  static final String VIEW = "calculator/calculator";

  private final Engine engine;

  CalculatorController(Engine engine) {
    this.engine = engine;
  }

  @GetMapping("/calculator")
  String calculator(@RequestParam(required = false) String expression,
      @RequestParam(required = false) String variable,
      @RequestParam(required = false) String declarations,
      @RequestParam(required = false) String layout, Model model) {
    model.addAttribute("expression", expression == null ? "" : expression);
    model.addAttribute("variable", variable == null ? "" : variable);
    model.addAttribute("declarations", declarations == null ? "" : declarations);
    model.addAttribute("layout", layout == null || layout.isBlank() ? "denominator" : layout);
    model.addAttribute("symbols", List.of());
    if (expression == null || expression.isBlank()) {
      return VIEW;
    }
    try {
      Analysis function = engine.analyze(expression, declarations);
      model.addAttribute("symbols", function.symbols());
      model.addAttribute("function", function);
      String chosen = variable == null || variable.isBlank() ? function.symbols().stream()
          .filter(s -> function.typing().declarations().get(s).map(d -> !d.shape().isScalar()).orElse(true))
          .findFirst().orElse(function.symbols().isEmpty() ? "" : function.symbols().get(0)) : variable;
      model.addAttribute("variable", chosen);
      Derivative derivative = engine.derive(expression, chosen, declarations, Layout.parse(layout));
      model.addAttribute("result", derivative);
    } catch (ExpressionException e) {
      model.addAttribute("error", e.getMessage());
      model.addAttribute("errorPosition", e.position());
    }
    return VIEW;
  }
}
