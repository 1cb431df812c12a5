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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Through the real server: a visitor's pages store no session (a hostile client cannot fill the
 * session table by asking for pages); only a teacher who signs in has one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionsTest {

  @LocalServerPort
  int port;

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  ClassroomService classrooms;

  private long sessions() {
    return jdbc.queryForObject("select count(*) from spring_session", Long.class);
  }

  private HttpResponse<String> get(HttpClient http, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(HttpClient http, String path, String form) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String csrf(String html) {
    Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
    assertThat(m.find()).as("a CSRF token in the form").isTrue();
    return URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
  }

  @Test
  void twoThousandCookielessVisitsToTheJoinPage_storeNoSession() throws Exception {
    HttpClient cookieless = HttpClient.newHttpClient();
    long before = sessions();
    // eight at a time, as many as the server has workers
    Semaphore inFlight = new Semaphore(8);
    List<CompletableFuture<HttpResponse<String>>> pages = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      inFlight.acquire();
      pages.add(cookieless.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/join")).build(),
          HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> inFlight.release()));
    }
    for (CompletableFuture<HttpResponse<String>> page : pages) {
      assertThat(page.get().statusCode()).isEqualTo(200);
      assertThat(page.get().headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("SESSION="));
    }
    for (String page : List.of("/login", "/exercises/trace", "/teacher", "/teacher/classes/1", "/join/again/nothing")) {
      get(cookieless, page);
    }
    assertThat(sessions()).isEqualTo(before);
  }

  @Test
  void aLongPageWithAFormAtItsEnd_setsTheTokensCookieBeforeItIsWritten() throws Exception {
    Classroom classroom = classrooms.createClass("teacher", "Long page", List.of("trace"));
    ClassroomService.Joined ada = classrooms.join(classroom.getJoinCode(), "Ada", null).orElseThrow();
    for (int i = 0; i < 60; i++) {
      classrooms.record(ada.student().getId(), "trace", 0, "2*I + " + i + "*I", "incorrect", List.of("FACTOR"));
    }
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
        .followRedirects(HttpClient.Redirect.NEVER).build();
    post(browser, "/login", "_csrf=" + csrf(get(browser, "/login").body()) + "&username=teacher&password=test-password");
    // the sign-in changed the token; the first page after it is long, and its forms come last
    HttpResponse<String> page = get(browser, "/teacher/students/" + ada.student().getId());
    assertThat(page.body().length()).isGreaterThan(40_000);
    assertThat(page.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("XSRF-TOKEN="));
    HttpResponse<String> renamed = post(browser, "/teacher/students/" + ada.student().getId() + "/rename",
        "_csrf=" + csrf(page.body()) + "&name=Ada+Lovelace");
    assertThat(renamed.statusCode()).isEqualTo(302);
    assertThat(classrooms.student(ada.student().getId()).orElseThrow().getDisplayName()).isEqualTo("Ada Lovelace");
  }

  @Test
  void formsWorkWithoutASession_andOnlyASignedInTeacherGetsOne() throws Exception {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
        .followRedirects(HttpClient.Redirect.NEVER).build();
    long before = sessions();
    HttpResponse<String> failed = post(browser, "/login", "_csrf=" + csrf(get(browser, "/login").body())
        + "&username=teacher&password=not-the-password");
    assertThat(failed.headers().firstValue("Location").orElse("")).endsWith("/login?error");
    HttpResponse<String> joinedNowhere = post(browser, "/join", "_csrf=" + csrf(get(browser, "/join").body())
        + "&code=NOPE234567&name=Eve");
    assertThat(joinedNowhere.body()).contains("No class has the code");
    assertThat(sessions()).isEqualTo(before);

    HttpResponse<String> signedIn = post(browser, "/login", "_csrf=" + csrf(get(browser, "/login").body())
        + "&username=teacher&password=test-password");
    assertThat(signedIn.headers().firstValue("Location").orElse("")).endsWith("/teacher");
    assertThat(get(browser, "/teacher").body()).contains("My classes");
    assertThat(sessions()).isEqualTo(before + 1);
  }
}
