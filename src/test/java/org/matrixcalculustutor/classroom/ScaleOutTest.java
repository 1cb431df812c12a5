package org.matrixcalculustutor.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.matrixcalculustutor.TutorApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances on one PostgreSQL, as behind a load balancer: a student who joined on one
 * continues on the other, a teacher's session follows them too (sessions live in the database),
 * and so do rate limits: wrong codes sent to one instance stop the guesser on the other.
 */
@EnabledIfEnvironmentVariable(named = "TUTOR_TEST_POSTGRES_URL", matches = "jdbc:postgresql:.+")
class ScaleOutTest {

  private static ConfigurableApplicationContext first;
  private static ConfigurableApplicationContext second;

  private static ConfigurableApplicationContext start() {
    return SpringApplication.run(TutorApplication.class, "--server.port=0", "--server.address=127.0.0.1",
        "--spring.profiles.active=postgres",
        "--spring.datasource.url=" + System.getenv("TUTOR_TEST_POSTGRES_URL"),
        "--spring.datasource.username=" + env("TUTOR_TEST_POSTGRES_USER", "tutor"),
        "--spring.datasource.password=" + env("TUTOR_TEST_POSTGRES_PASSWORD", "tutor"),
        "--tutor.teacher.password=test-password", "--tutor.rate-limit.wrong-codes-per-address=6",
        "--logging.level.root=WARN");
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null ? fallback : value;
  }

  @BeforeAll
  static void startTwoInstances() {
    first = start();
    second = start();
  }

  @AfterAll
  static void stop() {
    second.close();
    first.close();
  }

  private static String base(ConfigurableApplicationContext app) {
    return "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
  }

  private static String csrf(String html) {
    Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
    assertThat(m.find()).as("a CSRF token in the form").isTrue();
    return m.group(1);
  }

  private static HttpResponse<String> post(HttpClient http, String url, String form) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void aStudentWhoJoinedOnOneInstanceContinuesOnTheOther() throws Exception {
    Classroom classroom = first.getBean(ClassroomService.class)
        .createClass("teacher", "Scale-out " + System.nanoTime(), List.of("trace"));
    // one browser: cookies are per host, so both instances on 127.0.0.1 see the same cookies
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
        .followRedirects(HttpClient.Redirect.NEVER).build();

    String form = get(browser, base(first) + "/join").body();
    HttpResponse<String> joined = post(browser, base(first) + "/join", "_csrf=" + encode(csrf(form))
        + "&code=" + classroom.getJoinCode() + "&name=Grace");
    assertThat(joined.statusCode()).isEqualTo(302);

    assertThat(get(browser, base(second) + "/me").body()).contains("Grace").contains(classroom.getName());
    HttpResponse<String> attempt = browser.send(HttpRequest.newBuilder(URI.create(base(second)
            + "/api/exercises/trace/attempts")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"answer\":\"I\"}")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(attempt.body()).contains("\"verdict\":\"correct\"");
    assertThat(get(browser, base(first) + "/api/me/attempts").body()).contains("\"answer\":\"I\"");
  }

  @Test
  void aTeachersSessionFollowsThemToTheOtherInstance() throws Exception {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
        .followRedirects(HttpClient.Redirect.NEVER).build();
    String form = get(browser, base(first) + "/login").body();
    HttpResponse<String> signedIn = post(browser, base(first) + "/login", "_csrf=" + encode(csrf(form))
        + "&username=teacher&password=test-password");
    assertThat(signedIn.headers().firstValue("Location").orElse("")).endsWith("/teacher");
    HttpResponse<String> onSecond = get(browser, base(second) + "/teacher");
    assertThat(onSecond.statusCode()).isEqualTo(200);
    assertThat(onSecond.body()).contains("My classes");
  }

  @Test
  void wrongCodesSentToOneInstance_stopTheGuesserOnTheOther() throws Exception {
    Classroom classroom = first.getBean(ClassroomService.class)
        .createClass("teacher", "Guarded " + System.nanoTime(), List.of("trace"));
    HttpClient guesser = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
        .followRedirects(HttpClient.Redirect.NEVER).build();
    String token = encode(csrf(get(guesser, base(first) + "/join").body()));
    for (int i = 0; i < 6; i++) {
      ConfigurableApplicationContext instance = i % 2 == 0 ? first : second;
      assertThat(post(guesser, base(instance) + "/join", "_csrf=" + token + "&code=WRONG2345" + i + "&name=Eve")
          .body()).contains("No class has the code");
    }
    HttpResponse<String> stopped = post(guesser, base(second) + "/join", "_csrf=" + token + "&code="
        + classroom.getJoinCode() + "&name=Eve");
    assertThat(stopped.statusCode()).isEqualTo(429);
    assertThat(stopped.body()).contains("Too many wrong class codes");
  }
}
