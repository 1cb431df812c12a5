package org.matrixcalculustutor.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.matrixcalculustutor.browser.BrowserExtension;
import org.matrixcalculustutor.browser.BrowserExtension.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(BrowserExtension.class)
class ExerciseBrowserTest {

  @LocalServerPort
  int port;

  private void answer(Browser browser, String exercise, String answer) {
    browser.open("http://localhost:" + port + "/exercises/" + exercise);
    WebElement input = browser.driver().findElement(By.id("answer"));
    input.clear();
    input.sendKeys(answer);
    browser.driver().findElement(By.id("submit")).click();
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("verdict")));
  }

  @Test
  void correctAnswer_showsCorrectAndTheDerivation(Browser browser) {
    answer(browser, "trace-axb", "A'*B'");
    assertThat(browser.driver().findElement(By.id("verdict")).getText()).isEqualTo("Correct!");
    browser.awaitMathJax();
    WebElement derivation = browser.driver().findElement(By.id("derivation"));
    assertThat(derivation.getDomAttribute("open")).isNotNull();
    assertThat(derivation.findElements(By.cssSelector(".steps li mjx-container"))).hasSizeGreaterThan(2);
    assertThat(browser.mathErrors()).isEmpty();
  }

  @Test
  void transposedAnswer_showsTheLayoutDiagnosis(Browser browser) {
    answer(browser, "bilinear-matrix", "v*u'");
    assertThat(browser.driver().findElement(By.id("verdict")).getText()).isEqualTo("Not yet right");
    WebElement diagnosis = browser.driver().findElement(By.cssSelector("#diagnoses li"));
    assertThat(diagnosis.getDomAttribute("data-code")).isEqualTo("LAYOUT");
    assertThat(diagnosis.getText()).contains("transpose");
    assertThat(browser.driver().findElement(By.id("derivation")).getDomAttribute("open")).isNull();
  }

  @Test
  void syntaxError_showsItsPosition(Browser browser) {
    answer(browser, "quadratic-form", "(A + A'*x");
    assertThat(browser.driver().findElement(By.id("verdict")).getText()).contains("could not be read");
    assertThat(browser.driver().findElement(By.id("invalid-position")).getText()).contains("10");
    assertThat(browser.driver().findElement(By.id("answer")).getDomProperty("value")).isEqualTo("(A + A'*x");
  }

  @Test
  void livePreview_rendersTheParsedAnswerAndMarksErrors(Browser browser) {
    browser.open("http://localhost:" + port + "/exercises/quadratic-form");
    browser.driver().findElement(By.id("answer")).sendKeys("(A + A')*x");
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#preview mjx-container")));
    assertThat(browser.driver().findElement(By.id("preview")).getText()).contains("vector n");
    browser.driver().findElement(By.id("answer")).sendKeys(")");
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#preview mark")));
    assertThat(browser.driver().findElement(By.cssSelector("#preview .error-message")).getText()).contains("11");
  }

  @Test
  void hints_appearOneAtATimeWithoutJavaScript(Browser browser) {
    browser.open("http://localhost:" + port + "/exercises/quadratic-form");
    assertThat(browser.driver().findElements(By.cssSelector(".hint-item"))).isEmpty();
    browser.driver().findElement(By.id("hint-button")).click();
    browser.waiting().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".hint-item"), 1));
    browser.driver().findElement(By.id("hint-button")).click();
    browser.waiting().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".hint-item"), 2));
  }
}
