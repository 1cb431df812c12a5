package org.matrixcalculustutor.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WarmUpRequestsTest {

  @LocalServerPort
  int port;

  @Autowired
  WarmUp warmUp;

  @Test
  void requests_areAnsweredAsAStudentsWouldBeWhenSentToTheRunningServer() throws Exception {
    List<HttpRequest> requests = warmUp.requests("http://127.0.0.1:" + port);
    HttpClient http = HttpClient.newHttpClient();
    // the home page, the lessons, the exercise list, then three exercises' pages and attempts
    int exercisePages = 0;
    for (HttpRequest request : requests) {
      if (request.uri().getPath().startsWith("/exercises/") && ++exercisePages > 3) {
        break;
      }
      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      assertThat(status).as(request.method() + " " + request.uri()).isIn(200, 400);
    }
    assertThat(exercisePages).isEqualTo(4);
  }

  @Test
  void requests_askTheCalculatorForEveryLessonIdentityAndGetItsDerivation() throws Exception {
    List<HttpRequest> derivatives = warmUp.requests("http://127.0.0.1:" + port).stream()
        .filter(r -> r.uri().getPath().equals("/api/derivative")).toList();
    assertThat(derivatives).isNotEmpty();
    HttpClient http = HttpClient.newHttpClient();
    for (HttpRequest request : derivatives) {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      assertThat(response.body()).contains("\"steps\"");
    }
  }

  @Test
  void requests_areGradedCorrectWhenTheySendTheReferenceAnswer() throws Exception {
    HttpRequest reference = warmUp.requests("http://127.0.0.1:" + port).stream()
        .filter(r -> r.method().equals("POST")).findFirst().orElseThrow();
    HttpResponse<String> response = HttpClient.newHttpClient().send(reference, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"verdict\":\"correct\"");
  }
}
