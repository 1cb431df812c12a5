package org.matrixcalculustutor.calculator;

import jakarta.servlet.http.HttpServletRequest;
import org.matrixcalculustutor.calculus.Layout;
import org.matrixcalculustutor.engine.Engine;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.matrixcalculustutor.web.EngineGate;

/** The engine over JSON: derivatives and the live preview's validation. */
@RestController
class DerivativeApiController {

  private final Engine engine;
  private final EngineGate gate;

  DerivativeApiController(Engine engine, EngineGate gate) {
    this.engine = engine;
    this.gate = gate;
  }

  @PostMapping("/api/derivative")
  DerivativeResponse derivative(@RequestBody DerivativeRequest request, HttpServletRequest http) {
    return gate.run(http, EngineGate.Client.anonymous(http), () -> DerivativeResponse.of(engine.derive(
        request.expression(), request.variable(), request.declarations(), Layout.parse(request.layout()),
        request.order() == null ? 1 : request.order())));
  }

  @PostMapping("/api/validate")
  ValidateResponse validate(@RequestBody ValidateRequest request, HttpServletRequest http) {
    return gate.run(http, EngineGate.Client.anonymous(http), () -> ValidateResponse.of(engine.analyze(request.text(),
        request.declarations())));
  }
}
