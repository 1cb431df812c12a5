package org.matrixcalculustutor.exercises;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@SpringBootTest
@AutoConfigureMockMvc
class ExerciseApiControllerTest {

  @Autowired
  MockMvc mvc;

  private ResultActions attempt(String id, String answer, long seed) throws Exception {
    return mvc.perform(post("/api/exercises/" + id + "/attempts").contentType(MediaType.APPLICATION_JSON)
        .content("{\"answer\":\"" + answer.replace("\"", "\\\"") + "\",\"seed\":" + seed + "}"));
  }

  @Test
  void exercises_listsTheBank() throws Exception {
    mvc.perform(get("/api/exercises")).andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(greaterThanOrEqualTo(40)))
        .andExpect(jsonPath("$[0].id").exists()).andExpect(jsonPath("$[0].hints").exists());
  }

  @Test
  void attempt_correctAnswerIsCorrectWithTheRouteThatDecided() throws Exception {
    attempt("quadratic-form", "A'*x + A*x", 0).andExpect(status().isOk())
        .andExpect(jsonPath("$.verdict").value("correct"))
        .andExpect(jsonPath("$.equivalence").value("symbolic"))
        .andExpect(jsonPath("$.expected.text").value("(A + A')*x"))
        .andExpect(jsonPath("$.expected.shape").value("n x 1"))
        .andExpect(jsonPath("$.steps[0].rule").value("the function"));
  }

  @Test
  void attempt_transposedAnswerIsDiagnosedAsLayout() throws Exception {
    attempt("bilinear-matrix", "v*u'", 0)
        .andExpect(jsonPath("$.verdict").value("incorrect"))
        .andExpect(jsonPath("$.diagnoses[0].code").value("LAYOUT"));
  }

  @Test
  void attempt_syntaxErrorIsInvalidWithItsPosition() throws Exception {
    attempt("quadratic-form", "(A + A'*x", 0).andExpect(status().isOk())
        .andExpect(jsonPath("$.verdict").value("invalid"))
        .andExpect(jsonPath("$.position").value(10))
        .andExpect(jsonPath("$.error").value(containsString("expected ')'")));
  }

  @Test
  void attempt_isGradedAgainstTheVariantOfItsSeed() throws Exception {
    attempt("quadratic-form", "(A + A')*x", 5).andExpect(jsonPath("$.seed").value(5))
        .andExpect(jsonPath("$.verdict").value("incorrect"));
  }

  @Test
  void attempt_onAnUnknownExerciseIs404Json() throws Exception {
    attempt("no-such-exercise", "x", 0).andExpect(status().isNotFound())
        .andExpect(jsonPath("$.error").value(containsString("no-such-exercise")));
  }

  @Test
  void check_gradesAnyProblem() throws Exception {
    mvc.perform(post("/api/check").contentType(MediaType.APPLICATION_JSON).content(
            "{\"expression\":\"x'*A*x\",\"variable\":\"x\",\"declarations\":\"\",\"layout\":\"numerator\","
                + "\"answer\":\"x'*(A + A')\"}"))
        .andExpect(jsonPath("$.verdict").value("correct"));
    mvc.perform(post("/api/check").contentType(MediaType.APPLICATION_JSON).content(
            "{\"expression\":\"x'*A*x\",\"variable\":\"x\",\"answer\":\"2*A*x\"}"))
        .andExpect(jsonPath("$.diagnoses[0].code").value("ASSUMED_SYMMETRIC"));
  }

  private org.springframework.test.web.servlet.ResultActions check(String expression, String variable,
      String declarations, String layout, int order, String answer) throws Exception {
    return mvc.perform(post("/api/check").contentType(MediaType.APPLICATION_JSON).content(
        "{\"expression\":\"" + expression + "\",\"variable\":\"" + variable + "\",\"declarations\":\""
            + declarations.replace("\n", "\\n") + "\",\"layout\":\"" + layout + "\",\"order\":" + order
            + ",\"answer\":\"" + answer + "\"}"));
  }

  @Test
  void check_gradesHessiansAndDiagnosesAnUnsymmetrisedOne() throws Exception {
    check("x'*A*x", "x", "A: matrix n x n\nx: vector n", "denominator", 2, "A + A'")
        .andExpect(jsonPath("$.verdict").value("correct"))
        .andExpect(jsonPath("$.expected.shape").value("n x n"));
    check("x'*A*x", "x", "A: matrix n x n\nx: vector n", "denominator", 2, "2*A")
        .andExpect(jsonPath("$.verdict").value("incorrect"))
        .andExpect(jsonPath("$.diagnoses[0].code").value("UNSYMMETRISED"))
        .andExpect(jsonPath("$.diagnoses[0].message").value(containsString("(B + B')/2")));
    check("tr(X'*A*X)", "X", "X: matrix m x n\nA: matrix m x m", "denominator", 2, "kron(I(n), A + A')")
        .andExpect(jsonPath("$.verdict").value("correct"));
    check("tr(X'*A*X)", "X", "X: matrix m x n\nA: matrix m x m", "denominator", 2, "kron(I, A) + kron(I, A')")
        .andExpect(jsonPath("$.verdict").value("correct"));
    check("tr(X'*A*X)", "X", "X: matrix m x n\nA: matrix m x m", "denominator", 2, "2*kron(I(n), A)")
        .andExpect(jsonPath("$.diagnoses[0].code").value("UNSYMMETRISED"));
  }

  @Test
  void check_gradesVecJacobiansWithKronCommutationAndVec() throws Exception {
    String declarations = "X: matrix m x n";
    check("X'*X", "X", declarations, "numerator", 1, "kron(X', I(n))*commutation(m, n) + kron(I(n), X')")
        .andExpect(jsonPath("$.verdict").value("correct"));
    check("X'", "X", declarations, "numerator", 1, "commutation(m, n)")
        .andExpect(jsonPath("$.verdict").value("correct"))
        .andExpect(jsonPath("$.equivalence").value("symbolic"));
    check("exp(X)", "X", declarations, "numerator", 1, "diag(vec(exp(X)))")
        .andExpect(jsonPath("$.verdict").value("correct"));
    check("A*X*B", "X", "A: matrix p x m\nX: matrix m x n\nB: matrix n x q", "numerator", 1, "kron(B, A')")
        .andExpect(jsonPath("$.verdict").value("incorrect"))
        .andExpect(jsonPath("$.diagnoses[0].code").value("LAYOUT"))
        .andExpect(jsonPath("$.diagnoses[0].message").value(containsString("vec Jacobian")));
    check("inv(X)", "X", "X: matrix n x n invertible", "denominator", 1, "-kron(inv(X)', inv(X))")
        .andExpect(jsonPath("$.verdict").value("incorrect"))
        .andExpect(jsonPath("$.diagnoses[0].code").value("LAYOUT"));
    check("A*X*B", "X", "A: matrix p x m\nX: matrix m x n\nB: matrix n x q", "numerator", 1, "kron(B, A)")
        .andExpect(jsonPath("$.verdict").value("incorrect"))
        .andExpect(jsonPath("$.diagnoses[0].code").value("SHAPE"))
        .andExpect(jsonPath("$.diagnoses[0].message").value(containsString("one row for each entry of vec(f)")));
  }

  @Test
  void check_withABadProblemIs400() throws Exception {
    mvc.perform(post("/api/check").contentType(MediaType.APPLICATION_JSON).content(
            "{\"expression\":\"tr(X\",\"variable\":\"X\",\"answer\":\"I\"}"))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.position").value(5));
  }
}
