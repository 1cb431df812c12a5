package org.matrixcalculustutor.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class PagesTest {

  @Autowired
  MockMvc mvc;

  @Test
  void home_leadsToLessonsCalculatorAndExercises() throws Exception {
    mvc.perform(get("/")).andExpect(status().isOk())
        .andExpect(content().string(containsString("href=\"/lessons\"")))
        .andExpect(content().string(containsString("href=\"/calculator\"")))
        .andExpect(content().string(containsString("href=\"/exercises\"")));
  }

  @Test
  void pages_loadMathJaxFromTheAppNeverACdn() throws Exception {
    mvc.perform(get("/")).andExpect(content().string(containsString("/webjars/mathjax/")))
        .andExpect(content().string(containsString("es5/tex-chtml.js")))
        .andExpect(content().string(not(containsString("cdn"))));
  }

  @Test
  void mathJax_isServedByTheAppItself() throws Exception {
    mvc.perform(get("/webjars/mathjax/es5/tex-chtml.js")).andExpect(status().isOk());
  }

  @Test
  void calculator_escapesWhatAStudentTyped() throws Exception {
    mvc.perform(get("/calculator").param("expression", "<script>alert(1)</script>"))
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString("<script>alert(1)</script>"))))
        .andExpect(content().string(containsString("&lt;script&gt;")));
  }

  @Test
  void calculator_withoutJavaScriptComputesFromAPlainGet() throws Exception {
    mvc.perform(get("/calculator").param("expression", "tr(A*X*B)").param("variable", "X"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("A&#39;*B&#39;")));
  }

  @Test
  void unknownPage_isAFriendly404() throws Exception {
    mvc.perform(get("/no-such-page")).andExpect(status().isNotFound());
  }
}
