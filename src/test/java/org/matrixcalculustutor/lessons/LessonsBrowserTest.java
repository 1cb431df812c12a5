package org.matrixcalculustutor.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.matrixcalculustutor.browser.BrowserExtension;
import org.matrixcalculustutor.browser.BrowserExtension.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(BrowserExtension.class)
class LessonsBrowserTest {

  /**
   * Runs in every new document before its own scripts: notes performance.now() (milliseconds since
   * navigation started) when the layout marks the page typeset.
   */
  static final String TYPESET_CLOCK = """
      new MutationObserver(() => {
        if (document.documentElement.dataset.mathjax === 'ready' && window.typesetAt === undefined) {
          window.typesetAt = performance.now();
        }
      }).observe(document, {attributes: true, subtree: true, attributeFilter: ['data-mathjax']});
      """;

  /** Each figure's labels, dots and lines that reach outside its viewBox (by more than half a unit). */
  static final String FIGURE_OVERFLOW = """
      const out = [];
      document.querySelectorAll('svg.figure').forEach((svg) => {
        const box = svg.viewBox.baseVal;
        svg.querySelectorAll('text, circle, line').forEach((e) => {
          const b = e.getBBox();
          if (b.x < box.x - 0.5 || b.y < box.y - 0.5 || b.x + b.width > box.x + box.width + 0.5
              || b.y + b.height > box.y + box.height + 0.5) {
            out.push(svg.id + ': ' + (e.textContent || e.tagName));
          }
        });
      });
      return out;
      """;

  @LocalServerPort
  int port;

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  @Test
  void everyLesson_typesetsWithoutMathErrorsOrConsoleErrors(Browser browser) {
    browser.consoleErrors();
    HasCdp cdp = (HasCdp) browser.driver();
    Object clock = cdp.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", TYPESET_CLOCK))
        .get("identifier");
    List<String> timings = new ArrayList<>();
    try {
      for (Lesson lesson : LessonCatalog.load().lessons()) {
        browser.open(url("/lessons/" + lesson.slug()));
        browser.awaitMathJax();
        assertThat(browser.driver().findElements(By.cssSelector("mjx-container"))).as(lesson.slug()).isNotEmpty();
        assertThat(browser.mathErrors()).as(lesson.slug()).isEmpty();
        assertThat(browser.driver().getPageSource()).as(lesson.slug()).doesNotContain("Math input error");
        assertThat(browser.consoleErrors()).as(lesson.slug()).isEmpty();
        @SuppressWarnings("unchecked")
        List<String> overflow = (List<String>) script(browser, FIGURE_OVERFLOW);
        assertThat(overflow).as("figure parts outside their picture on " + lesson.slug()).isEmpty();
        Object typesetAt = script(browser, "return window.typesetAt;");
        timings.add(lesson.slug() + " " + (typesetAt == null ? "?" : Math.round(((Number) typesetAt).doubleValue()))
            + " ms");
      }
    } finally {
      cdp.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", clock));
    }
    // Navigation start to html[data-mathjax=ready], for the record: measured, not asserted.
    System.out.println("lesson typeset times (headless Chromium): " + timings);
  }

  /**
   * A phone widens its layout to what is too wide for it and shows all of it smaller: a long inline
   * formula, a rule's formula, or MathJax's hidden MathML at the end of a line did that.
   */
  @Test
  void everyLesson_fitsAPhoneWithoutWideningItsLayout(Browser browser) {
    HasCdp cdp = (HasCdp) browser.driver();
    cdp.executeCdpCommand("Emulation.setDeviceMetricsOverride",
        Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
    try {
      for (Lesson lesson : LessonCatalog.load().lessons()) {
        browser.open(url("/lessons/" + lesson.slug()));
        browser.awaitMathJax();
        assertThat((Long) script(browser, "return innerWidth;")).as("the layout width of " + lesson.slug())
            .isEqualTo(390L);
        assertThat((Boolean) script(browser, "return document.documentElement.scrollWidth <= innerWidth;"))
            .as(lesson.slug() + " scrolls sideways").isTrue();
      }
    } finally {
      cdp.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }
  }

  @Test
  void chapterNavigation_leadsFromTheFirstChapterToTheLast(Browser browser) {
    List<Lesson> lessons = LessonCatalog.load().lessons();
    browser.open(url("/lessons"));
    browser.driver().findElement(By.id("chapter-" + lessons.get(0).slug())).click();
    for (int i = 0; i < lessons.size(); i++) {
      browser.waiting().until(ExpectedConditions.textToBe(By.id("lesson-title"), lessons.get(i).title()));
      if (i < lessons.size() - 1) {
        browser.driver().findElement(By.id("lesson-next")).click();
      }
    }
    assertThat(browser.driver().findElements(By.id("lesson-next"))).isEmpty();
    assertThat(browser.driver().findElement(By.id("lesson-prev")).getText()).contains(lessons.get(lessons.size() - 2).title());
  }

  @Test
  void cookbook_filtersAndVerifiesBothLayoutsWithTheEngine(Browser browser) {
    browser.open(url("/lessons/cookbook"));
    browser.awaitMathJax();
    browser.consoleErrors();
    browser.driver().findElement(By.id("cookbook-search")).sendKeys("logdet");
    browser.waiting().until(d -> d.findElements(By.cssSelector(".cookbook-row")).stream()
        .filter(WebElement::isDisplayed).count() == 2);
    assertThat(browser.driver().findElement(By.id("cookbook-count")).getText()).startsWith("2 of ");
    browser.driver().findElement(By.cssSelector("#identity-cb-logdet a.verify")).click();
    browser.waiting().until(ExpectedConditions.attributeToBe(
        By.cssSelector("#identity-cb-logdet .verify-result"), "data-verified", "true"));
    assertThat(browser.driver().findElement(By.cssSelector(
        "#identity-cb-logdet .verify-line.ok[data-layout=denominator] code")).getText()).isEqualTo("inv(X)'");
    assertThat(browser.driver().findElement(By.cssSelector(
        "#identity-cb-logdet .verify-line.ok[data-layout=numerator] code")).getText()).isEqualTo("inv(X)");
    assertThat(browser.driver().findElements(By.cssSelector("#identity-cb-logdet .verify-result mjx-container")))
        .hasSize(2);
    assertThat(browser.mathErrors()).isEmpty();
    assertThat(browser.consoleErrors()).isEmpty();
  }


  private static Object script(Browser browser, String source) {
    return ((JavascriptExecutor) browser.driver()).executeScript(source);
  }
}
