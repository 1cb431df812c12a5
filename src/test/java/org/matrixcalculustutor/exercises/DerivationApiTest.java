package org.matrixcalculustutor.exercises;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

/** The derivation API: lines checked one by one, the first wrong one diagnosed, the last read off. */
@SpringBootTest
@AutoConfigureMockMvc
class DerivationApiTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired
  MockMvc mvc;

  private ResultActions check(List<String> lines) throws Exception {
    String body = JSON.writeValueAsString(java.util.Map.of("expression", "x'*A*x", "variable", "x",
        "declarations", "A: matrix n x n\nx: vector n", "layout", "denominator", "lines", lines));
    return mvc.perform(post("/api/derivation/check").contentType(MediaType.APPLICATION_JSON).content(body));
  }

  private ResultActions attempt(String id, String json) throws Exception {
    return mvc.perform(post("/api/exercises/" + id + "/attempts").contentType(MediaType.APPLICATION_JSON)
        .content(json));
  }

  @Test
  void check_rightDerivationIsCorrectLineByLineAndReadOff() throws Exception {
    check(List.of("df = dx'*A*x + x'*A*dx", "= x'*A'*dx + x'*A*dx", "= x'*(A' + A)*dx", "= <(A + A')*x, dx>"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.verdict").value("correct"))
        .andExpect(jsonPath("$.firstError").value(nullValue()))
        .andExpect(jsonPath("$.lines.length()").value(4))
        .andExpect(jsonPath("$.lines[0].status").value("correct"))
        .andExpect(jsonPath("$.lines[0].latex").value(containsString("\\mathrm{d}")))
        .andExpect(jsonPath("$.lines[3].status").value("correct"))
        .andExpect(jsonPath("$.readOff.text").exists())
        .andExpect(jsonPath("$.diagnoses.length()").value(0));
  }

  @Test
  void check_lostTransposeIsTheFirstErrorWithItsRule() throws Exception {
    check(List.of("df = dx'*A*x + x'*A*dx", "= x'*A*dx + x'*A*dx", "= <2*A'*x, dx>"))
        .andExpect(jsonPath("$.verdict").value("incorrect"))
        .andExpect(jsonPath("$.firstError").value(1))
        .andExpect(jsonPath("$.lines[0].status").value("correct"))
        .andExpect(jsonPath("$.lines[1].status").value("incorrect"))
        .andExpect(jsonPath("$.lines[1].rule").value(containsString("its own transpose")))
        .andExpect(jsonPath("$.lines[1].ruleParts[0].math").value(false))
        .andExpect(jsonPath("$.lines[1].ruleParts[1].math").value(true))
        .andExpect(jsonPath("$.lines[1].position").value(6))
        .andExpect(jsonPath("$.diagnoses[0].code").value("TRANSPOSE_LOST"))
        .andExpect(jsonPath("$.diagnoses[0].line").value(1));
  }

  @Test
  void check_unfinishedRightDerivationIsIncompleteWithAHint() throws Exception {
    mvc.perform(post("/api/derivation/check").contentType(MediaType.APPLICATION_JSON).content(
            "{\"expression\":\"tr(A*X*B)\",\"variable\":\"X\",\"declarations\":\"A: matrix p x m\\nX: matrix m x n\\n"
                + "B: matrix n x p\",\"lines\":[\"df = tr(A*dX*B)\"]}"))
        .andExpect(jsonPath("$.verdict").value("incomplete"))
        .andExpect(jsonPath("$.readOff").value(nullValue()))
        .andExpect(jsonPath("$.hint").value(containsString("<G, dX>")));
  }

  @Test
  void check_unreadableLineIsInvalidWithItsPosition() throws Exception {
    check(List.of("df = dx'*A*x + x'*A*dx", "= (x'*A"))
        .andExpect(jsonPath("$.verdict").value("invalid"))
        .andExpect(jsonPath("$.firstError").value(1))
        .andExpect(jsonPath("$.lines[1].status").value("invalid"))
        .andExpect(jsonPath("$.lines[1].position").value(8));
  }

  @Test
  void check_lineNotLinearInTheDifferentialIsInvalid() throws Exception {
    check(List.of("df = dx'*A*dx"))
        .andExpect(jsonPath("$.lines[0].status").value("invalid"))
        .andExpect(jsonPath("$.lines[0].message").value(containsString("not linear in dx")));
  }

  @Test
  void check_moreThanFortyLinesIs400() throws Exception {
    check(Collections.nCopies(41, "= x'*(A + A')*dx")).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.error").value(containsString("at most 40 lines")));
  }

  @Test
  void check_lineLongerThanTheLimitIs400WithThePlace() throws Exception {
    check(List.of("df = dx'*A*x + x'*A*dx", "= " + "x".repeat(2100))).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.error").value(containsString("line 2 is 2102 characters long")))
        .andExpect(jsonPath("$.position").value(2001));
  }

  @Test
  void attempt_withLinesOnlyIsGradedByTheDerivationAndItsReadOff() throws Exception {
    attempt("quadratic-form", "{\"seed\":0,\"lines\":[\"df = dx'*A*x + x'*A*dx\",\"= <(A + A')*x, dx>\"]}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.verdict").value("correct"))
        .andExpect(jsonPath("$.answer.text").exists())
        .andExpect(jsonPath("$.derivation.verdict").value("correct"))
        .andExpect(jsonPath("$.derivation.lines[1].status").value("correct"));
  }

  @Test
  void attempt_withLinesBesideTheAnswerCarriesBoth() throws Exception {
    attempt("quadratic-form", "{\"seed\":0,\"answer\":\"2*A*x\",\"lines\":[\"df = dx'*A*x + x'*A*dx\","
        + "\"= 2*x'*A*dx\"]}")
        .andExpect(jsonPath("$.verdict").value("incorrect"))
        .andExpect(jsonPath("$.derivation.firstError").value(1))
        .andExpect(jsonPath("$.derivation.diagnoses[0].code").value("TRANSPOSE_LOST"))
        .andExpect(jsonPath("$.derivation.continuation").doesNotExist());
  }
}
