package org.matrixcalculustutor.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.matrixcalculustutor.exercises.ExerciseBank;
import org.matrixcalculustutor.exercises.ExerciseChecker;
import org.matrixcalculustutor.exercises.Learners;
import org.matrixcalculustutor.exercises.SolutionRule;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Solutions are a decision of the class: shown only on request and when its rule allows, recorded
 * with the student's attempts and shown in the gradebook. Shape slips count where the class goes
 * wrong, not as attempts. A student's pages follow the course and speak in words.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SolutionsAndSlipsTest {

  @Autowired
  MockMvc mvc;

  @Autowired
  ClassroomService classrooms;

  @Autowired
  ExerciseChecker checker;

  @Autowired
  ExerciseBank bank;

  private Classroom newClass(SolutionRule rule, String... exercises) {
    return classrooms.createClass("teacher", "Solutions " + System.nanoTime(), List.of(exercises), null, null, rule);
  }

  private Cookie join(Classroom classroom, String name) throws Exception {
    return mvc.perform(post("/join").with(csrf()).param("code", classroom.getJoinCode()).param("name", name))
        .andExpect(redirectedUrl("/me")).andReturn().getResponse().getCookie(StudentCookie.NAME);
  }

  private Student student(Cookie cookie) {
    return classrooms.byToken(cookie.getValue()).orElseThrow();
  }

  private String rightAnswer(Cookie cookie, String exercise) {
    Student s = student(cookie);
    long seed = new Learners.Learner(s.getId(), s.getDisplayName()).seedFor(exercise);
    return checker.expected(checker.variant(bank.find(exercise).orElseThrow(), seed)).text();
  }

  private String act(Cookie student, String exercise, String action, String answer) throws Exception {
    return mvc.perform(post("/exercises/" + exercise).with(csrf()).cookie(student).param("action", action)
        .param("answer", answer)).andReturn().getResponse().getContentAsString();
  }

  /** One of the class's CSV exports, as the teacher downloads it. */
  private String csv(Classroom classroom, String name) throws Exception {
    return mvc.perform(get("/teacher/classes/" + classroom.getId() + "/" + name + ".csv")
        .with(user("teacher").roles("TEACHER"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
  }

  private Gradebook.Cell cell(Classroom classroom, String exercise) {
    Gradebook book = classrooms.gradebook(classrooms.classOf("teacher", classroom.getId()));
    return book.rows().get(0).cells().stream().filter(c -> c.exerciseId().equals(exercise)).findFirst().orElseThrow();
  }

  @Nested
  class Solutions {

    @Test
    void afterTwoWrongAttempts_theSolutionOpensOnRequestAndTheGradebookSaysItWasSeen() throws Exception {
      Classroom classroom = newClass(new SolutionRule(SolutionRule.When.AFTER_WRONG_ATTEMPTS, 2), "least-squares");
      Cookie ada = join(classroom, "Ada");
      String wrong = "2*(" + rightAnswer(ada, "least-squares") + ")";

      assertThat(act(ada, "least-squares", "check", wrong)).contains("Not yet right")
          .contains("Your class shows the solution after 2 wrong attempts; you have made 1.")
          .doesNotContain("id=\"solution-button\"");
      assertThat(act(ada, "least-squares", "solution", wrong)).doesNotContain("id=\"solution\"");
      assertThat(cell(classroom, "least-squares").solutionViewed()).isFalse();

      assertThat(act(ada, "least-squares", "check", wrong)).contains("id=\"solution-button\"");
      assertThat(act(ada, "least-squares", "solution", wrong)).contains("id=\"solution\"").contains("The solution");
      assertThat(cell(classroom, "least-squares").solutionViewed()).isTrue();
      assertThat(cell(classroom, "least-squares").solvedAfterSolution()).isFalse();

      act(ada, "least-squares", "check", rightAnswer(ada, "least-squares"));
      Gradebook.Cell solved = cell(classroom, "least-squares");
      assertThat(solved.solved()).isTrue();
      assertThat(solved.solvedAfterSolution()).isTrue();
      assertThat(classrooms.attemptsOf(student(ada))).extracting(Attempt::isSolutionViewed)
          .containsExactlyInAnyOrder(false, false, true);
      String gradebook = mvc.perform(get("/teacher/classes/" + classroom.getId()).with(user("teacher").roles("TEACHER")))
          .andReturn().getResponse().getContentAsString();
      assertThat(gradebook).contains("solved after viewing the solution");
      assertThat(csv(classroom, "attempts")).as("the attempt log marks the attempt made after the solution")
          .containsOnlyOnce(",yes,");
      assertThat(csv(classroom, "gradebook")).contains("solved after viewing the solution");
      assertThat(mvc.perform(get("/me").cookie(ada)).andReturn().getResponse().getContentAsString())
          .contains("solved after viewing the solution").contains("after viewing the solution");
    }

    @Test
    void onlyAfterSolving_keepsTheSolutionClosedWhateverTheAttempts() throws Exception {
      Classroom classroom = newClass(new SolutionRule(SolutionRule.When.AFTER_SOLVING, 3), "trace");
      Cookie bo = join(classroom, "Bo");
      for (int i = 0; i < 4; i++) {
        act(bo, "trace", "check", "2*I");
      }
      assertThat(act(bo, "trace", "solution", "2*I")).doesNotContain("id=\"solution\"")
          .contains("once you have solved the exercise");
      assertThat(act(bo, "trace", "check", "I")).contains("Correct!").contains("id=\"solution\"");
      assertThat(cell(classroom, "trace").solutionViewed()).as("the derivation after solving is no reveal").isFalse();
    }

    @Test
    void overTheApi_theSolutionComesOnlyWhenAskedAndAllowed() throws Exception {
      Classroom classroom = newClass(new SolutionRule(SolutionRule.When.AFTER_WRONG_ATTEMPTS, 1), "trace");
      Cookie cy = join(classroom, "Cy");
      String ask = "{\"answer\":\"2*I\",\"showSolution\":true}";
      mvc.perform(post("/api/exercises/trace/attempts").cookie(cy).contentType(MediaType.APPLICATION_JSON)
              .content("{\"answer\":\"2*I\"}"))
          .andExpect(jsonPath("$.expected").doesNotExist()).andExpect(jsonPath("$.expectedShape").value("n x n"));
      mvc.perform(post("/api/exercises/trace/attempts").cookie(cy).contentType(MediaType.APPLICATION_JSON).content(ask))
          .andExpect(jsonPath("$.expected.text").value("I(n)")).andExpect(jsonPath("$.steps[0].rule").exists());
      assertThat(cell(classroom, "trace").solutionViewed()).isTrue();
    }

    @Test
    void theTeacher_setsTheRuleOfAClass() throws Exception {
      Classroom classroom = newClass(SolutionRule.DEFAULT, "trace");
      mvc.perform(post("/teacher/classes/" + classroom.getId() + "/solutions").with(csrf())
              .with(user("teacher").roles("TEACHER")).param("solutions", "after-solving"))
          .andExpect(redirectedUrl("/teacher/classes/" + classroom.getId()));
      assertThat(classrooms.classOf("teacher", classroom.getId()).getSolutionRule().when())
          .isEqualTo(SolutionRule.When.AFTER_SOLVING);
      mvc.perform(post("/teacher/classes/" + classroom.getId() + "/solutions").with(csrf())
          .with(user("teacher").roles("TEACHER")).param("solutions", "after-wrong-attempts").param("wrongAttempts", "0"));
      assertThat(classrooms.classOf("teacher", classroom.getId()).getSolutionRule().when())
          .as("a rule out of bounds changes nothing").isEqualTo(SolutionRule.When.AFTER_SOLVING);
      String created = mvc.perform(post("/teacher/classes").with(csrf()).with(user("teacher").roles("TEACHER"))
              .param("name", "Created with a rule").param("exercise", "trace").param("solutions", "always"))
          .andReturn().getResponse().getRedirectedUrl();
      long id = Long.parseLong(created.substring(created.lastIndexOf('/') + 1));
      assertThat(classrooms.classOf("teacher", id).getSolutionRule().when()).isEqualTo(SolutionRule.When.ALWAYS);
    }
  }

  @Nested
  class SavingTheRule {

    @Test
    void theTeacher_isToldTheRuleIsSavedBesideTheForm() throws Exception {
      Classroom classroom = newClass(SolutionRule.DEFAULT, "trace");
      var saved = mvc.perform(post("/teacher/classes/" + classroom.getId() + "/solutions").with(csrf())
              .with(user("teacher").roles("TEACHER")).param("solutions", "after-solving"))
          .andExpect(redirectedUrl("/teacher/classes/" + classroom.getId())).andReturn();
      // the redirect, followed in the same session (which holds the flash message)
      String page = mvc.perform(get("/teacher/classes/" + classroom.getId()).with(user("teacher").roles("TEACHER"))
          .cookie(saved.getResponse().getCookie("SESSION"))).andReturn().getResponse()
          .getContentAsString(StandardCharsets.UTF_8);
      String form = page.substring(page.indexOf("id=\"solution-rule\""));
      form = form.substring(0, form.indexOf("</form>"));
      assertThat(form).contains("id=\"solution-saved\"").contains("Saved: students may see solutions only after solving.")
          .contains("autofocus");
      String later = mvc.perform(get("/teacher/classes/" + classroom.getId()).with(user("teacher").roles("TEACHER")))
          .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
      assertThat(later).as("said once, after saving").doesNotContain("id=\"solution-saved\"");
    }
  }

  @Nested
  class Slips {

    @Test
    void aForgottenTranspose_isNoAttemptButCountsWhereTheClassGoesWrong() throws Exception {
      Classroom classroom = newClass(SolutionRule.DEFAULT, "bilinear-vector", "trace");
      Cookie di = join(classroom, "Di");
      String right = rightAnswer(di, "bilinear-vector"); // A'*u with the variant's names
      String slip = right.replace("'", "");
      assertThat(act(di, "bilinear-vector", "check", slip)).contains("The shapes do not fit").contains("did you mean");
      mvc.perform(post("/api/exercises/bilinear-vector/attempts").cookie(di).contentType(MediaType.APPLICATION_JSON)
              .content("{\"answer\":\"" + slip + "\"}"))
          .andExpect(jsonPath("$.verdict").value("invalid")).andExpect(jsonPath("$.suggestion").value(right));
      assertThat(cell(classroom, "bilinear-vector").attempts()).isZero();
      Gradebook book = classrooms.gradebook(classrooms.classOf("teacher", classroom.getId()));
      assertThat(book.shapeSlips()).containsEntry("bilinear-vector", 2L).containsEntry("trace", 0L);
      String page = mvc.perform(get("/teacher/classes/" + classroom.getId()).with(user("teacher").roles("TEACHER")))
          .andReturn().getResponse().getContentAsString();
      assertThat(page).contains("2 answers one transpose away");
      assertThat(csv(classroom, "diagnoses")).contains(",bilinear-vector,one transpose away (shapes did not fit; "
          + "not an attempt),2\r\n").doesNotContain(",trace,one transpose away");
      act(di, "bilinear-vector", "check", "(u");
      assertThat(classrooms.gradebook(classrooms.classOf("teacher", classroom.getId())).shapeSlips())
          .as("a syntax error is no slip").containsEntry("bilinear-vector", 2L);
    }
  }

  @Nested
  class StudentPages {

    @Test
    void me_followsTheCourseWithChaptersAsLinksAndDiagnosesInWords() throws Exception {
      Classroom classroom = newClass(SolutionRule.DEFAULT, "softmax-regression", "quadratic-form", "trace-inverse");
      Cookie ed = join(classroom, "Ed");
      act(ed, "quadratic-form", "check", "2*(" + rightAnswer(ed, "quadratic-form") + ")");
      String me = mvc.perform(get("/me").cookie(ed)).andReturn().getResponse().getContentAsString();
      int vectors = me.indexOf("3. Derivatives with vectors");
      int differentials = me.indexOf("5. The differential method");
      int learning = me.indexOf("7. Machine-learning examples");
      assertThat(vectors).isPositive().isLessThan(differentials);
      assertThat(differentials).isLessThan(learning);
      assertThat(me).contains("href=\"/lessons/vectors\"").contains("off by a constant factor")
          .doesNotContain(">FACTOR<");
      Student s = student(ed);
      String title = checker.variant(bank.find("quadratic-form").orElseThrow(),
          new Learners.Learner(s.getId(), s.getDisplayName()).seedFor("quadratic-form")).title().plain();
      assertThat(me).as("the history names the student's own variant").contains(">" + title.replace("'", "&#39;") + "<");
    }

    @Test
    void exercises_marksWhatIsAssignedAttemptedAndSolved() throws Exception {
      Classroom classroom = newClass(SolutionRule.DEFAULT, "trace", "trace-ax");
      Cookie fay = join(classroom, "Fay");
      act(fay, "trace", "check", "I");
      act(fay, "trace-ax", "check", "I");
      String list = mvc.perform(get("/exercises").cookie(fay)).andReturn().getResponse().getContentAsString();
      assertThat(list).contains("id=\"class-marks\"");
      String trace = list.substring(list.indexOf("id=\"exercise-trace\""), list.indexOf("id=\"exercise-trace-ax\""));
      assertThat(trace).contains("mark assigned").contains("mark solved").doesNotContain("mark attempted");
      String traceAx = list.substring(list.indexOf("id=\"exercise-trace-ax\""));
      traceAx = traceAx.substring(0, traceAx.indexOf("</li>"));
      assertThat(traceAx).contains("mark assigned").contains("mark attempted");
    }

    @Test
    void afterACorrectAnswer_theNextIsTheNextAssignedExerciseNotYetSolved() throws Exception {
      Classroom classroom = newClass(SolutionRule.DEFAULT, "trace", "least-squares", "trace-ax");
      Cookie gus = join(classroom, "Gus");
      act(gus, "least-squares", "check", rightAnswer(gus, "least-squares"));
      assertThat(act(gus, "trace", "check", "I")).contains("href=\"/exercises/trace-ax\"");
    }
  }
}
