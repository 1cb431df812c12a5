package org.matrixcalculustutor.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.matrixcalculustutor.TutorApplication;
import org.matrixcalculustutor.browser.BrowserExtension;
import org.matrixcalculustutor.browser.BrowserExtension.Browser;
import org.matrixcalculustutor.exercises.ExerciseBank;
import org.matrixcalculustutor.exercises.ExerciseChecker;
import org.matrixcalculustutor.exercises.Learners;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A whole class session in a real browser against a real H2 file: the teacher creates a class, a
 * student joins, solves one exercise and fails another, the gradebook and its CSV show both, and
 * after a restart of the app everything is still there.
 */
@ExtendWith(BrowserExtension.class)
class ClassroomBrowserTest {

  private ConfigurableApplicationContext app;

  private ConfigurableApplicationContext start(Path dataDir) {
    return SpringApplication.run(TutorApplication.class, "--server.port=0", "--tutor.data-dir=" + dataDir,
        "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("tutor"), "--tutor.teacher.password=test-password",
        "--logging.level.root=WARN");
  }

  private String url(String path) {
    return "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort() + path;
  }

  @AfterEach
  void stop(Browser browser) {
    browser.driver().manage().deleteAllCookies();
    if (app != null) {
      app.close();
    }
  }

  private void signIn(Browser browser) {
    WebDriver driver = browser.driver();
    driver.get(url("/login"));
    driver.findElement(By.id("username")).sendKeys("teacher");
    driver.findElement(By.id("password")).sendKeys("test-password");
    driver.findElement(By.id("sign-in")).click();
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("create-class")));
  }

  private String answerOf(String exercise, long studentId, String name) {
    ExerciseChecker checker = app.getBean(ExerciseChecker.class);
    long seed = new Learners.Learner(studentId, name).seedFor(exercise);
    return checker.expected(checker.variant(app.getBean(ExerciseBank.class).find(exercise).orElseThrow(), seed)).text();
  }

  private void answer(Browser browser, String exercise, String answer) {
    browser.open(url("/exercises/" + exercise));
    browser.driver().findElement(By.id("answer")).sendKeys(answer);
    browser.driver().findElement(By.id("submit")).click();
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("verdict")));
  }

  @Test
  void classSession_isRecordedInTheGradebookAndSurvivesARestart(Browser browser) throws Exception {
    Path dataDir = Files.createTempDirectory("classroom");
    app = start(dataDir);
    WebDriver driver = browser.driver();

    signIn(browser);
    driver.findElement(By.id("class-name")).sendKeys("Matrix calculus 101");
    driver.findElement(By.id("assign-trace-axb")).click();
    driver.findElement(By.id("assign-quadratic-form")).click();
    driver.findElement(By.id("create-button")).click();
    String code = browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("join-code"))).getText();
    String gradebook = driver.getCurrentUrl();
    assertThat(code).hasSize(10);
    driver.get(url("/teacher"));
    driver.findElement(By.id("sign-out")).click();
    // The sign-out form navigates on its own; opening /join before it lands would be cancelled by it.
    browser.waiting().until(ExpectedConditions.urlToBe(url("/")));

    driver.get(url("/join"));
    driver.findElement(By.id("code")).sendKeys(code);
    driver.findElement(By.id("name")).sendKeys("Ada");
    driver.findElement(By.id("join-button")).click();
    browser.waiting().until(ExpectedConditions.textToBe(By.id("student-name"), "Ada"));
    String token = driver.manage().getCookieNamed(StudentCookie.NAME).getValue();
    long adaId = app.getBean(ClassroomService.class).byToken(token).orElseThrow().getId();

    answer(browser, "trace-axb", answerOf("trace-axb", adaId, "Ada"));
    assertThat(driver.findElement(By.id("verdict")).getText()).isEqualTo("Correct!");
    answer(browser, "quadratic-form", "2*(" + answerOf("quadratic-form", adaId, "Ada") + ")");
    assertThat(driver.findElement(By.id("verdict")).getText()).isEqualTo("Not yet right");

    signIn(browser);
    driver.get(gradebook);
    assertGradebook(driver);
    String csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(gradebook + "/gradebook.csv"))
        .header("Cookie", "SESSION=" + driver.manage().getCookieNamed("SESSION").getValue()).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    // one row per student (a column per exercise), after a byte-order mark
    assertThat(csv).startsWith(Csv.BOM);
    assertThat(csv.split("\r\n")).hasSize(2)
        .anyMatch(line -> line.startsWith("Ada,,1,2,") && line.contains(",solved") && line.contains(",not yet"));

    app.close();
    app = start(dataDir);
    driver.get(url(gradebook.substring(gradebook.indexOf("/teacher"))));
    assertGradebook(driver);
    driver.get(url("/me"));
    assertThat(driver.findElement(By.id("student-name")).getText()).isEqualTo("Ada");
    assertThat(driver.findElements(By.cssSelector("#history tbody tr"))).hasSize(2);
  }

  private static void assertGradebook(WebDriver driver) {
    assertThat(driver.findElement(By.cssSelector("tr[data-student='Ada'] td[data-exercise='trace-axb']")).getText())
        .startsWith("solved");
    assertThat(driver.findElement(By.cssSelector("tr[data-student='Ada'] td[data-exercise='quadratic-form']")).getText())
        .startsWith("not yet");
    // titles and diagnoses in words, not ids and codes
    assertThat(driver.findElement(By.id("common-diagnoses")).getText()).contains("The quadratic form x'Ax")
        .contains("off by a constant factor");
  }
}
