package org.matrixcalculustutor.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Through the real server (Tomcat's limits and error dispatch, which MockMvc does not run). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ErrorPagesTest {

  @LocalServerPort
  int port;

  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> page(String pathAndQuery) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
        .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void unknownPage_isTheTutorsOwn404PageWithoutInternals() throws Exception {
    HttpResponse<String> response = page("/no-such-page");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("id=\"error-page\"").contains("Page not found")
        .doesNotContain("Exception").doesNotContain("at org.").doesNotContain("Whitelabel");
  }

  @Test
  void calculatorLinkWithTenThousandNestedParentheses_isExplainedInline() throws Exception {
    String f = URLEncoder.encode("(".repeat(10_000) + "x" + ")".repeat(10_000), StandardCharsets.UTF_8);
    HttpResponse<String> response = page("/calculator?variable=x&expression=" + f);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("id=\"error-message\"").contains("the limit is 2000");
  }

  @Test
  void theErrorPageOpenedDirectly_isNotFound() throws Exception {
    HttpResponse<String> response = page("/error");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("id=\"error-page\"").contains("Page not found");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"/api/students/abc/attempts",
      "/api/students/99999999999999999999/attempts", "/api/students/-1/attempts"})
  void attemptsOfAStudentIdThatIsNoNumber_isAClearClientError(String path) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isBetween(400, 499);
    assertThat(response.body()).contains("\"error\"").doesNotContain("Exception");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"/exercises/linear-form?seed=abc",
      "/exercises/linear-form?seed=99999999999999999999", "/exercises/linear-form?hints=99999999999",
      "/exercises/linear-form?hints=-5"})
  void exercisePageWithParametersThatAreNoNumbers_isAClearClientError(String path) throws Exception {
    HttpResponse<String> response = page(path);
    assertThat(response.statusCode()).isLessThan(500);
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
  }
}
