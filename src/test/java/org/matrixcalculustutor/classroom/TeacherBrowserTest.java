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
import org.matrixcalculustutor.exercises.ExerciseBank;
import org.matrixcalculustutor.exercises.ExerciseChecker;
import org.matrixcalculustutor.exercises.Learners;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A teacher in a real browser: opens a student's answers, merges two rows of one student, closes
 * a class. With -Dscreenshots.dir=... it also saves the gradebook, a student's page and the join
 * panel at desktop and phone widths.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(BrowserExtension.class)
class TeacherBrowserTest {

  static final Dimension DESKTOP = new Dimension(1280, 900);
  static final Dimension PHONE = new Dimension(390, 844);
  static final Dimension DEFAULT = new Dimension(1200, 900);

  @LocalServerPort
  int port;

  @Autowired
  ClassroomService classrooms;

  @Autowired
  ExerciseChecker checker;

  @Autowired
  ExerciseBank bank;

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  @AfterEach
  void forget(Browser browser) {
    browser.driver().manage().window().setSize(DEFAULT);
    browser.driver().manage().deleteAllCookies();
  }

  private void signIn(Browser browser) {
    WebDriver driver = browser.driver();
    driver.get(url("/login"));
    driver.findElement(By.id("username")).sendKeys("teacher");
    driver.findElement(By.id("password")).sendKeys("test-password");
    driver.findElement(By.id("sign-in")).click();
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("create-class")));
  }

  /** A student who joined and answered: right, then wrong by a sign, then transposed. */
  private Student studentWithAnswers(Classroom classroom, String name, String number) {
    Student student = classrooms.join(classroom.getJoinCode(), name, number).orElseThrow().student();
    for (String exercise : classroom.getExerciseIds()) {
      long seed = new Learners.Learner(student.getId(), name).seedFor(exercise);
      String right = checker.expected(checker.variant(bank.find(exercise).orElseThrow(), seed)).text();
      for (String answer : List.of("-(" + right + ")", "(" + right + ")'", right)) {
        var grade = checker.attempt(bank.find(exercise).orElseThrow(), seed, answer);
        classrooms.record(student.getId(), exercise, seed, answer, grade.verdict().word(),
            grade.diagnoses().stream().map(d -> d.code().name()).toList());
      }
    }
    return student;
  }

  @Test
  void aTeacherOpensAStudentsAnswers_typesetWithVerdictAndDiagnosis(Browser browser) throws Exception {
    Classroom classroom = classrooms.createClass("teacher", "Answers " + System.nanoTime(),
        List.of("trace-axb", "quadratic-form"));
    studentWithAnswers(classroom, "Ada", "s-1");
    studentWithAnswers(classroom, "Émile", null);
    signIn(browser);
    WebDriver driver = browser.driver();
    driver.get(url("/teacher/classes/" + classroom.getId()));
    screenshots(browser, "gradebook");

    driver.findElement(By.cssSelector("tr[data-student='Ada'] a.student-link")).click();
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("student-attempts")));
    browser.awaitMathJax();
    assertThat(driver.findElement(By.id("student-title")).getText()).contains("Ada");
    assertThat(driver.findElements(By.cssSelector("#student-attempts tbody tr"))).hasSize(6);
    assertThat(driver.findElements(By.cssSelector("#student-attempts .answer-cell mjx-container"))).hasSize(6);
    assertThat(browser.mathErrors()).isEmpty();
    String table = driver.findElement(By.id("student-attempts")).getText();
    assertThat(table).contains("wrong sign").contains("other layout (transposed)").contains("correct")
        .contains("The trace tr(AXB)").contains("The quadratic form x'Ax");
    screenshots(browser, "student");

    driver.findElement(By.cssSelector("#student-attempts tr[data-exercise='trace-axb'] td:nth-child(2) a")).click();
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("common-wrong")));
    browser.awaitMathJax();
    assertThat(driver.findElement(By.id("exercise-summary")).getText()).isEqualTo("2 students tried, 2 solved, 6 attempts in all");
    assertThat(driver.findElement(By.id("group-SIGN")).getText()).contains("wrong sign").contains("2 attempts by 2 students");
    assertThat(browser.mathErrors()).isEmpty();
    screenshots(browser, "exercise");

    driver.get(url("/teacher/classes/" + classroom.getId()));
    driver.findElement(By.id("show-join-panel")).click();
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("join-qr-large")));
    browser.waiting().until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
        "const i = document.getElementById('join-qr-large'); return i.complete && i.naturalWidth > 0;"));
    // large enough to project: most of the screen's height
    assertThat(driver.findElement(By.id("join-qr-large")).getSize().getWidth()).isGreaterThan(500);
    assertThat(driver.findElement(By.id("projection-code")).getText()).isEqualTo(classroom.getJoinCode());
    screenshots(browser, "join-panel");
  }

  @Test
  void aTeacherMergesTwoRowsOfOneStudent(Browser browser) throws Exception {
    Classroom classroom = classrooms.createClass("teacher", "Merging " + System.nanoTime(), List.of("trace-axb"));
    Student ada = studentWithAnswers(classroom, "Ada", "s-1");
    Student again = studentWithAnswers(classroom, "Ada on her phone", null);
    signIn(browser);
    WebDriver driver = browser.driver();
    driver.get(url("/teacher/classes/" + classroom.getId()));
    assertThat(driver.findElements(By.cssSelector("#gradebook tbody tr"))).hasSize(2);

    driver.findElement(By.cssSelector("tr[data-student='Ada'] a.student-link")).click();
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("merge-form")));
    new Select(driver.findElement(By.id("merge-other"))).selectByValue(again.getId().toString());
    driver.findElement(By.id("merge-button")).click();
    browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("confirm-title"),
        "Merge Ada on her phone into Ada?"));
    driver.findElement(By.id("confirm-button")).click();

    browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "every attempt is kept"));
    assertThat(driver.findElement(By.id("student-summary")).getText()).startsWith("6 attempts");
    driver.findElement(By.id("back-to-gradebook")).click();
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("gradebook")));
    assertThat(driver.findElements(By.cssSelector("#gradebook tbody tr"))).hasSize(1);
    assertThat(driver.findElement(By.cssSelector("tr[data-student='Ada'] td[data-exercise='trace-axb']")).getText())
        .contains("solved").contains("6 attempts");
    assertThat(classrooms.student(again.getId())).isEmpty();
    assertThat(classrooms.attemptCount(classrooms.student(ada.getId()).orElseThrow())).isEqualTo(6);
  }

  @Test
  void aTeacherClosesAClass(Browser browser) {
    Classroom classroom = classrooms.createClass("teacher", "Closing " + System.nanoTime(), List.of("trace"));
    signIn(browser);
    WebDriver driver = browser.driver();
    driver.get(url("/teacher/classes/" + classroom.getId()));
    assertThat(driver.findElement(By.id("join-code")).getText()).isEqualTo(classroom.getJoinCode());
    driver.findElement(By.id("close-class")).click();
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("confirm-button")));
    assertThat(driver.findElement(By.tagName("main")).getText()).contains("No one can join a closed class");
    driver.findElement(By.id("confirm-button")).click();

    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("closed-badge")));
    assertThat(driver.findElements(By.id("join-panel"))).isEmpty();
    assertThat(driver.findElements(By.id("edit-class"))).isEmpty();
    assertThat(driver.findElement(By.id("closed-panel")).getText()).contains("read-only");
    assertThat(classrooms.classOf("teacher", classroom.getId()).isClosed()).isTrue();

    // a student who comes now is told so
    driver.manage().deleteAllCookies();
    driver.get(url("/join?code=" + classroom.getJoinCode()));
    driver.findElement(By.id("name")).sendKeys("Late");
    driver.findElement(By.id("join-button")).click();
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("join-error")));
    assertThat(driver.findElement(By.id("join-error")).getText()).contains("is closed");
  }

  @Test
  void myClasses_fitsAPhoneWidthWithTheCodeUnderTheName(Browser browser) throws Exception {
    Classroom classroom = classrooms.createClass("teacher", "Linear algebra for engineers " + System.nanoTime(),
        List.of("trace", "trace-axb", "quadratic-form"));
    for (int i = 1; i <= 12; i++) {
      classrooms.join(classroom.getJoinCode(), "Student " + i, null);
    }
    signIn(browser);
    WebDriver driver = browser.driver();
    driver.manage().window().setSize(PHONE);
    driver.get(url("/teacher"));
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("classes")));
    screenshots(browser, "classes");
    driver.manage().window().setSize(PHONE);
    driver.navigate().refresh();
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("classes")));

    JavascriptExecutor js = (JavascriptExecutor) driver;
    assertThat((Boolean) js.executeScript("return document.documentElement.scrollWidth <= window.innerWidth;"))
        .as("the page is %s px wide in a %s px window", js.executeScript("return document.documentElement.scrollWidth;"),
            js.executeScript("return window.innerWidth;"))
        .isTrue();
    var item = driver.findElement(By.xpath("//ul[@id='classes']/li[.//a[text()='" + classroom.getName() + "']]"));
    var name = item.findElement(By.className("class-name"));
    var facts = item.findElement(By.className("class-facts"));
    assertThat(facts.getText()).contains(classroom.getJoinCode()).contains("12 students, 3 exercises");
    // the code and counts go under the name, which keeps the width of the list (not a word a line)
    assertThat(facts.getLocation().getY()).isGreaterThanOrEqualTo(name.getLocation().getY() + name.getSize().getHeight());
    assertThat(name.getSize().getWidth()).isGreaterThan(item.getSize().getWidth() / 2);
    assertThat(facts.getLocation().getX() + facts.getSize().getWidth())
        .isLessThanOrEqualTo(((Long) js.executeScript("return window.innerWidth;")).intValue());
  }

  @Test
  void savingTheSolutionRule_saysSavedBesideTheFormInView(Browser browser) {
    Classroom classroom = classrooms.createClass("teacher", "Rule " + System.nanoTime(), List.of("trace"));
    studentWithAnswers(classroom, "Ada", null);
    signIn(browser);
    WebDriver driver = browser.driver();
    driver.manage().window().setSize(PHONE); // a long page: the form is far below the top
    driver.get(url("/teacher/classes/" + classroom.getId()));
    WebElement always = driver.findElement(By.id("solutions-always"));
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView();", always);
    always.click();
    driver.findElement(By.id("solution-rule-save")).click();

    browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("solution-saved")));
    assertThat(driver.findElement(By.id("solution-saved")).getText())
        .isEqualTo("Saved: students may see solutions always, on request.");
    // the page reloads at its top; the confirmation is where the teacher's eyes were, at the bottom
    browser.waiting().until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
        "const r = document.getElementById('solution-saved').getBoundingClientRect();"
            + " return r.top >= 0 && r.bottom <= window.innerHeight;"));
  }

  /** Full-page PNGs at desktop and phone widths, when -Dscreenshots.dir is set. */
  private void screenshots(Browser browser, String name) throws Exception {
    String dir = System.getProperty("screenshots.dir");
    if (dir == null) {
      return;
    }
    WebDriver driver = browser.driver();
    for (Dimension size : List.of(DESKTOP, PHONE)) {
      driver.manage().window().setSize(size);
      long height = (Long) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollHeight;");
      driver.manage().window().setSize(new Dimension(size.getWidth(), (int) Math.min(Math.max(height, size.getHeight()), 4000)));
      byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
      Files.write(Files.createDirectories(Path.of(dir)).resolve(name + "-" + size.getWidth() + ".png"), png);
      long overflow = (Long) ((JavascriptExecutor) driver).executeScript(
          "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
      assertThat(overflow).as(name + " at " + size.getWidth() + " px scrolls sideways").isLessThanOrEqualTo(0);
    }
    driver.manage().window().setSize(DEFAULT);
  }
}
