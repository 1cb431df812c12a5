package org.matrixcalculustutor.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.matrixcalculustutor.browser.BrowserExtension;
import org.matrixcalculustutor.browser.BrowserExtension.Browser;
import org.matrixcalculustutor.exercises.SolutionRule;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A student shows their work on an exercise: the marks come line by line while they type, the
 * feedback names the slip of the first wrong line, and the teacher sees the work and counts the
 * wrong step by its slip. At desktop and phone widths; with -Dscreenshots.dir=... it saves both.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(BrowserExtension.class)
class DerivationBrowserTest {

  static final Dimension DESKTOP = new Dimension(1280, 900);
  static final Dimension PHONE = new Dimension(390, 844);
  static final Dimension DEFAULT = new Dimension(1200, 900);

  /** The quadratic form's derivation with a transpose lost on its second line; A is the variant's name of A. */
  static final List<String> WORK = List.of("df = dx'*A*x + x'*A*dx", "= x'*A*dx + x'*A*dx", "= <2*A'*x, dx>");

  @LocalServerPort
  int port;

  @Autowired
  ClassroomService classrooms;

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  @AfterEach
  void forget(Browser browser) {
    browser.driver().manage().window().setSize(DEFAULT);
    browser.driver().manage().deleteAllCookies();
  }

  /** Opens the box and types the lines one at a time, each line's mark awaited before the next. */
  private void typeWork(Browser browser, List<String> lines) {
    WebDriver driver = browser.driver();
    driver.findElement(By.cssSelector("#work-box summary")).click();
    WebElement box = driver.findElement(By.id("work"));
    browser.waiting().until(ExpectedConditions.visibilityOf(box));
    for (int i = 0; i < lines.size(); i++) {
      box.sendKeys((i == 0 ? "" : "\n") + lines.get(i));
      int count = i + 1;
      browser.waiting().until(d -> d.findElements(By.cssSelector("#work-marks li.work-line")).size() == count);
    }
  }

  private List<String> liveStatuses(Browser browser) {
    return browser.driver().findElements(By.cssSelector("#work-marks li.work-line")).stream()
        .map(e -> e.getDomAttribute("data-status")).toList();
  }

  private void assertMarksAndFeedback(Browser browser) {
    WebDriver driver = browser.driver();
    // a class's student sees a variant with other names: x'*M*x keeps x, and A is called M
    java.util.regex.Matcher form = java.util.regex.Pattern.compile("x'\\*(\\w+)\\*x")
        .matcher(driver.findElement(By.id("work")).getDomAttribute("data-expression"));
    assertThat(form.matches()).isTrue();
    String a = form.group(1);
    typeWork(browser, WORK.stream().map(l -> l.replace("A", a)).toList());
    assertThat(liveStatuses(browser)).containsExactly("correct", "incorrect", "incorrect");
    assertThat(driver.findElement(By.cssSelector("#work-marks li.work-line.incorrect")).getText())
        .contains("Rule: a scalar is its own transpose").contains("Line 2 lost the transpose of " + a);
    // the rule's formula is typeset while typing too, as after Check
    browser.waiting().until(d -> !d.findElements(By.cssSelector("#work-marks .work-rule mjx-container")).isEmpty());

    driver.findElement(By.id("submit")).click();
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("work-feedback")));
    assertThat(driver.findElement(By.id("verdict")).getText()).isEqualTo("Not yet right");
    assertThat(driver.findElement(By.id("work-line-1")).getDomAttribute("data-status")).isEqualTo("correct");
    WebElement wrong = driver.findElement(By.id("work-line-2"));
    assertThat(wrong.getDomAttribute("data-status")).isEqualTo("incorrect");
    assertThat(wrong.findElement(By.cssSelector(".work-rule")).getText()).contains("its own transpose");
    assertThat(wrong.findElement(By.cssSelector(".work-message")).getText()).contains("lost the transpose of " + a);
    browser.awaitMathJax();
    assertThat(driver.findElements(By.cssSelector("#work-lines .work-math mjx-container"))).hasSize(3);
    assertThat(browser.mathErrors()).isEmpty();
  }

  @Test
  void studentShowsWork_seesMarksWhileTypingAndTheSlipAndTheTeacherSeesTheWork(Browser browser) throws Exception {
    WebDriver driver = browser.driver();
    driver.manage().window().setSize(DESKTOP);
    Classroom classroom = classrooms.createClass("teacher", "Shown work", List.of("quadratic-form"), null, null,
        new SolutionRule(SolutionRule.When.ALWAYS, 3));
    browser.open(url("/join"));
    driver.findElement(By.id("code")).sendKeys(classroom.getJoinCode());
    driver.findElement(By.id("name")).sendKeys("Ines");
    driver.findElement(By.id("join-button")).click();
    browser.waiting().until(ExpectedConditions.textToBe(By.id("student-name"), "Ines"));

    browser.open(url("/exercises/quadratic-form"));
    assertMarksAndFeedback(browser);
    screenshot(browser, "exercise-work-desktop", DESKTOP);

    driver.findElement(By.id("solution-button")).click();
    browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("continuation")));
    assertThat(driver.findElement(By.cssSelector("#continuation h2")).getText()).contains("from your line 1");

    driver.manage().deleteAllCookies();
    browser.open(url("/login"));
    driver.findElement(By.id("username")).sendKeys("teacher");
    driver.findElement(By.id("password")).sendKeys("test-password");
    driver.findElement(By.id("sign-in")).click();
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("create-class")));

    browser.open(url("/teacher/classes/" + classroom.getId()));
    assertThat(driver.findElement(By.cssSelector("#wrong-steps li[data-exercise='quadratic-form']")).getText())
        .contains("a transpose lost (1)");
    driver.findElement(By.linkText("Ines")).click();
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("ol.work-stored")));
    assertThat(driver.findElements(By.cssSelector("ol.work-stored li")).stream()
        .map(e -> e.getDomAttribute("data-status")).toList()).containsExactly("correct", "incorrect", "incorrect");
    assertThat(driver.findElement(By.cssSelector(".wrong-step")).getText()).contains("line 2: a transpose lost");
    browser.awaitMathJax();
    assertThat(browser.mathErrors()).isEmpty();
    screenshot(browser, "teacher-student-work", DESKTOP);

    browser.open(url("/teacher/classes/" + classroom.getId() + "/exercises/quadratic-form"));
    WebElement group = driver.findElement(By.id("slip-TRANSPOSE_LOST"));
    assertThat(group.getText()).contains("a transpose lost").contains("1 attempt by 1 student").contains("Ines");
    screenshot(browser, "teacher-wrong-steps", DESKTOP);
  }

  @Test
  void atPhoneWidth_theMarksAndTheSlipFitTheScreen(Browser browser) throws Exception {
    WebDriver driver = browser.driver();
    driver.manage().window().setSize(PHONE);
    browser.open(url("/exercises/quadratic-form"));
    assertMarksAndFeedback(browser);
    long overflow = (Long) ((JavascriptExecutor) driver).executeScript(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    assertThat(overflow).as("the page scrolls sideways at 390 px").isLessThanOrEqualTo(0);
    screenshot(browser, "exercise-work-phone", PHONE);
  }

  /** A full-page PNG at size, when -Dscreenshots.dir is set. */
  private void screenshot(Browser browser, String name, Dimension size) throws Exception {
    String dir = System.getProperty("screenshots.dir");
    if (dir == null) {
      return;
    }
    WebDriver driver = browser.driver();
    long height = (Long) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollHeight;");
    driver.manage().window().setSize(new Dimension(size.getWidth(), (int) Math.min(Math.max(height, size.getHeight()),
        4000)));
    byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
    Files.write(Files.createDirectories(Path.of(dir)).resolve(name + ".png"), png);
    driver.manage().window().setSize(size);
  }
}
