package org.matrixcalculustutor.calculator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
    void derivative_reportsTheEngineCpuTimeAsASecondServerTimingValue_noMoreThanTheEngineTime() throws Exception {
      var response = derive(request("tr(X'*A*X)", "X", "X: matrix m x n\nA: matrix m x m", "denominator"))
          .andExpect(status().isOk())
          .andReturn().getResponse();
      var values = response.getHeaders("Server-Timing");
      assertThat(values).hasSize(2);
      assertThat(values.get(0)).matches("engine;dur=\\d+\\.\\d{3}");
      assertThat(values.get(1)).matches("engine-cpu;dur=\\d+\\.\\d{3}");
      double wall = Double.parseDouble(values.get(0).substring("engine;dur=".length()));
      double cpu = Double.parseDouble(values.get(1).substring("engine-cpu;dur=".length()));
      assertThat(cpu).isGreaterThan(0).isLessThanOrEqualTo(wall + 0.001); // each rounded to the microsecond
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

  /** The examples of the language contract, each derived by the engine and checked numerically. */
  @Nested
  class LanguageExamples {

    @ParameterizedTest(name = "{0} w.r.t. {1}")
    @CsvSource(delimiter = ';', textBlock = """
        x'*A*x                        ; x ; (A + A')*x
        (X*w - y)'*(X*w - y)          ; w ; 2*X'*(X*w - y)
        norm(A*x - b)^2               ; x ; 2*A'*(A*x - b)
        tr(A*X*B)                     ; X ; A'*B'
        tr(X'*X)                      ; X ; 2*X
        logdet(X)                     ; X ; inv(X)'
        logdet(X'*X)                  ; X ; 2*X*inv(X'*X)
        u'*X*v                        ; X ; u*v'
        -y'*X*w + log(ones'*exp(X*w)) ; w ; X'*(softmax(X*w) - y)
        norm(Y - X*A)^2               ; A ; -2*X'*(Y - X*A)
        """)
    void example_hasTheGradientOfTheContractShapedLikeTheVariable(String f, String variable, String gradient)
        throws Exception {
      String json = derive(request(f, variable, null, "denominator"))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.kind").value("gradient"))
          .andExpect(jsonPath("$.kindTitle").isNotEmpty())
          .andExpect(jsonPath("$.derivative.text").value(gradient))
          .andExpect(jsonPath("$.derivative.latex").isNotEmpty())
          .andExpect(jsonPath("$.steps.length()").value(greaterThan(2)))
          .andExpect(jsonPath("$.check.maxRelativeError").value(lessThan(1e-6), Double.class))
          .andReturn().getResponse().getContentAsString();
      String shape = JsonPath.read(json, "$.shape");
      assertThat(shape).isEqualTo(shapeOf(variable, JsonPath.read(json, "$.declarations")));
    }

    @ParameterizedTest(name = "{0} w.r.t. {1}")
    @CsvSource(delimiter = ';', textBlock = """
        x'*A*x                        ; x
        norm(A*x - b)^2               ; x
        tr(A*X*B)                     ; X
        logdet(X'*X)                  ; X
        -y'*X*w + log(ones'*exp(X*w)) ; w
        """)
    void example_inNumeratorLayoutIsShapedLikeTheTransposedVariable(String f, String variable) throws Exception {
      String json = derive(request(f, variable, null, "numerator"))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.layout").value("numerator"))
          .andExpect(jsonPath("$.check.maxRelativeError").value(lessThan(1e-6), Double.class))
          .andReturn().getResponse().getContentAsString();
      String[] shape = shapeOf(variable, JsonPath.read(json, "$.declarations")).split(" x ");
      assertThat((String) JsonPath.read(json, "$.shape")).isEqualTo(shape[1] + " x " + shape[0]);
    }

    /** "m x n" of a matrix, "n x 1" of a column vector, read from the declaration block. */
    private static String shapeOf(String symbol, String declarations) {
      String type = declarations.lines().filter(l -> l.startsWith(symbol + ":")).findFirst()
          .orElseThrow().substring(symbol.length() + 1).strip();
      return type.startsWith("vector ") ? type.substring("vector ".length()) + " x 1"
          : type.substring("matrix ".length());
    }
  }

  /** Beyond the six kinds: "order", "kind": "hessian", "form": "vec", and the size of the matrix. */
  @Nested
  class BeyondTheSixKinds {

    private static String request(String expression, String variable, String declarations, String layout,
        Integer order) {
      return "{\"expression\":" + quote(expression) + ",\"variable\":" + quote(variable)
          + ",\"declarations\":" + quote(declarations) + ",\"layout\":" + quote(layout)
          + (order == null ? "" : ",\"order\":" + order) + "}";
    }

    @Test
    void hessianByAMatrix_isKindHessianInVecFormTwelveByTwelveForAThreeByFourX() throws Exception {
      derive(request("tr(X'*A*X)", "X", "X: matrix 3 x 4\nA: matrix 3 x 3", null, 2))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.kind").value("hessian"))
          .andExpect(jsonPath("$.order").value(2))
          .andExpect(jsonPath("$.form").value("vec"))
          .andExpect(jsonPath("$.shape").value("12 x 12"))
          .andExpect(jsonPath("$.indexing").value(containsString("vec(X)")))
          .andExpect(jsonPath("$.steps[*].rule").value(org.hamcrest.Matchers.hasItem(
              "second identification theorem: H = (B + B')/2, the symmetric part of B")))
          .andExpect(jsonPath("$.check.maxRelativeError").value(lessThan(1e-5), Double.class))
          .andExpect(header().string("Server-Timing", matchesPattern("engine;dur=\\d+\\.\\d{3}")));
    }

    @Test
    void hessianByAVector_hasNoVecFormAndSizeNames() throws Exception {
      derive(request("norm(A*x - b)^2", "x", "A: matrix m x n\nx: vector n\nb: vector m", null, 2))
          .andExpect(jsonPath("$.kind").value("hessian"))
          .andExpect(jsonPath("$.derivative.text").value("2*A'*A"))
          .andExpect(jsonPath("$.shape").value("n x n"))
          .andExpect(jsonPath("$.form").doesNotExist());
    }

    @Test
    void matrixByMatrix_isAVecJacobianInSizeNames() throws Exception {
      derive(request("A*X*B", "X", "A: matrix p x m\nX: matrix m x n\nB: matrix n x q", "numerator", null))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.kind").value("jacobian"))
          .andExpect(jsonPath("$.kindTitle").value("vec Jacobian"))
          .andExpect(jsonPath("$.order").value(1))
          .andExpect(jsonPath("$.form").value("vec"))
          .andExpect(jsonPath("$.derivative.text").value("kron(B', A)"))
          .andExpect(jsonPath("$.shape").value("p*q x m*n"))
          .andExpect(jsonPath("$.indexing").value(containsString("Rows index vec(f)")));
      derive(request("A*X*B", "X", "A: matrix p x m\nX: matrix m x n\nB: matrix n x q", "denominator", 1))
          .andExpect(jsonPath("$.derivative.text").value("kron(B, A')"))
          .andExpect(jsonPath("$.shape").value("m*n x p*q"));
    }

    @Test
    void ordinaryJacobian_hasNoForm() throws Exception {
      derive(request("A*x", "x", "A: matrix m x n\nx: vector n", "numerator", 1))
          .andExpect(jsonPath("$.kind").value("jacobian"))
          .andExpect(jsonPath("$.form").doesNotExist())
          .andExpect(jsonPath("$.indexing").doesNotExist());
    }

    @Test
    void declaredVariableNotInTheFunction_isZeroWithANote() throws Exception {
      derive(request("tr(A)", "X", "A: matrix n x n\nX: matrix m x k", null, null))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.derivative.text").value("zeros(m, k)"))
          .andExpect(jsonPath("$.note").value(containsString("does not change with X")));
    }

    @Test
    void orderThree_is400() throws Exception {
      derive(request("x'*x", "x", null, null, 3))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.error").value(containsString("order is 1")));
    }

    @Test
    void hessianOfAVectorFunction_is400SayingItIsATensor() throws Exception {
      derive(request("A*x", "x", "A: matrix m x n\nx: vector n", null, 2))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.error").value(containsString("tensor of order three")));
    }

    @Test
    void hessianTooLargeToEvaluate_is400BeforeItIsBuilt() throws Exception {
      derive(request("tr(X'*X)", "X", "X: matrix 64 x 64", null, 2))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.error").value(containsString("4096 x 4096")));
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

    /** Each postfix operator nests the tree a level deeper: 1,990 transposes once overflowed the printers' stack. */
    @Test
    void aChainOfTwoThousandTransposes_is400AtTheFirstTooDeepNotAStackOverflow() throws Exception {
      derive(request("tr(X" + "'".repeat(1_990) + ")", "X", null, null))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.error").value(containsString("nests deeper than 64")))
          .andExpect(jsonPath("$.position").value(4 + 64));
      derive(request("x" + "^T".repeat(900) + "*x", "x", null, null))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.error").value(containsString("nests deeper")));
      derive(request("tr(X" + "'".repeat(60) + ")", "X", null, null)).andExpect(status().isOk());
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
    void wrongContentType_is400SayingWhatToSend() throws Exception {
      mvc.perform(post("/api/derivative").contentType(MediaType.TEXT_PLAIN).content("x"))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.error").value(containsString("application/json")))
          .andExpect(header().exists("Server-Timing"));
    }

    /** An order of 1.5 or "2" is not rounded or read into 1 or 2: the request says what it meant, or is refused. */
    @Test
    void aFractionalOrQuotedOrder_is400NotRounded() throws Exception {
      for (String order : java.util.List.of("1.5", "\"2\"")) {
        derive("{\"expression\":\"x'*x\",\"variable\":\"x\",\"order\":" + order + "}")
            .andExpect(status().isBadRequest());
      }
      derive("{\"expression\":\"x'*x\",\"variable\":\"x\",\"order\":2}").andExpect(status().isOk());
    }

    /** A Content-Type that does not parse is named as sent, not called missing. */
    @Test
    void anUnreadableContentType_is400NamingItAsSent() throws Exception {
      mvc.perform(post("/api/derivative").header("Content-Type", "application/json; charset=klingon")
              .content("{\"expression\":\"x'*x\",\"variable\":\"x\"}"))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.error").value(containsString("this request has Content-Type application/json; charset=klingon")));
    }

    @Test
    void noContentType_is400() throws Exception {
      mvc.perform(post("/api/derivative").content("{\"expression\":\"x'*x\",\"variable\":\"x\"}"))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.error").value(containsString("application/json")));
    }

    @Test
    void noBody_is400() throws Exception {
      mvc.perform(post("/api/derivative").contentType(MediaType.APPLICATION_JSON))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.error").value(containsString("no body")));
    }

    @Test
    void fieldOfTheWrongType_is400() throws Exception {
      derive("{\"expression\":{\"nested\":1},\"variable\":\"x\"}")
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.error").value(containsString("not the JSON")));
    }

    @Test
    void missingVariable_is400AskingForIt() throws Exception {
      derive("{\"expression\":\"x'*x\"}")
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.error").value(containsString("choose the variable")));
    }

    /** The variable field reads a name as the expression does: σ is sigma; a huge one is refused, not echoed. */
    @Test
    void aGreekLetterAsTheVariable_isItsName_andAHugeNameIsNotEchoed() throws Exception {
      derive(request("sigma*x'*x", "σ", "x: vector n\nsigma: scalar", null))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.derivative.text").value("x'*x"));
      String huge = "v".repeat(5_000);
      String body = derive(request("x'*x", huge, null, null))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.error").value(containsString("the variable's name is longer than")))
          .andReturn().getResponse().getContentAsString();
      assertThat(body.length()).isLessThan(1_000);
    }

    @Test
    void missingTextToValidate_is400() throws Exception {
      mvc.perform(post("/api/validate").contentType(MediaType.APPLICATION_JSON).content("{}"))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.error").value(containsString("empty")))
          .andExpect(jsonPath("$.position").value(1));
    }

    @Test
    void clientAcceptingOnlyXml_stillGetsTheJsonErrorNotA500() throws Exception {
      mvc.perform(post("/api/derivative").contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_XML)
              .content(request("tr(X", "X", null, null)))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.position").value(5));
    }

    @Test
    void clientAcceptingOnlyXml_isTold406InJson() throws Exception {
      mvc.perform(post("/api/derivative").contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_XML)
              .content(request("tr(X)", "X", null, null)))
          .andExpect(status().isNotAcceptable())
          .andExpect(jsonPath("$.error").value(containsString("JSON")))
          .andExpect(header().exists("Server-Timing"));
    }
  }

  @Nested
  class OtherAddresses {

    @Test
    void getOnAPostOnlyCall_is405InJsonWithAllow() throws Exception {
      mvc.perform(get("/api/derivative"))
          .andExpect(status().isMethodNotAllowed())
          .andExpect(header().string("Allow", containsString("POST")))
          .andExpect(jsonPath("$.error").value(containsString("use POST")))
          .andExpect(header().string("Server-Timing", "engine;dur=0.000"));
    }

    @Test
    void unknownApiAddress_is404InJson() throws Exception {
      mvc.perform(post("/api/integral").contentType(MediaType.APPLICATION_JSON).content("{}"))
          .andExpect(status().isNotFound())
          .andExpect(jsonPath("$.error").value(containsString("/api/integral")))
          .andExpect(header().exists("Server-Timing"));
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
    void validate_readsSymbolsWrittenTogetherAndSaysSo() throws Exception {
      mvc.perform(post("/api/validate").contentType(MediaType.APPLICATION_JSON)
              .content("{\"text\":\"2Sx\",\"declarations\":\"S: matrix n x n\\nx: vector n\"}"))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.text").value("2*S*x"))
          .andExpect(jsonPath("$.readings[0]").value("\"Sx\" read as S x"));
    }

    @Test
    void validate_suggestsTheTransposeAShapeClashNeeds() throws Exception {
      mvc.perform(post("/api/validate").contentType(MediaType.APPLICATION_JSON)
              .content("{\"text\":\"A*(A*x - b)\",\"declarations\":\"A: matrix m x n\\nx: vector n\\nb: vector m\"}"))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.error").value(
              "A is m x n and A*x - b has length m, so A*(A*x - b) does not fit; did you mean A'*(A*x - b)?"))
          .andExpect(jsonPath("$.position").value(1));
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
