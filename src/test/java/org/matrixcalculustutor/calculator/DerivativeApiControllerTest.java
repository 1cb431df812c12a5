package org.matrixcalculustutor.calculator;

import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@SpringBootTest
@AutoConfigureMockMvc
class DerivativeApiControllerTest {

  @Autowired
  MockMvc mvc;

  private ResultActions derive(String json) throws Exception {
    return mvc.perform(post("/api/derivative").contentType(MediaType.APPLICATION_JSON).content(json));
  }

  private static String request(String expression, String variable, String declarations, String layout) {
    return "{\"expression\":" + quote(expression) + ",\"variable\":" + quote(variable)
        + ",\"declarations\":" + quote(declarations) + ",\"layout\":" + quote(layout) + "}";
  }

  private static String quote(String s) {
    return s == null ? "null" : "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }

  @Nested
  class Derivatives {

    @Test
    void derivative_returnsKindTextLatexShapeStepsAndCheck() throws Exception {
      derive(request("x'*A*x", "x", null, "denominator"))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.kind").value("gradient"))
          .andExpect(jsonPath("$.derivative.text").value("(A + A')*x"))
          .andExpect(jsonPath("$.derivative.latex").value(containsString("A^{\\top}")))
          .andExpect(jsonPath("$.shape").value("n x 1"))
          .andExpect(jsonPath("$.steps[0].rule").value("the function"))
          .andExpect(jsonPath("$.check.maxRelativeError").value(lessThan(1e-5), Double.class))
          .andExpect(header().string("Server-Timing", matchesPattern("engine;dur=\\d+\\.\\d{3}")));
    }

    @Test
    void derivative_ofAxInNumeratorLayoutIsTheJacobianA() throws Exception {
      derive(request("A*x", "x", "A: matrix m x n\nx: vector n", "numerator"))
          .andExpect(jsonPath("$.kind").value("jacobian"))
          .andExpect(jsonPath("$.derivative.text").value("A"))
          .andExpect(jsonPath("$.shape").value("m x n"));
    }

    @Test
    void derivative_ofTheRotationIsATangentMatrix() throws Exception {
      derive(request("[cos(t), -sin(t); sin(t), cos(t)]", "t", "t: scalar", null))
          .andExpect(jsonPath("$.kind").value("tangent"))
          .andExpect(jsonPath("$.derivative.text").value("[-sin(t), -cos(t); cos(t), -sin(t)]"));
    }

    @Test
    void derivative_ofAScalarFunctionIsTheOrdinaryDerivative() throws Exception {
      derive(request("t^2", "t", "t: scalar", null))
          .andExpect(jsonPath("$.kind").value("derivative"))
          .andExpect(jsonPath("$.derivative.text").value("2*t"))
          .andExpect(jsonPath("$.check.maxRelativeError").value(closeTo(0, 1e-6), Double.class));
    }
  }

  @Nested
  class BadInput {

    @Test
    void syntaxError_is400WithThePosition() throws Exception {
      derive(request("tr(X", "X", null, null))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.error").value(containsString("expected ')'")))
          .andExpect(jsonPath("$.position").value(5))
          .andExpect(header().exists("Server-Timing"));
    }

    @Test
    void megabyteInput_is400() throws Exception {
      derive(request("x+".repeat(500_000) + "x", "x", null, null))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.error").value(containsString("limit")));
    }

    @Test
    void tenThousandNestedParentheses_is400NotAStackOverflow() throws Exception {
      derive(request("(".repeat(10_000) + "x" + ")".repeat(10_000), "x", null, null))
          .andExpect(status().isBadRequest());
      String deep = "(".repeat(900) + "x" + ")".repeat(900);
      derive(request(deep, "x", null, null))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.error").value(containsString("nests deeper")));
    }

    @Test
    void unknownFunction_suggestsTheNearestName() throws Exception {
      derive(request("trc(X)", "X", null, null))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.error").value(containsString("did you mean tr?")));
    }

    @Test
    void unknownVariable_is400NamingTheSymbols() throws Exception {
      derive(request("x'*A*x", "z", null, null))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.error").value(containsString("x, A")));
    }

    @Test
    void nonSquareInverse_is400() throws Exception {
      derive(request("tr(inv(X))", "X", "X: matrix m x n", null))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.error").value(containsString("square")));
    }

    @Test
    void singularMatrix_is400() throws Exception {
      derive(request("t*tr(inv([1, 2; 2, 4]))", "t", "t: scalar", null))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.error").value(containsString("singular")));
    }

    @Test
    void malformedJson_is400() throws Exception {
      derive("{bad").andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").exists());
    }

    @Test
    void missingExpression_is400() throws Exception {
      derive("{}").andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value(containsString("empty")));
    }

    @Test
    void unknownLayout_is400() throws Exception {
      derive(request("x'*x", "x", null, "sideways")).andExpect(status().isBadRequest());
    }

    @Test
    void wrongContentType_isAClearJsonError() throws Exception {
      mvc.perform(post("/api/derivative").contentType(MediaType.TEXT_PLAIN).content("x"))
          .andExpect(status().isUnsupportedMediaType())
          .andExpect(jsonPath("$.error").value(containsString("JSON")));
    }
  }

  @Nested
  class Validation {

    @Test
    void validate_returnsLatexShapeAndSymbols() throws Exception {
      mvc.perform(post("/api/validate").contentType(MediaType.APPLICATION_JSON)
              .content("{\"text\":\"X*w\",\"declarations\":\"X: matrix m x n\"}"))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.latex").value("X w"))
          .andExpect(jsonPath("$.shape").value("m x 1"))
          .andExpect(jsonPath("$.symbols[1]").value("w"))
          .andExpect(header().exists("Server-Timing"));
    }

    @Test
    void validate_reportsAShapeClashNamingBothSides() throws Exception {
      mvc.perform(post("/api/validate").contentType(MediaType.APPLICATION_JSON)
              .content("{\"text\":\"X*w\",\"declarations\":\"X: matrix m x n\\nw: vector k\"}"))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.error").value(containsString("X is m x n")))
          .andExpect(jsonPath("$.position").value(1));
    }
  }
}
