package org.matrixcalculustutor.calculator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.matrixcalculustutor.browser.BrowserExtension;
import org.matrixcalculustutor.browser.BrowserExtension.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
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

  @Test
  void calculator_typesetsTheDerivativeAndItsDerivation(Browser browser) {
    browser.open(url("/calculator"));
    browser.driver().findElement(By.id("expression")).sendKeys("tr(A*X*B)");
    browser.driver().findElement(By.id("variable")).sendKeys("X");
    browser.driver().findElement(By.id("differentiate")).click();
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#derivative mjx-container")));
    browser.awaitMathJax();
    assertThat(browser.driver().findElement(By.id("derivative-text")).getText()).isEqualTo("A'*B'");
    assertThat(browser.driver().findElements(By.cssSelector("#steps li mjx-container"))).hasSizeGreaterThan(2);
    assertThat(browser.driver().findElement(By.id("check")).getText()).contains("largest relative error");
    assertThat(browser.mathErrors()).isEmpty();
  }

  @Test
  void tryItLink_opensTheCalculatorFilledInAndComputed(Browser browser) {
    String f = URLEncoder.encode("x'*A*x", StandardCharsets.UTF_8);
    browser.open(url("/calculator?expression=" + f + "&variable=x&layout=numerator"));
    browser.awaitMathJax();
    assertThat(browser.driver().findElement(By.id("derivative-text")).getText()).isEqualTo("x'*(A' + A)");
    assertThat(browser.driver().findElements(By.cssSelector("#derivative mjx-container"))).hasSize(1);
  }

  @Test
  void badInput_showsTheErrorAndItsPositionBesideTheForm(Browser browser) {
    browser.open(url("/calculator?expression=" + URLEncoder.encode("tr(X", StandardCharsets.UTF_8) + "&variable=X"));
    assertThat(browser.driver().findElement(By.id("error-message")).getText()).contains("expected ')'");
    assertThat(browser.driver().findElement(By.id("error-position")).getText()).contains("5");
    assertThat(browser.driver().findElement(By.id("expression")).getDomProperty("value")).isEqualTo("tr(X");
  }

  @Test
  void livePreview_rendersTheServersReadingOfTheInput(Browser browser) {
    browser.open(url("/calculator"));
    browser.driver().findElement(By.id("expression")).sendKeys("x'*A*x");
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("#expression-preview mjx-container")));
    assertThat(browser.driver().findElement(By.id("expression-preview")).getText()).contains("scalar");
  }
}
