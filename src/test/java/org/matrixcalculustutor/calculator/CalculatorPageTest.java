package org.matrixcalculustutor.calculator;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** /calculator as a server-rendered page: what a "try it" link or a script-less form post shows. */
@SpringBootTest
@AutoConfigureMockMvc
class CalculatorPageTest {

  @Autowired
  MockMvc mvc;

  @Nested
  class Results {

    @Test
    void emptyCalculator_showsTheFormAndNoResult() throws Exception {
      mvc.perform(get("/calculator"))
          .andExpect(status().isOk())
          .andExpect(view().name(CalculatorController.VIEW))
          .andExpect(content().string(containsString("id=\"calculator-form\"")))
          .andExpect(content().string(not(containsString("id=\"result\""))))
          .andExpect(content().string(not(containsString("id=\"error\""))));
    }

    @Test
    void tryItLink_computesWithItsDeclarationsAndLayout() throws Exception {
      mvc.perform(get("/calculator").param("expression", "A*x").param("variable", "x")
              .param("declarations", "A: matrix m x n\nx: vector n").param("layout", "numerator"))
          .andExpect(status().isOk())
          .andExpect(model().attribute("layout", "numerator"))
          .andExpect(content().string(containsString("<code id=\"derivative-text\">A</code>")))
          .andExpect(content().string(containsString("Jacobian")))
          .andExpect(content().string(containsString("numerator layout, shape m x n")))
          .andExpect(content().string(containsString("<option value=\"numerator\" selected=\"selected\">")))
          .andExpect(content().string(containsString("A: matrix m x n\nx: vector n</textarea>")));
    }

    @Test
    void hessianLink_showsTheHessianInVecFormWithWhatItsRowsAndColumnsIndex() throws Exception {
      mvc.perform(get("/calculator").param("expression", "tr(X'*A*X)").param("variable", "X")
              .param("declarations", "X: matrix 3 x 4").param("order", "2"))
          .andExpect(status().isOk())
          .andExpect(model().attribute("order", 2))
          .andExpect(content().string(containsString("<option value=\"2\" selected=\"selected\">Hessian</option>")))
          .andExpect(content().string(containsString("the same in both layouts, shape 12 x 12")))
          .andExpect(content().string(containsString("\\[ H = ")))
          .andExpect(content().string(containsString("id=\"indexing\"")))
          .andExpect(content().string(containsString("Second-difference check")));
    }

    @Test
    void vecJacobian_isWrittenAsTheDerivativeOfVecF() throws Exception {
      mvc.perform(get("/calculator").param("expression", "A*X*B").param("variable", "X")
              .param("declarations", "A: matrix p x m\nX: matrix m x n\nB: matrix n x q").param("layout", "numerator"))
          .andExpect(content().string(containsString("<code id=\"derivative-text\">kron(B&#39;, A)</code>")))
          .andExpect(content().string(containsString("\\frac{\\partial \\operatorname{vec} f}{\\partial \\operatorname{vec}(X)^{\\top}}")))
          .andExpect(content().string(containsString("Vec Jacobian")));
    }

    @Test
    void functionThatDoesNotDependOnTheVariable_showsZerosAndANote() throws Exception {
      mvc.perform(get("/calculator").param("expression", "tr(A)").param("variable", "X")
              .param("declarations", "A: matrix n x n\nX: matrix m x k"))
          .andExpect(content().string(containsString("<code id=\"derivative-text\">zeros(m, k)</code>")))
          .andExpect(content().string(containsString("id=\"note\"")));
    }

    @Test
    void derivation_isTheServersLatexInsideMathElements() throws Exception {
      mvc.perform(get("/calculator").param("expression", "logdet(X)").param("variable", "X"))
          .andExpect(content().string(containsString("id=\"steps\"")))
          .andExpect(content().string(containsString("class=\"math\">\\[ f = \\log\\left|X\\right| \\]")))
          .andExpect(content().string(containsString("<code id=\"derivative-text\">inv(X)&#39;</code>")));
    }

    @Test
    void greekVariable_isTypesetAsAGreekLetter() throws Exception {
      mvc.perform(get("/calculator").param("expression", "logdet(Sigma)").param("variable", "Sigma"))
          .andExpect(content().string(containsString("\\frac{\\partial f}{\\partial \\Sigma}")));
    }

    @Test
    void missingVariable_takesTheFirstVectorOrMatrixSymbol() throws Exception {
      mvc.perform(get("/calculator").param("expression", "c*x'*x").param("declarations", "c: scalar"))
          .andExpect(model().attribute("variable", "x"))
          .andExpect(content().string(containsString("<code id=\"derivative-text\">2*c*x</code>")));
    }

    @Test
    void check_showsTheLargestRelativeErrorAsAgreement() throws Exception {
      mvc.perform(get("/calculator").param("expression", "x'*A*x").param("variable", "x"))
          .andExpect(content().string(containsString("id=\"check\" class=\"check ok\"")))
          .andExpect(content().string(containsString("largest relative error ")));
    }
  }

  @Nested
  class Errors {

    @Test
    void syntaxError_isShownInlineWithItsPositionAndTheInputKept() throws Exception {
      mvc.perform(get("/calculator").param("expression", "tr(X").param("variable", "X"))
          .andExpect(status().isOk())
          .andExpect(content().string(containsString("id=\"error-message\">expected &#39;)&#39;")))
          .andExpect(content().string(containsString("(position 5)")))
          .andExpect(content().string(containsString("value=\"tr(X\"")))
          .andExpect(content().string(not(containsString("id=\"result\""))));
    }

    @Test
    void inputOverTheLimit_isAnInlineMessageNotAFailure() throws Exception {
      mvc.perform(get("/calculator").param("expression", "(".repeat(10_000) + "x" + ")".repeat(10_000)))
          .andExpect(status().isOk())
          .andExpect(content().string(containsString("the limit is 2000")));
    }

    @Test
    void unknownLayout_isAnInlineMessage() throws Exception {
      mvc.perform(get("/calculator").param("expression", "x'*x").param("variable", "x").param("layout", "sideways"))
          .andExpect(content().string(containsString("unknown layout")));
    }

    @Test
    void nonSquareDeterminant_isAnInlineMessage() throws Exception {
      mvc.perform(get("/calculator").param("expression", "det(X)").param("variable", "X")
              .param("declarations", "X: matrix m x n"))
          .andExpect(content().string(containsString("needs a square matrix")));
    }

    @Test
    void studentInput_isEscapedEverywhereItIsShown() throws Exception {
      String attack = "<img src=x onerror=alert(1)>";
      mvc.perform(get("/calculator").param("expression", attack).param("variable", attack)
              .param("declarations", attack))
          .andExpect(status().isOk())
          .andExpect(content().string(allOf(not(containsString("<img")), containsString("&lt;img"))));
    }
  }
}
