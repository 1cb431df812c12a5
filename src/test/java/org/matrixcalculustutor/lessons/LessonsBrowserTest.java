package org.matrixcalculustutor.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.matrixcalculustutor.browser.BrowserExtension;
import org.matrixcalculustutor.browser.BrowserExtension.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(BrowserExtension.class)
class LessonsBrowserTest {

  @LocalServerPort
  int port;

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  @Test
  void everyLesson_typesetsWithoutMathErrorsOrConsoleErrors(Browser browser) {
    browser.consoleErrors();
    List<String> timings = new ArrayList<>();
    for (Lesson lesson : LessonCatalog.load().lessons()) {
      browser.open(url("/lessons/" + lesson.slug()));
      browser.awaitMathJax();
      assertThat(browser.driver().findElements(By.cssSelector("mjx-container"))).as(lesson.slug()).isNotEmpty();
      assertThat(browser.mathErrors()).as(lesson.slug()).isEmpty();
      assertThat(browser.driver().getPageSource()).as(lesson.slug()).doesNotContain("Math input error");
      assertThat(browser.consoleErrors()).as(lesson.slug()).isEmpty();
      Object ms = ((JavascriptExecutor) browser.driver()).executeScript(
          "return performance.now();");
      timings.add(lesson.slug() + " " + Math.round(((Number) ms).doubleValue()) + " ms");
    }
    // navigation-to-typeset times, for the record (measured, not asserted)
    System.out.println("lesson typeset times: " + timings);
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
    assertThat(browser.driver().findElement(By.id("lesson-prev")).getText()).contains(lessons.get(5).title());
  }

  @Test
  void cookbook_filtersAndVerifiesWithTheEngine(Browser browser) {
    browser.open(url("/lessons/cookbook"));
    browser.awaitMathJax();
    browser.driver().findElement(By.id("cookbook-search")).sendKeys("logdet");
    browser.waiting().until(d -> d.findElements(By.cssSelector(".cookbook-row")).stream()
        .filter(r -> r.isDisplayed()).count() == 2);
    browser.driver().findElement(By.cssSelector("#identity-cb-logdet a.verify")).click();
    browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(
        By.cssSelector("#identity-cb-logdet .verify-result"), "engine: inv(X)'"));
  }
}
