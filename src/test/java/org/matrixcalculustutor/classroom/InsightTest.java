package org.matrixcalculustutor.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.matrixcalculustutor.exercises.ExerciseBank;
import org.matrixcalculustutor.exercises.ExerciseChecker;
import org.matrixcalculustutor.grading.DiagnosisCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** What a teacher reads about answers: per student, per exercise, in words and typeset. */
@SpringBootTest
@AutoConfigureMockMvc
class InsightTest {

  static final RequestPostProcessor TEACHER = user("teacher").roles("TEACHER");

  @Autowired
  MockMvc mvc;

  @Autowired
  ClassroomService classrooms;

  @Autowired
  ExerciseChecker checker;

  @Autowired
  ExerciseBank bank;

  @Autowired
  Insight insight;

  private Cookie join(Classroom classroom, String name) throws Exception {
    return mvc.perform(post("/join").with(csrf()).param("code", classroom.getJoinCode()).param("name", name))
        .andExpect(redirectedUrl("/me")).andReturn().getResponse().getCookie(StudentCookie.NAME);
  }

  private Student student(Cookie cookie) {
    return classrooms.byToken(cookie.getValue()).orElseThrow();
  }

  /** The engine's answer to this student's own variant. */
  private String right(Cookie cookie, String exercise) {
    return VariantAnswers.right(classrooms, checker, bank, cookie, exercise);
  }

  private void attempt(Cookie student, String exercise, String answer) throws Exception {
    mvc.perform(post("/api/exercises/" + exercise + "/attempts").cookie(student).contentType(MediaType.APPLICATION_JSON)
        .content("{\"answer\":\"" + answer + "\"}")).andExpect(status().isOk());
  }

  private String page(String path) throws Exception {
    return mvc.perform(get(path).with(TEACHER)).andExpect(status().isOk()).andReturn().getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  @Test
  void aStudentsPage_showsEveryAttemptTypesetWithVerdictAndDiagnosisInWords() throws Exception {
    Classroom classroom = classrooms.createClass("teacher", "Insight", List.of("quadratic-form", "trace-axb"));
    Cookie ada = join(classroom, "Ada");
    attempt(ada, "quadratic-form", "-(" + right(ada, "quadratic-form") + ")");
    attempt(ada, "quadratic-form", right(ada, "quadratic-form"));
    attempt(ada, "trace-axb", "(" + right(ada, "trace-axb") + ")'");

    String html = page("/teacher/students/" + student(ada).getId());
    assertThat(html).contains("3 attempts, 1 exercise solved")
        .contains("The quadratic form x&#39;Ax").contains("The trace tr(AXB)")
        .contains(DiagnosisCode.SIGN.title()).contains(DiagnosisCode.LAYOUT.title())
        .doesNotContain(">SIGN<").doesNotContain(">LAYOUT<")
        .contains("class=\"math answer-math\"").contains("\\(").contains("correct");
    // the typed text is there too, under the typeset answer
    assertThat(html).contains(org.springframework.web.util.HtmlUtils.htmlEscape(right(ada, "quadratic-form")));
    // times to the second, in the class's zone
    assertThat(html).containsPattern("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
  }

  @Test
  void aStudentsPage_marksTheAttemptMadeAfterViewingTheSolution() throws Exception {
    Classroom classroom = classrooms.createClass("teacher", "Peeking", List.of("trace"), null, null,
        new org.matrixcalculustutor.exercises.SolutionRule(org.matrixcalculustutor.exercises.SolutionRule.When.ALWAYS, 3));
    Cookie ada = join(classroom, "Ada");
    attempt(ada, "trace", "2*I");
    mvc.perform(post("/api/exercises/trace/attempts").cookie(ada).contentType(MediaType.APPLICATION_JSON)
        .content("{\"answer\":\"2*I\",\"showSolution\":true}")).andExpect(status().isOk());
    attempt(ada, "trace", "I");
    List<Attempt> stored = classrooms.attemptsOf(student(ada)); // newest first
    Attempt after = stored.get(0);
    Attempt before = stored.get(stored.size() - 1);
    assertThat(after.isSolutionViewed()).isTrue();
    assertThat(before.isSolutionViewed()).isFalse();

    String html = page("/teacher/students/" + student(ada).getId());
    // the same mark as the gradebook's "solved after viewing the solution" and the attempt log's "yes"
    assertThat(html).contains("<th>Solution seen before</th>").doesNotContain("not recorded");
    assertThat(row(html, after.getId())).contains("data-label=\"Solution seen before\">yes</td>");
    assertThat(row(html, before.getId())).contains("data-label=\"Solution seen before\"></td>");
    assertThat(page("/teacher/classes/" + classroom.getId())).contains("solved after viewing the solution");
  }

  /** The table row of one attempt on a student's page. */
  private static String row(String html, long attemptId) {
    String from = html.substring(html.indexOf("data-attempt=\"" + attemptId + "\""));
    return from.substring(0, from.indexOf("</tr>"));
  }

  @Test
  void anExercisesPage_groupsTheClassesAnswersByDiagnosisInTheExercisesOwnSymbols() throws Exception {
    Classroom classroom = classrooms.createClass("teacher", "Grouping", List.of("trace-axb"));
    Cookie ada = join(classroom, "Ada");
    Cookie bo = join(classroom, "Bo");
    Cookie cy = join(classroom, "Cy");
    // each transposes the answer of their own variant (other symbol names): one mistake, one answer
    for (Cookie c : List.of(ada, bo, cy)) {
      attempt(c, "trace-axb", "(" + right(c, "trace-axb") + ")'");
    }
    attempt(ada, "trace-axb", right(ada, "trace-axb"));
    assertThat(java.util.stream.Stream.of(ada, bo, cy).map(c -> right(c, "trace-axb")).distinct().count())
        .as("the students' variants name their symbols differently").isGreaterThan(1);

    Insight.ExerciseAnswers answers = insight.exercise(classroom, "trace-axb");
    assertThat(answers.summary()).isEqualTo("3 students tried, 1 solved, 4 attempts in all");
    Insight.DiagnosisGroup layout = answers.groups().get(0);
    assertThat(layout.title()).isEqualTo(DiagnosisCode.LAYOUT.title());
    assertThat(layout.attemptsLabel()).isEqualTo("3 attempts");
    // renamed back to A, X, B, the three transposed answers are one answer, given three times
    assertThat(answers.commonWrong()).hasSize(1);
    Insight.AnswerCount common = answers.commonWrong().get(0);
    assertThat(common.countLabel()).isEqualTo("3 times");
    assertThat(common.students()).containsExactlyInAnyOrder("Ada", "Bo", "Cy");
    assertThat(common.answer().text()).isEqualTo("(A'*B')'");
    assertThat(answers.groups()).extracting(Insight.DiagnosisGroup::id).containsExactly("LAYOUT", "correct");

    String html = page("/teacher/classes/" + classroom.getId() + "/exercises/trace-axb");
    assertThat(html).contains("Most common wrong answers").contains("3 times").contains(DiagnosisCode.LAYOUT.title())
        .contains("3 students tried, 1 solved, 4 attempts in all");
  }

  @Test
  void pagesSayCountsInWordsAndTitlesNotIds() throws Exception {
    Classroom classroom = classrooms.createClass("teacher", "Plurals", List.of("trace"));
    Cookie ada = join(classroom, "Ada");
    attempt(ada, "trace", "2*I");
    String gradebook = page("/teacher/classes/" + classroom.getId());
    assertThat(gradebook).contains("1 attempt<").doesNotContain("1 attempts").contains("1 student<")
        .contains("The trace tr(X)").contains(DiagnosisCode.FACTOR.title() + " (1)");
    assertThat(page("/teacher")).contains("1 student, 1 exercise");
    String me = mvc.perform(get("/me").cookie(ada)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat(me).contains("The trace tr(X)").contains(DiagnosisCode.FACTOR.title());
  }

  @Test
  void anotherTeacher_seesNoneOfIt() throws Exception {
    Classroom classroom = classrooms.createClass("teacher", "Private", List.of("trace"));
    Cookie ada = join(classroom, "Ada");
    RequestPostProcessor other = user("other").roles("TEACHER");
    mvc.perform(get("/teacher/students/" + student(ada).getId()).with(other)).andExpect(status().isNotFound());
    mvc.perform(get("/teacher/classes/" + classroom.getId() + "/exercises/trace").with(other))
        .andExpect(status().isNotFound());
  }
}
