package org.matrixcalculustutor.calculator;

import jakarta.servlet.http.HttpServletRequest;
import org.matrixcalculustutor.calculus.Layout;
import org.matrixcalculustutor.engine.Engine;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.matrixcalculustutor.web.EngineTiming;

/** The engine over JSON: derivatives and the live preview's validation. */
@RestController
class DerivativeApiController {

  private final Engine engine;

  DerivativeApiController(Engine engine) {
    this.engine = engine;
  }

  @PostMapping("/api/derivative")
  DerivativeResponse derivative(@RequestBody DerivativeRequest request, HttpServletRequest http) {
    return EngineTiming.time(http, () -> DerivativeResponse.of(engine.derive(request.expression(),
        request.variable(), request.declarations(), Layout.parse(request.layout()),
        request.order() == null ? 1 : request.order())));
  }

  @PostMapping("/api/validate")
  ValidateResponse validate(@RequestBody ValidateRequest request, HttpServletRequest http) {
    return EngineTiming.time(http, () -> ValidateResponse.of(engine.analyze(request.text(),
        request.declarations())));
  }
}
