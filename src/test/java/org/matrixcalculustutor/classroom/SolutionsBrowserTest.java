package org.matrixcalculustutor.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.matrixcalculustutor.browser.BrowserExtension;
import org.matrixcalculustutor.browser.BrowserExtension.Browser;
import org.matrixcalculustutor.exercises.SolutionRule;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A student reveals a solution after a wrong attempt, then solves: the teacher's gradebook says both. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(BrowserExtension.class)
class SolutionsBrowserTest {

  @LocalServerPort
  int port;

  @Autowired
  ClassroomService classrooms;

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  @AfterEach
  void forget(Browser browser) {
    browser.driver().manage().deleteAllCookies();
  }

  private void check(Browser browser, String answer) {
    WebDriver driver = browser.driver();
    driver.findElement(By.id("answer")).clear();
    driver.findElement(By.id("answer")).sendKeys(answer);
    driver.findElement(By.id("submit")).click();
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("verdict")));
  }

  @Test
  void aRevealedSolution_appearsInTheGradebook(Browser browser) {
    WebDriver driver = browser.driver();
    Classroom classroom = classrooms.createClass("teacher", "Solutions in a browser", List.of("trace"), null, null,
        new SolutionRule(SolutionRule.When.AFTER_WRONG_ATTEMPTS, 1));

    browser.open(url("/join"));
    driver.findElement(By.id("code")).sendKeys(classroom.getJoinCode());
    driver.findElement(By.id("name")).sendKeys("Hana");
    driver.findElement(By.id("join-button")).click();
    browser.waiting().until(ExpectedConditions.textToBe(By.id("student-name"), "Hana"));

    browser.open(url("/exercises/trace"));
    assertThat(driver.findElements(By.id("solution-button"))).as("no solution before a wrong attempt").isEmpty();
    assertThat(driver.findElement(By.id("solution-note")).getText()).contains("after 1 wrong attempt");
    check(browser, "2*I");
    assertThat(driver.findElement(By.id("verdict")).getText()).isEqualTo("Not yet right");
    driver.findElement(By.id("solution-button")).click();
    browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("solution")));
    browser.awaitMathJax();
    assertThat(driver.findElements(By.cssSelector("#solution .steps li mjx-container"))).isNotEmpty();
    assertThat(driver.findElement(By.id("answer")).getDomProperty("value")).isEqualTo("2*I");
    check(browser, "I");
    assertThat(driver.findElement(By.id("verdict")).getText()).isEqualTo("Correct!");

    browser.open(url("/login"));
    driver.findElement(By.id("username")).sendKeys("teacher");
    driver.findElement(By.id("password")).sendKeys("test-password");
    driver.findElement(By.id("sign-in")).click();
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("create-class")));
    browser.open(url("/teacher/classes/" + classroom.getId()));
    String cell = driver.findElement(By.cssSelector("tr[data-student='Hana'] td[data-exercise='trace']")).getText();
    assertThat(cell).startsWith("solved").contains("2 attempts").contains("solved after viewing the solution");
    assertThat(driver.findElement(By.id("solution-rule-now")).getText()).isEqualTo("after 1 wrong attempt");
  }
}
