package org.matrixcalculustutor.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.matrixcalculustutor.algebra.Limits;
import org.matrixcalculustutor.engine.Engine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The limits are configuration: tutor.limits.* reach the engine and the body-size cap, each with a test. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "tutor.limits.max-input-length=40",
    "tutor.limits.max-nesting-depth=4",
    "tutor.limits.max-matrix-size=3",
    "tutor.limits.max-body-bytes=1000"})
@ExtendWith(OutputCaptureExtension.class)
class ApiLimitsTest {

  static final int BODY_LIMIT = 1000;

  @LocalServerPort
  int port;

  @Autowired
  Engine engine;

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private HttpResponse<String> post(String path, HttpRequest.BodyPublisher body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Content-Type", "application/json").POST(body).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> validate(String text, String declarations) throws Exception {
    return post("/api/validate", HttpRequest.BodyPublishers.ofString("{\"text\":\"" + text + "\",\"declarations\":\""
        + declarations + "\"}"));
  }

  @Test
  void engineBean_hasTheConfiguredLimits() {
    assertThat(engine.limits()).isEqualTo(new Limits(40, 4, 3));
  }

  @Nested
  class EngineLimits {

    @Test
    void inputLongerThanTheConfiguredLength_is400() throws Exception {
      HttpResponse<String> response = validate("x" + "+x".repeat(20), "");
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.body()).contains("the limit is 40");
    }

    @Test
    void nestingDeeperThanConfigured_is400() throws Exception {
      assertThat(validate("((((x))))", "").statusCode()).isEqualTo(200);
      HttpResponse<String> response = validate("(((((x)))))", "");
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.body()).contains("nests deeper");
    }

    @Test
    void matrixLargerThanConfigured_is400() throws Exception {
      assertThat(validate("tr(X)", "X: matrix 3 x 3").statusCode()).isEqualTo(200);
      HttpResponse<String> response = validate("tr(X)", "X: matrix 4 x 4");
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.body()).contains("1..3");
    }
  }

  @Nested
  class BodySize {

    private final String tooLarge = "{\"text\":\"" + "x".repeat(BODY_LIMIT) + "\"}";

    @Test
    void bodyAnnouncedLargerThanTheLimit_is400JsonBeforeItIsRead() throws Exception {
      HttpResponse<String> response = post("/api/validate", HttpRequest.BodyPublishers.ofString(tooLarge));
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
          .startsWith("application/json"));
      assertThat(response.body()).contains("\"error\":\"the request body is larger than 1000 bytes\"");
      assertThat(response.headers().firstValue("Server-Timing")).hasValue("engine;dur=0.000");
    }

    @Test
    void chunkedBodyLargerThanTheLimit_is400AsWell() throws Exception {
      byte[] bytes = tooLarge.getBytes(StandardCharsets.UTF_8);
      HttpResponse<String> response = post("/api/derivative",
          HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)));
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.body()).contains("\"error\":\"the request body is larger than 1000 bytes\"");
      assertThat(response.headers().firstValue("Server-Timing")).isPresent();
    }

    /** Tomcat refuses more than 1,000 by throwing, which logged a 20 KB stack trace per request. */
    @Test
    void aQueryWithThousandsOfParameters_is400BeforeTheContainerParsesIt(CapturedOutput output) throws Exception {
      String query = "p=" + String.join("&p=", java.util.Collections.nCopies(5_000, "1"));
      for (String path : List.of("/calculator?", "/api/validate?")) {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path
            + query)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(400);
      }
      assertThat(output.getAll()).doesNotContain("InvalidParameterException");
      HttpResponse<String> few = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
          + "/calculator?expression=x%27*x&variable=x")).GET().build(), HttpResponse.BodyHandlers.ofString());
      assertThat(few.statusCode()).isEqualTo(200);
    }

    @Test
    void chunkedBodyWithinTheLimit_isRead() throws Exception {
      byte[] bytes = "{\"text\":\"x'*x\"}".getBytes(StandardCharsets.UTF_8);
      HttpResponse<String> response = post("/api/validate",
          HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)));
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).contains("\"shape\":\"1 x 1\"");
    }
  }
}
