package org.matrixcalculustutor.exercises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.matrixcalculustutor.algebra.Limits;
import org.matrixcalculustutor.engine.Engine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * Grading never fails over HTTP either: generated answers sent to /api/check, to an exercise's
 * attempts and to its page get a graded answer or a clear 4xx, never a 5xx; so do problems sent to
 * /api/check that are themselves broken.
 */
@SpringBootTest
@AutoConfigureMockMvc
class GradingNeverFailsApiTest {

  static final long SEED = Long.getLong("gradingNeverFails.seed", 20_261_130L);

  @Autowired
  MockMvc mvc;

  @Autowired
  ExerciseBank bank;

  private final JsonMapper json = JsonMapper.builder().build();
  private final ExerciseChecker checker = new ExerciseChecker(new Engine(Limits.DEFAULT));
  private int address;

  private MockHttpServletResponse send(String path, Object body) throws Exception {
    String from = "10.9." + (address / 200) + "." + (address++ % 200); // under the per-address limit
    return mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body))
        .with(request -> {
          request.setRemoteAddr(from);
          return request;
        })).andReturn().getResponse();
  }

  @Test
  void generatedAnswers_getAGradeOrA4xxOverEveryRoute() throws Exception {
    Random random = new Random(SEED);
    List<Exercise> all = List.copyOf(bank.all());
    for (int i = 0; i < 3; i++) {
      Exercise exercise = all.get(random.nextInt(all.size()));
      Variant variant = checker.variant(exercise, 0);
      String expected = checker.expected(variant).text();
      List<String> answers = StudentAnswers.generate(random, variant, expected);
      java.util.Collections.shuffle(answers, random);
      for (String answer : answers.subList(0, Math.min(answers.size(), 24))) {
        String where = exercise.id() + " answering \"" + answer + "\"";
        MockHttpServletResponse check = send("/api/check", Map.of("expression", variant.function(),
            "variable", variant.variable(), "declarations", variant.declarations(), "layout", exercise.layout(),
            "answer", answer));
        assertThat(check.getStatus()).as("/api/check, %s: %s", where, check.getContentAsString()).isEqualTo(200);
        assertThat(json.readTree(check.getContentAsString()).get("verdict").asString()).as(where)
            .isIn("correct", "incorrect", "invalid");
        MockHttpServletResponse attempt = send("/api/exercises/" + exercise.id() + "/attempts",
            Map.of("answer", answer, "seed", 0));
        assertThat(attempt.getStatus()).as("attempts, %s: %s", where, attempt.getContentAsString()).isEqualTo(200);
        String from = "10.8." + (address / 200) + "." + (address++ % 200);
        int page = mvc.perform(post("/exercises/" + exercise.id()).with(csrf()).param("answer", answer)
            .param("seed", "0").with(request -> {
              request.setRemoteAddr(from);
              return request;
            })).andReturn().getResponse().getStatus();
        assertThat(page).as("the page, %s", where).isEqualTo(200);
      }
    }
  }

  @Test
  void brokenProblems_are400WithAMessage() throws Exception {
    Random random = new Random(SEED + 1);
    for (int i = 0; i < 60; i++) {
      String expression = i % 3 == 0 ? StudentAnswers.randomString(random, 1 + random.nextInt(20))
          : StudentAnswers.expression(random, List.of("X", "x", "A", "t"), 0);
      String variable = List.of("X", "x", "A", "t", "", "q", "X'", "\u0000").get(random.nextInt(8));
      String declarations = List.of("", "X: matrix m x n", "x: vector n\nA: matrix n x n spd", "t: scalar",
          "X: matrix 0 x 3", "A: nonsense", "x: vector n positive").get(random.nextInt(7));
      String layout = List.of("denominator", "numerator", "sideways", "").get(random.nextInt(4));
      MockHttpServletResponse check = send("/api/check", Map.of("expression", expression, "variable", variable,
          "declarations", declarations, "layout", layout, "answer", StudentAnswers.expression(random,
              List.of("X", "x", "A", "t"), 1)));
      assertThat(check.getStatus()).as("%s by %s with %s: %s", expression, variable, declarations,
          check.getContentAsString()).isIn(200, 400);
      assertThat(check.getContentAsString()).as(expression).isNotBlank();
    }
  }
}
