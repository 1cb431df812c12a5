package org.matrixcalculustutor.calculator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.matrixcalculustutor.browser.BrowserExtension;
import org.matrixcalculustutor.browser.BrowserExtension.Browser;
import org.matrixcalculustutor.browser.BrowserExtension.WithoutJavaScript;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(BrowserExtension.class)
class CalculatorBrowserTest {

  @LocalServerPort
  int port;

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Nested
  class WithJavaScript {

    @Test
    void calculator_typesetsTheDerivativeAndItsDerivation(Browser browser) {
      browser.open(url("/calculator"));
      browser.driver().findElement(By.id("expression")).sendKeys("tr(A*X*B)");
      browser.driver().findElement(By.id("variable")).sendKeys("X");
      browser.driver().findElement(By.id("differentiate")).click();
      browser.waiting().until(ExpectedConditions.presenceOfElementLocated(
          By.cssSelector("#result #derivative mjx-container")));
      browser.awaitMathJax();
      assertThat(browser.driver().findElement(By.id("derivative-text")).getText()).isEqualTo("A'*B'");
      assertThat(browser.driver().findElements(By.cssSelector("#steps li mjx-container"))).hasSizeGreaterThan(2);
      assertThat(browser.driver().findElement(By.id("check")).getText()).contains("largest relative error");
      assertThat(browser.driver().findElement(By.id("check")).getDomAttribute("class")).contains("ok");
      assertThat(browser.mathErrors()).isEmpty();
      assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void tryItLink_opensTheCalculatorFilledInAndComputed(Browser browser) {
      browser.open(url("/calculator?expression=" + encode("x'*A*x") + "&variable=x&layout=numerator"));
      browser.awaitMathJax();
      assertThat(browser.driver().findElement(By.id("derivative-text")).getText()).isEqualTo("x'*(A' + A)");
      assertThat(browser.driver().findElements(By.cssSelector("#derivative mjx-container"))).hasSize(1);
      assertThat(new Select(browser.driver().findElement(By.id("layout"))).getFirstSelectedOption()
          .getDomAttribute("value")).isEqualTo("numerator");
      assertThat(browser.mathErrors()).isEmpty();
    }

    @Test
    void hessian_isChosenInTheFormAndSaysWhatItsRowsAndColumnsIndex(Browser browser) {
      browser.open(url("/calculator"));
      browser.driver().findElement(By.id("expression")).sendKeys("tr(X'*A*X)");
      browser.driver().findElement(By.id("variable")).sendKeys("X");
      browser.driver().findElement(By.id("declarations")).sendKeys("X: matrix 3 x 4");
      new Select(browser.driver().findElement(By.id("order"))).selectByVisibleText("Hessian");
      browser.driver().findElement(By.id("differentiate")).click();
      browser.waiting().until(ExpectedConditions.presenceOfElementLocated(
          By.cssSelector("#result #derivative mjx-container")));
      browser.awaitMathJax();
      assertThat(browser.driver().findElement(By.cssSelector("#result h2")).getText())
          .contains("Hessian").contains("12 x 12");
      assertThat(browser.driver().findElement(By.id("derivative-text")).getText()).isEqualTo("kron(I(4), A' + A)");
      assertThat(browser.driver().findElement(By.id("indexing")).getText()).contains("vec(X)");
      assertThat(browser.driver().findElement(By.id("check")).getDomAttribute("class")).contains("ok");
      assertThat(browser.driver().findElements(By.cssSelector("#steps .rule")).stream().map(r -> r.getDomAttribute("title")))
          .contains("second identification theorem: H = (B + B')/2, the symmetric part of B");
      assertThat(new Select(browser.driver().findElement(By.id("order"))).getFirstSelectedOption().getText())
          .isEqualTo("Hessian");
      assertThat(browser.mathErrors()).isEmpty();
      assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void vecJacobian_saysWhatItsRowsAndColumnsIndex(Browser browser) {
      browser.open(url("/calculator?expression=" + encode("X'*X") + "&variable=X&layout=numerator"
          + "&declarations=" + encode("X: matrix m x n")));
      browser.awaitMathJax();
      assertThat(browser.driver().findElement(By.id("derivative-text")).getText())
          .isEqualTo("kron(X', I(n))*commutation(m, n) + kron(I(n), X')");
      assertThat(browser.driver().findElement(By.cssSelector("#result h2")).getText()).contains("Vec Jacobian");
      assertThat(browser.driver().findElement(By.id("indexing")).getText())
          .contains("Rows index vec(f)").contains("columns index vec(X)");
      assertThat(browser.mathErrors()).isEmpty();
    }

    @Test
    void badInput_showsTheErrorAndItsPositionBesideTheForm(Browser browser) {
      browser.open(url("/calculator?expression=" + encode("tr(X") + "&variable=X"));
      assertThat(browser.driver().findElement(By.id("error-message")).getText()).contains("expected ')'");
      assertThat(browser.driver().findElement(By.id("error-position")).getText()).contains("5");
      assertThat(browser.driver().findElement(By.id("expression")).getDomProperty("value")).isEqualTo("tr(X");
    }

    @Test
    void livePreview_rendersTheServersReadingAndOffersItsSymbolsAsVariables(Browser browser) {
      browser.open(url("/calculator"));
      browser.driver().findElement(By.id("expression")).sendKeys("x'*A*x");
      browser.waiting().until(ExpectedConditions.presenceOfElementLocated(
          By.cssSelector("#expression-preview mjx-container")));
      assertThat(browser.driver().findElement(By.id("expression-preview")).getText()).contains("scalar");
      assertThat(browser.driver().findElements(By.cssSelector("#variable-options option")).stream()
          .map(o -> o.getDomAttribute("value")).toList()).containsExactly("x", "A");
    }

    @Test
    void livePreview_marksThePlaceOfASyntaxError(Browser browser) {
      browser.open(url("/calculator"));
      browser.driver().findElement(By.id("expression")).sendKeys("tr(A*X");
      WebElement mark = browser.waiting().until(ExpectedConditions.presenceOfElementLocated(
          By.cssSelector("#expression-preview.preview-error mark")));
      assertThat(browser.driver().findElement(By.id("expression-preview")).getText()).contains("expected ')'");
      assertThat(mark.getText()).isBlank();
    }
  }

  /** The page is a plain GET form: with scripts off it still computes, and shows the LaTeX source. */
  @Nested
  class WithoutScripts {

    @Test
    void form_computesTheDerivativeWithoutJavaScript(@WithoutJavaScript Browser browser) {
      browser.open(url("/calculator"));
      browser.driver().findElement(By.id("expression")).sendKeys("tr(A*X*B)");
      browser.driver().findElement(By.id("variable")).sendKeys("X");
      browser.driver().findElement(By.id("declarations")).sendKeys("A: matrix 2 x 3");
      browser.driver().findElement(By.id("differentiate")).click();
      WebElement text = browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("derivative-text")));
      assertThat(text.getText()).isEqualTo("A'*B'");
      assertThat(browser.driver().getCurrentUrl()).contains("expression=tr%28A*X*B%29").contains("variable=X");
      assertThat(browser.driver().findElement(By.id("declared")).getText()).contains("A: matrix 2 x 3");
      assertThat(browser.driver().findElement(By.id("derivative")).getText()).contains("\\frac{\\partial f}");
      assertThat(browser.driver().findElements(By.cssSelector("mjx-container"))).isEmpty();
      assertThat(browser.driver().findElement(By.tagName("html")).getDomAttribute("data-mathjax")).isNull();
    }

    @Test
    void form_showsAnErrorInlineWithoutJavaScript(@WithoutJavaScript Browser browser) {
      browser.open(url("/calculator"));
      browser.driver().findElement(By.id("expression")).sendKeys("trc(X)");
      browser.driver().findElement(By.id("differentiate")).click();
      WebElement message = browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("error-message")));
      assertThat(message.getText()).contains("did you mean tr?");
      assertThat(browser.driver().findElement(By.id("expression")).getDomProperty("value")).isEqualTo("trc(X)");
    }
  }
}
