package org.matrixcalculustutor.exercises;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** Shown work without JavaScript: the exercise form and the calculator link check it on the server. */
@SpringBootTest
@AutoConfigureMockMvc
class ShownWorkPageTest {

  static final String SLIP = "df = dx'*A*x + x'*A*dx\n= x'*A*dx + x'*A*dx\n= <2*A'*x, dx>";

  @Autowired
  MockMvc mvc;

  @Test
  void exerciseForm_withWorkOnlyMarksEachLineAndNamesTheSlip() throws Exception {
    mvc.perform(post("/exercises/quadratic-form").with(csrf()).param("action", "check").param("answer", "")
            .param("work", SLIP))
        .andExpect(status().isOk())
        .andExpect(content().string(allOf(containsString("id=\"work-feedback\""),
            containsString("id=\"work-line-1\" data-status=\"correct\""),
            containsString("id=\"work-line-2\" data-status=\"incorrect\""),
            containsString("Line 2 lost the transpose of A"), containsString("Not yet right"))));
  }

  @Test
  void exerciseForm_withRightWorkIsCorrectAndOffersTheNextExercise() throws Exception {
    mvc.perform(post("/exercises/quadratic-form").with(csrf()).param("action", "check").param("answer", "")
            .param("work", "df = dx'*A*x + x'*A*dx\n= <(A + A')*x, dx>"))
        .andExpect(content().string(allOf(containsString("Correct!"), containsString("id=\"next-exercise\""),
            containsString("id=\"work-readoff\""))));
  }

  @Test
  void exerciseForm_withAnOverlongLineSaysSoAndChecksNothingOfIt() throws Exception {
    mvc.perform(post("/exercises/quadratic-form").with(csrf()).param("action", "check").param("answer", "")
            .param("work", "df = " + "x".repeat(2100)))
        .andExpect(status().isOk())
        .andExpect(content().string(allOf(containsString("id=\"work-error\""),
            containsString("line 1 is 2105 characters long"), not(containsString("id=\"work-feedback\"")))));
  }

  @Test
  void calculatorLink_withWorkShowsTheMarksAndTheEnginesDerivationFromTheLastRightLine() throws Exception {
    mvc.perform(get("/calculator").param("expression", "x'*A*x").param("variable", "x")
            .param("declarations", "A: matrix n x n\nx: vector n").param("work", SLIP))
        .andExpect(status().isOk())
        .andExpect(content().string(allOf(containsString("id=\"work-feedback\""),
            containsString("data-status=\"incorrect\""), containsString("Line 2 lost the transpose of A"),
            containsString("id=\"continuation-title\""))));
  }

  @Test
  void calculatorLink_withTooManyLinesSaysSo() throws Exception {
    mvc.perform(get("/calculator").param("expression", "x'*A*x").param("variable", "x")
            .param("work", String.join("\n", Collections.nCopies(41, "= x'*(A + A')*dx"))))
        .andExpect(status().isOk())
        .andExpect(content().string(allOf(containsString("id=\"work-error\""), containsString("at most 40 lines"))));
  }
}
