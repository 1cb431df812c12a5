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
}
