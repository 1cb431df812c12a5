package org.matrixcalculustutor.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.matrixcalculustutor.exercises.ExerciseBank;
import org.matrixcalculustutor.exercises.ExerciseChecker;
import org.matrixcalculustutor.exercises.Learners;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@SpringBootTest
@AutoConfigureMockMvc
class ClassroomTest {

  @Autowired
  MockMvc mvc;

  @Autowired
  ClassroomService classrooms;

  @Autowired
  ExerciseChecker checker;

  @Autowired
  ExerciseBank bank;

  /** The right answer to the student's own variant, as the engine derives it. */
  private String rightAnswer(Cookie student, String exercise) {
    Student s = classrooms.byToken(student.getValue()).orElseThrow();
    long seed = new Learners.Learner(s.getId(), s.getDisplayName()).seedFor(exercise);
    return checker.expected(checker.variant(bank.find(exercise).orElseThrow(), seed)).text();
  }

  /** Twice the right answer: wrong by a factor. */
  private String factorTwo(Cookie student, String exercise) {
    return "2*(" + rightAnswer(student, exercise) + ")";
  }

  private Classroom newClass() {
    return classrooms.createClass("teacher", "Linear algebra 2", List.of("quadratic-form", "trace-axb"));
  }

  private Cookie join(Classroom classroom, String name) throws Exception {
    MvcResult result = mvc.perform(post("/join").with(csrf()).param("code", classroom.getJoinCode())
            .param("name", name))
        .andExpect(redirectedUrl("/me")).andReturn();
    return result.getResponse().getCookie(StudentCookie.NAME);
  }

  private void attempt(Cookie student, String exercise, String answer) throws Exception {
    mvc.perform(post("/api/exercises/" + exercise + "/attempts").cookie(student)
            .contentType(MediaType.APPLICATION_JSON).content("{\"answer\":\"" + answer.replace("\"", "\\\"") + "\"}"))
        .andExpect(status().isOk());
  }

  @Nested
  class Joining {

    @Test
    void joinCode_isTenCharactersFromAnUnambiguousAlphabet() {
      String code = newClass().getJoinCode();
      assertThat(code).hasSize(10).matches("[" + Tokens.CODE_ALPHABET + "]+");
    }

    @Test
    void join_setsALongLivedHttpOnlyCookieThatBringsTheStudentBack() throws Exception {
      Cookie cookie = join(newClass(), "Ada");
      assertThat(cookie.getMaxAge()).isGreaterThan(300 * 24 * 3600);
      assertThat(cookie.isHttpOnly()).isTrue();
      mvc.perform(get("/me").cookie(cookie)).andExpect(status().isOk())
          .andExpect(content().string(containsString("Ada")))
          .andExpect(content().string(containsString("3. Derivatives with vectors")))
          .andExpect(content().string(containsString("0 of 1 solved")));
    }

    @Test
    void join_withAWrongCodeSaysSoAndSetsNoCookie() throws Exception {
      mvc.perform(post("/join").with(csrf()).param("code", "NOPE2345XY").param("name", "Bo"))
          .andExpect(status().isOk()).andExpect(content().string(containsString("No class has the code")))
          .andExpect(header().doesNotExist("Set-Cookie"));
    }

    @Test
    void anonymousPractice_staysPossibleAndIsNotStored() throws Exception {
      mvc.perform(get("/exercises/quadratic-form")).andExpect(status().isOk());
      mvc.perform(post("/api/exercises/quadratic-form/attempts").contentType(MediaType.APPLICATION_JSON)
          .content("{\"answer\":\"2*A*x\"}")).andExpect(jsonPath("$.verdict").value("incorrect"));
      mvc.perform(get("/api/me/attempts")).andExpect(status().isUnauthorized());
      mvc.perform(get("/me")).andExpect(redirectedUrl("/join"));
    }
  }

  @Nested
  class Attempts {

    @Test
    void everyGradedAttemptIsStoredWithVerdictAndDiagnosis() throws Exception {
      Cookie ada = join(newClass(), "Ada");
      attempt(ada, "quadratic-form", factorTwo(ada, "quadratic-form"));
      attempt(ada, "quadratic-form", rightAnswer(ada, "quadratic-form"));
      attempt(ada, "quadratic-form", "(A + ");
      mvc.perform(get("/api/me/attempts").cookie(ada)).andExpect(status().isOk())
          .andExpect(jsonPath("$.length()").value(2))
          .andExpect(jsonPath("$[0].verdict").value("correct"))
          .andExpect(jsonPath("$[1].diagnoses[0]").value("FACTOR"))
          .andExpect(jsonPath("$[1].answer").value(factorTwo(ada, "quadratic-form")));
    }

    @Test
    void aStudentGetsTheirOwnVariantOfAnExercise() throws Exception {
      Cookie ada = join(newClass(), "Ada");
      mvc.perform(post("/api/exercises/quadratic-form/attempts").cookie(ada).contentType(MediaType.APPLICATION_JSON)
          .content("{\"answer\":\"x\",\"seed\":0}")).andExpect(jsonPath("$.seed").value(org.hamcrest.Matchers.not(0)));
    }

    @Test
    void aStudentsRequestForAnotherStudentsAttemptsIs403() throws Exception {
      Classroom classroom = newClass();
      Cookie ada = join(classroom, "Ada");
      Cookie bo = join(classroom, "Bo");
      attempt(ada, "quadratic-form", factorTwo(ada, "quadratic-form"));
      long adaId = classrooms.byToken(ada.getValue()).orElseThrow().getId();
      mvc.perform(get("/api/students/" + adaId + "/attempts").cookie(bo)).andExpect(status().isForbidden());
      mvc.perform(get("/api/students/" + adaId + "/attempts")).andExpect(status().isForbidden());
      mvc.perform(get("/api/students/" + adaId + "/attempts").cookie(ada)).andExpect(status().isOk());
      mvc.perform(get("/api/students/" + adaId + "/attempts").with(user("teacher").roles("TEACHER")))
          .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(1));
    }
  }

  @Nested
  class Teachers {

    @Test
    void teacherPageWithoutSignIn_redirectsToSignIn() throws Exception {
      mvc.perform(get("/teacher")).andExpect(status().is3xxRedirection())
          .andExpect(redirectedUrl("/login"));
      mvc.perform(get("/teacher/classes/1/gradebook.csv")).andExpect(status().is3xxRedirection());
    }

    @Test
    void formPostWithoutTheCsrfToken_fails() throws Exception {
      mvc.perform(post("/join").param("code", "X").param("name", "Y")).andExpect(status().isForbidden());
      mvc.perform(post("/teacher/classes").with(user("teacher").roles("TEACHER")).param("name", "x"))
          .andExpect(status().isForbidden());
    }

    @Test
    void signIn_withTheConfiguredPasswordLeadsToTheClasses() throws Exception {
      mvc.perform(post("/login").with(csrf()).param("username", "teacher").param("password", "test-password"))
          .andExpect(redirectedUrl("/teacher"));
      mvc.perform(post("/login").with(csrf()).param("username", "teacher").param("password", "wrong"))
          .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void createClass_givesAJoinCodeAndAGradebook() throws Exception {
      MvcResult created = mvc.perform(post("/teacher/classes").with(csrf()).with(user("teacher").roles("TEACHER"))
              .param("name", "Optimisation").param("exercise", "trace-ax", "logsumexp"))
          .andExpect(status().is3xxRedirection()).andReturn();
      mvc.perform(get(created.getResponse().getRedirectedUrl()).with(user("teacher").roles("TEACHER")))
          .andExpect(status().isOk()).andExpect(content().string(containsString("Optimisation")))
          .andExpect(content().string(containsString("join-code")));
    }

    @Test
    void gradebookAndItsCsv_showSolvedAttemptsAndCommonDiagnoses() throws Exception {
      Classroom classroom = newClass();
      Cookie ada = join(classroom, "Ada");
      attempt(ada, "quadratic-form", factorTwo(ada, "quadratic-form"));
      attempt(ada, "quadratic-form", rightAnswer(ada, "quadratic-form"));
      attempt(ada, "trace-axb", "(" + rightAnswer(ada, "trace-axb") + ")'");
      String csv = mvc.perform(get("/teacher/classes/" + classroom.getId() + "/gradebook.csv")
              .with(user("teacher").roles("TEACHER")))
          .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
      // one row per student, a column per exercise (it used to be one row per student and exercise)
      assertThat(csv.split("\r\n")).hasSize(2)
          .anyMatch(line -> line.endsWith("The quadratic form x'Ax,The trace tr(AXB)"))
          .anyMatch(line -> line.startsWith("Ada,,1,3,") && line.endsWith(",solved,not yet"));
      String diagnoses = mvc.perform(get("/teacher/classes/" + classroom.getId() + "/diagnoses.csv")
              .with(user("teacher").roles("TEACHER"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
      assertThat(diagnoses).contains("The quadratic form x'Ax,quadratic-form,off by a constant factor,1")
          .contains("The trace tr(AXB),trace-axb,other layout (transposed),1");
    }

    @Test
    void anotherTeachersClass_isNotFound() throws Exception {
      Classroom classroom = newClass();
      mvc.perform(get("/teacher/classes/" + classroom.getId()).with(user("someone-else").roles("TEACHER")))
          .andExpect(status().isNotFound());
    }

    @Test
    void reentryLink_bringsAStudentBackOnANewDeviceAndKeepsTheOldOneSignedIn() throws Exception {
      Classroom classroom = newClass();
      Cookie ada = join(classroom, "Ada");
      long adaId = classrooms.byToken(ada.getValue()).orElseThrow().getId();
      MvcResult issued = mvc.perform(post("/teacher/students/" + adaId + "/reentry").with(csrf())
          .with(user("teacher").roles("TEACHER"))).andReturn();
      String path = (String) issued.getFlashMap().get("reentryPath");
      // opening the link only asks; the button posts
      mvc.perform(get(path)).andExpect(status().isOk()).andExpect(content().string(containsString("Continue as Ada")))
          .andExpect(cookie().doesNotExist(StudentCookie.NAME));
      Cookie fresh = mvc.perform(post(path).with(csrf())).andExpect(redirectedUrl("/me")).andReturn().getResponse()
          .getCookie(StudentCookie.NAME);
      mvc.perform(get("/me").cookie(fresh)).andExpect(content().string(containsString("Ada")));
      // a new link signs none of the student's other browsers out (it used to replace the old cookie)
      mvc.perform(get("/api/me/attempts").cookie(ada)).andExpect(status().isOk());
    }
  }

  @Nested
  class Operations {

    @Test
    void health_isUp() throws Exception {
      mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
      mvc.perform(get("/actuator/info")).andExpect(status().isOk());
    }
  }
}
