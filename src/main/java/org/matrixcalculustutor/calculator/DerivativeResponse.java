package org.matrixcalculustutor.calculator;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.matrixcalculustutor.engine.Derivative;

/**
 * The JSON contract of POST /api/derivative; derivative.text is always in the course's language.
 *
 * @param kind derivative, tangent, gradient, jacobian or hessian
 * @param kindTitle what the lecture calls it: "gradient matrix", "tangent vector", "vec Jacobian"...
 * @param layout denominator or numerator (a Hessian is the same in both)
 * @param order 1 for a first derivative, 2 for a Hessian
 * @param form "vec" when the answer is written through vec (a vec Jacobian, a Hessian by a
 *     matrix); absent otherwise
 * @param derivative the result as text and LaTeX
 * @param shape the result's shape, "m x n", "12 x 12" or "m*n x m*n"
 * @param indexing for a vec form, what its rows and columns index; absent otherwise
 * @param note a remark on the result (why it is zero); absent otherwise
 * @param declarations every symbol with its declared or inferred type
 * @param steps the derivation, a line a step
 * @param check the finite-difference check (second differences for a Hessian)
 */
record DerivativeResponse(String kind, String kindTitle, String layout, int order,
    @JsonInclude(JsonInclude.Include.NON_NULL) String form, Formula derivative, String shape,
    @JsonInclude(JsonInclude.Include.NON_NULL) String indexing,
    @JsonInclude(JsonInclude.Include.NON_NULL) String note,
    String declarations, List<StepView> steps, Check check) {

  record Formula(String text, String latex) {}

  record StepView(String latex, String rule) {}

  record Check(double maxRelativeError) {}

  static DerivativeResponse of(Derivative d) {
    return new DerivativeResponse(d.kind().apiName(), d.kind().title(), d.layout().word(), d.order(), d.form(),
        new Formula(d.text(), d.latex()), d.shape().toString(), d.indexing(), d.note(),
        d.function().typing().declarations().text(),
        d.steps().stream().map(s -> new StepView(s.latex(), s.rule())).toList(),
        new Check(d.maxRelativeError()));
  }
}
