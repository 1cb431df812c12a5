package org.matrixcalculustutor.calculator;

import java.util.List;
import org.matrixcalculustutor.engine.Derivative;

/**
 * The JSON contract of POST /api/derivative; derivative.text is always in the course's language.
 *
 * @param kind derivative, tangent, gradient or jacobian
 * @param kindTitle what the lecture calls it: "gradient matrix", "tangent vector"...
 * @param layout denominator or numerator
 * @param derivative the result as text and LaTeX
 * @param shape the result's shape, "m x n"
 * @param declarations every symbol with its declared or inferred type
 * @param steps the derivation, a line a step
 * @param check the finite-difference check
 */
record DerivativeResponse(String kind, String kindTitle, String layout, Formula derivative, String shape,
    String declarations, List<StepView> steps, Check check) {

  record Formula(String text, String latex) {}

  record StepView(String latex, String rule) {}

  record Check(double maxRelativeError) {}

  static DerivativeResponse of(Derivative d) {
    return new DerivativeResponse(d.kind().apiName(), d.kind().title(), d.layout().word(),
        new Formula(d.text(), d.latex()), d.shape().toString(),
        d.function().typing().declarations().text(),
        d.steps().stream().map(s -> new StepView(s.latex(), s.rule())).toList(),
        new Check(d.maxRelativeError()));
  }
}
