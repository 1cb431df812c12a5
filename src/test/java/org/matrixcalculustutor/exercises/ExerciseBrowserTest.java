package org.matrixcalculustutor.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.matrixcalculustutor.browser.BrowserExtension;
import org.matrixcalculustutor.browser.BrowserExtension.Browser;
import org.matrixcalculustutor.browser.BrowserExtension.WithoutJavaScript;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(BrowserExtension.class)
class ExerciseBrowserTest {

  @LocalServerPort
  int port;

  @Autowired
  ExerciseBank bank;

  private String url(String exercise) {
    return "http://localhost:" + port + "/exercises/" + exercise;
  }

  private void type(Browser browser, String exercise, String answer) {
    browser.open(url(exercise));
    WebElement input = browser.driver().findElement(By.id("answer"));
    input.clear();
    input.sendKeys(answer);
  }

  private void answer(Browser browser, String exercise, String answer) {
    type(browser, exercise, answer);
    browser.driver().findElement(By.id("submit")).click();
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("verdict")));
  }

  private String text(Browser browser, String id) {
    return browser.driver().findElement(By.id(id)).getText();
  }

  private Object script(Browser browser, String js) {
    return ((JavascriptExecutor) browser.driver()).executeScript(js);
  }

  @Test
  void correctAnswer_showsTheDerivationWithTypesetRulesAndTheNextExercise(Browser browser) {
    answer(browser, "trace-axb", "A'*B'");
    assertThat(text(browser, "verdict")).isEqualTo("Correct!");
    browser.awaitMathJax();
    WebElement solution = browser.driver().findElement(By.id("solution"));
    assertThat(solution.findElements(By.cssSelector(".steps li .math mjx-container"))).hasSizeGreaterThan(2);
    assertThat(solution.findElements(By.cssSelector(".steps .rule mjx-container"))).hasSizeGreaterThan(2);
    assertThat(browser.driver().findElement(By.id("next-exercise")).getDomAttribute("href")).startsWith("/exercises/");
    assertThat(browser.mathErrors()).isEmpty();
  }

  @Test
  void wrongAnswer_showsTheDiagnosisAndTheShapeCheckButNotTheSolution(Browser browser) {
    answer(browser, "bilinear-matrix", "v*u'");
    assertThat(text(browser, "verdict")).isEqualTo("Not yet right");
    WebElement diagnosis = browser.driver().findElement(By.cssSelector("#diagnoses li"));
    assertThat(diagnosis.getDomAttribute("data-code")).isEqualTo("LAYOUT");
    assertThat(diagnosis.getText()).startsWith("Other layout (transposed):").contains("transpose");
    assertThat(browser.driver().findElements(By.id("solution"))).isEmpty();
    assertThat(browser.driver().findElement(By.id("solution-button")).isDisplayed()).isTrue();
    answer(browser, "bilinear-matrix", "2*u*v'");
    assertThat(text(browser, "shape-check")).isEqualTo("Your answer is m x n, the shape the gradient matrix must have.");
  }

  @Test
  void syntaxError_showsItsPositionAndLinksTheSyntaxHelp(Browser browser) {
    answer(browser, "quadratic-form", "(A + A'*x");
    assertThat(text(browser, "verdict")).contains("could not be read");
    assertThat(text(browser, "invalid-position")).contains("10");
    assertThat(browser.driver().findElement(By.id("answer")).getDomProperty("value")).isEqualTo("(A + A'*x");
    assertThat(browser.driver().findElement(By.id("syntax-help-link")).getDomAttribute("href")).startsWith("/syntax");
  }

  @Test
  void livePreview_rendersTheParsedAnswerAndMarksErrors(Browser browser) {
    browser.open(url("quadratic-form"));
    browser.driver().findElement(By.id("answer")).sendKeys("(A + A')*x");
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#preview mjx-container")));
    assertThat(text(browser, "preview")).contains("vector n");
    browser.driver().findElement(By.id("answer")).sendKeys(")");
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#preview mark")));
    assertThat(browser.driver().findElement(By.cssSelector("#preview .error-message")).getText()).contains("11");
    assertThat(browser.driver().findElement(By.cssSelector("#preview .preview-help")).getDomAttribute("href"))
        .isEqualTo("/syntax");
  }

  @Nested
  class AnswersReadAsMeant {

    @Test
    void symbolsWrittenTogether_previewAsReadAndTheGraderAgrees(Browser browser) {
      type(browser, "quadratic-form-symmetric", "2Sx");
      browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("preview"),
          "\"Sx\" read as S x"));
      browser.driver().findElement(By.id("submit")).click();
      browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("verdict")));
      assertThat(text(browser, "verdict")).isEqualTo("Correct!");
      assertThat(text(browser, "readings")).contains("\"Sx\" read as S x");
    }

    @Test
    void superscriptT_keepsItsTranspose(Browser browser) {
      type(browser, "bilinear-vector", "Aᵀu");
      // A u would not fit (A is m x n, u has length m): a vector n means the transpose was read
      browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("preview"), "(vector n)"));
      browser.driver().findElement(By.id("submit")).click();
      browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("verdict")));
      assertThat(text(browser, "verdict")).isEqualTo("Correct!");
    }

    @Test
    void aForgottenTranspose_getsARemarkThatSuggestsIt(Browser browser) {
      type(browser, "least-squares", "2*A*(A*x - b)");
      browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("preview"),
          "did you mean 2*A'*(A*x - b)?"));
      browser.driver().findElement(By.id("submit")).click();
      browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("verdict")));
      assertThat(text(browser, "verdict")).isEqualTo("The shapes do not fit");
      assertThat(text(browser, "invalid-message")).contains("A is m x n and A*x - b has length m")
          .contains("did you mean 2*A'*(A*x - b)?").contains("does not count as an attempt");
    }

    @Test
    void transposeSymbol_readsAsASansSerifT(Browser browser) {
      browser.open(url("trace"));
      browser.awaitMathJax();
      assertThat((String) script(browser, "return MathJax.tex2mml('A^\\\\top');"))
          .contains("mathvariant=\"sans-serif\"").contains(">T<");
    }
  }

  @Nested
  class Hints {

    @Test
    void aHint_opensInPlaceWithoutLosingTheTypedAnswer(Browser browser) {
      type(browser, "quadratic-form", "x'*(A + A')");
      script(browser, "window.notReloaded = true;");
      assertThat(browser.driver().findElement(By.id("hint-1")).isDisplayed()).isFalse();
      browser.driver().findElement(By.id("hint-button")).click();
      browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("hint-1")));
      browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#hint-1 mjx-container")));
      assertThat(script(browser, "return window.notReloaded === true;")).isEqualTo(true);
      assertThat(browser.driver().findElement(By.id("answer")).getDomProperty("value")).isEqualTo("x'*(A + A')");
      assertThat(browser.driver().findElement(By.id("hint-2")).isDisplayed()).isFalse();
      assertThat(browser.driver().findElement(By.cssSelector("#hint-1 .hint-lesson")).getDomAttribute("href"))
          .startsWith("/lessons/differentials#");
      browser.driver().findElement(By.id("submit")).click();
      browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("verdict")));
      assertThat(browser.driver().findElement(By.id("hint-1")).isDisplayed()).as("kept after checking").isTrue();
    }

    @Test
    void withoutJavaScript_aHintIsAFormPostThatKeepsTheAnswer(@WithoutJavaScript Browser browser) {
      type(browser, "quadratic-form", "2*A*x");
      browser.driver().findElement(By.id("hint-button")).click();
      browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("hint-1")));
      assertThat(browser.driver().findElement(By.id("answer")).getDomProperty("value")).isEqualTo("2*A*x");
      assertThat(browser.driver().findElements(By.id("verdict"))).as("a hint is no attempt").isEmpty();
      browser.driver().findElement(By.id("hint-button")).click();
      browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("hint-2")));
      assertThat(browser.driver().findElement(By.id("answer")).getDomProperty("value")).isEqualTo("2*A*x");
    }
  }

  @Nested
  class Phone {

    private void phone(Browser browser) {
      ((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setDeviceMetricsOverride",
          Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
    }

    private void desktop(Browser browser) {
      ((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    @Test
    void afterChecking_theVerdictIsInsideTheViewportAndFocused(Browser browser) {
      phone(browser);
      try {
        for (String wrong : List.of("2*A'*(A*x + b)", "2*A*(A*x - b)")) {
          answer(browser, "least-squares", wrong);
          browser.awaitMathJax();
          assertThat((Long) script(browser, "return innerWidth;")).isEqualTo(390L);
          browser.waiting().until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
              "const r = document.getElementById('verdict').getBoundingClientRect();"
                  + " return r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth;"));
          assertThat(script(browser, "return document.activeElement.id;")).isEqualTo("feedback");
          assertThat(browser.driver().findElement(By.id("feedback")).getDomAttribute("aria-live")).isEqualTo("polite");
        }
      } finally {
        desktop(browser);
      }
    }

    /** The crumbs' lesson link names a chapter, and the longest, on one line, is wider than a phone. */
    @Test
    void everyExercisePage_fitsAPhoneWithoutScrollingSideways(Browser browser) {
      phone(browser);
      try {
        for (Exercise exercise : bank.all()) {
          browser.open(url(exercise.id()));
          browser.awaitMathJax();
          // a phone widens its layout to what is too wide for it, and shows all of it smaller
          assertThat((Long) script(browser, "return innerWidth;")).as("the layout width of %s", exercise.id())
              .isEqualTo(390L);
          assertThat((Boolean) script(browser, "return document.documentElement.scrollWidth <= innerWidth;"))
              .as("%s is %s px wide in a 390 px window", exercise.id(),
                  script(browser, "return document.documentElement.scrollWidth;")).isTrue();
        }
      } finally {
        desktop(browser);
      }
    }

    @Test
    void aWideFormula_showsThatItScrolls(Browser browser) {
      phone(browser);
      try {
        browser.open(url("gaussian-covariance"));
        browser.awaitMathJax();
        browser.waiting().until(ExpectedConditions.attributeContains(By.id("problem-function"), "class", "scrolls"));
        assertThat((String) script(browser,
            "return getComputedStyle(document.getElementById('problem-function'), '::after').content;"))
            .contains("scroll");
        assertThat((Boolean) script(browser, "return document.documentElement.scrollWidth <= innerWidth;"))
            .as("the page itself does not scroll sideways").isTrue();
      } finally {
        desktop(browser);
      }
    }
  }
}
