package org.matrixcalculustutor.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
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
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Students as people: re-entry links, rename, remove, merge, rejoin; names cleaned of invisible characters. */
@SpringBootTest
@AutoConfigureMockMvc
class StudentsTest {

  static final RequestPostProcessor TEACHER = user("teacher").roles("TEACHER");

  @Autowired
  MockMvc mvc;

  @Autowired
  ClassroomService classrooms;

  @Autowired
  JdbcTemplate jdbc;

  private Classroom newClass() {
    return classrooms.createClass("teacher", "People " + System.nanoTime(), List.of("trace", "quadratic-form"));
  }

  private Cookie join(Classroom classroom, String name, String number) throws Exception {
    return mvc.perform(post("/join").with(csrf()).param("code", classroom.getJoinCode()).param("name", name)
            .param("number", number == null ? "" : number))
        .andExpect(redirectedUrl("/me")).andReturn().getResponse().getCookie(StudentCookie.NAME);
  }

  private long id(Cookie student) {
    return classrooms.byToken(student.getValue()).orElseThrow().getId();
  }

  private void attempt(Cookie student, String answer) throws Exception {
    mvc.perform(post("/api/exercises/trace/attempts").cookie(student).contentType(MediaType.APPLICATION_JSON)
        .content("{\"answer\":\"" + answer + "\"}")).andExpect(status().isOk());
  }

  /** The path of a new re-entry link for a student, as the teacher's page shows it. */
  private String reentryPath(long studentId) throws Exception {
    MvcResult issued = mvc.perform(post("/teacher/students/" + studentId + "/reentry").with(csrf()).with(TEACHER))
        .andExpect(redirectedUrl("/teacher/students/" + studentId)).andReturn();
    assertThat((String) issued.getFlashMap().get("reentryLink")).startsWith("http://localhost/join/again/");
    return (String) issued.getFlashMap().get("reentryPath");
  }

  @Nested
  class ReentryLinks {

    @Test
    void aStudentsOwnCookieValue_isNoReentryLink() throws Exception {
      Cookie ada = join(newClass(), "Ada", null);
      mvc.perform(get("/join/again/" + ada.getValue())).andExpect(status().isNotFound())
          .andExpect(content().string(containsString("does not work any more")));
      mvc.perform(post("/join/again/" + ada.getValue()).with(csrf())).andExpect(status().isNotFound())
          .andExpect(cookie().doesNotExist(StudentCookie.NAME));
    }

    @Test
    void aLink_worksOnceAndOpeningItUsesNothing() throws Exception {
      Cookie ada = join(newClass(), "Ada", null);
      String path = reentryPath(id(ada));
      assertThat(path.substring(path.lastIndexOf('/') + 1)).isNotEqualTo(ada.getValue());
      mvc.perform(get(path)).andExpect(status().isOk());
      mvc.perform(get(path)).andExpect(status().isOk()).andExpect(content().string(containsString("Continue as Ada")));
      Cookie phone = mvc.perform(post(path).with(csrf())).andExpect(redirectedUrl("/me")).andReturn().getResponse()
          .getCookie(StudentCookie.NAME);
      assertThat(phone.getValue()).isNotEqualTo(ada.getValue());
      assertThat(id(phone)).isEqualTo(id(ada));
      mvc.perform(post(path).with(csrf())).andExpect(status().isNotFound());
      mvc.perform(get(path)).andExpect(status().isNotFound());
    }

    @Test
    void aBrowserThatIsSomeoneElse_isAskedBeforeItChanges() throws Exception {
      Classroom classroom = newClass();
      Cookie ada = join(classroom, "Ada", null);
      Cookie bo = join(classroom, "Bo", null);
      String path = reentryPath(id(ada));
      mvc.perform(get(path).cookie(bo)).andExpect(status().isOk())
          .andExpect(content().string(containsString("This browser is now")))
          .andExpect(content().string(containsString("Continue as Ada")));
      // the browser that is Ada already is told so, and the link stays unused
      mvc.perform(get(path).cookie(ada)).andExpect(content().string(containsString("already")))
          .andExpect(content().string(not(containsString("continue-button"))));
      mvc.perform(post(path).with(csrf()).cookie(bo)).andExpect(redirectedUrl("/me"));
      mvc.perform(get("/api/me/attempts").cookie(bo)).andExpect(status().isOk());
    }

    @Test
    void signOutEverywhere_asksFirstThenForgetsEveryBrowserAndLink() throws Exception {
      Cookie ada = join(newClass(), "Ada", null);
      long adaId = id(ada);
      String path = reentryPath(adaId);
      Cookie phone = mvc.perform(post(reentryPath(adaId)).with(csrf())).andReturn().getResponse()
          .getCookie(StudentCookie.NAME);
      mvc.perform(get("/teacher/students/" + adaId).with(TEACHER))
          .andExpect(content().string(containsString("2 browsers")));
      mvc.perform(get("/teacher/students/" + adaId + "/sign-out").with(TEACHER)).andExpect(status().isOk())
          .andExpect(content().string(containsString("Sign Ada out everywhere?")))
          .andExpect(content().string(containsString("2 browsers")));
      mvc.perform(get("/api/me/attempts").cookie(ada)).andExpect(status().isOk());

      mvc.perform(post("/teacher/students/" + adaId + "/sign-out").with(csrf()).with(TEACHER))
          .andExpect(redirectedUrl("/teacher/students/" + adaId));
      mvc.perform(get("/api/me/attempts").cookie(ada)).andExpect(status().isUnauthorized());
      mvc.perform(get("/api/me/attempts").cookie(phone)).andExpect(status().isUnauthorized());
      mvc.perform(get(path)).andExpect(status().isNotFound());
      assertThat(classrooms.student(adaId)).isPresent();
    }

    @Test
    void anotherTeachersStudent_getsNoLink() throws Exception {
      Cookie ada = join(newClass(), "Ada", null);
      mvc.perform(post("/teacher/students/" + id(ada) + "/reentry").with(csrf()).with(user("other").roles("TEACHER")))
          .andExpect(status().isNotFound());
    }
  }

  @Nested
  class Management {

    @Test
    void rename_changesTheNameEverywhereAndCleansIt() throws Exception {
      Cookie ada = join(newClass(), "ada", null);
      long adaId = id(ada);
      mvc.perform(post("/teacher/students/" + adaId + "/rename").with(csrf()).with(TEACHER)
              .param("name", "  Ada\u200B Lovelace ").param("number", "s-42"))
          .andExpect(redirectedUrl("/teacher/students/" + adaId));
      Student renamed = classrooms.student(adaId).orElseThrow();
      assertThat(renamed.getDisplayName()).isEqualTo("Ada Lovelace");
      assertThat(renamed.getStudentNumber()).isEqualTo("s-42");
      mvc.perform(get("/me").cookie(ada)).andExpect(content().string(containsString("Ada Lovelace")));
    }

    @Test
    void remove_asksFirstThenDeletesTheStudentAndTheirAttempts() throws Exception {
      Classroom classroom = newClass();
      Cookie ada = join(classroom, "Ada", null);
      long adaId = id(ada);
      attempt(ada, "I");
      mvc.perform(get("/teacher/students/" + adaId + "/remove").with(TEACHER))
          .andExpect(content().string(containsString("Remove Ada?")))
          .andExpect(content().string(containsString("1 attempt,")));
      mvc.perform(post("/teacher/students/" + adaId + "/remove").with(csrf()).with(TEACHER))
          .andExpect(redirectedUrl("/teacher/classes/" + classroom.getId()));
      assertThat(classrooms.student(adaId)).isEmpty();
      assertThat(jdbc.queryForObject("select count(*) from attempt where student_id = ?", Long.class, adaId)).isZero();
      mvc.perform(get("/api/me/attempts").cookie(ada)).andExpect(status().isUnauthorized());
    }

    @Test
    void merge_asksFirstThenKeepsEveryAttemptAndEveryBrowser() throws Exception {
      Classroom classroom = newClass();
      Cookie ada = join(classroom, "Ada", "s-1");
      Cookie again = join(classroom, "Ada L.", null);
      attempt(ada, "I");
      attempt(again, "2*I");
      attempt(again, "I'");
      long into = id(ada);
      long from = id(again);

      mvc.perform(post("/teacher/students/" + into + "/merge").with(csrf()).with(TEACHER).param("other", "" + from))
          .andExpect(status().isOk()).andExpect(content().string(containsString("Merge Ada L. into Ada?")))
          .andExpect(content().string(containsString("2 attempts of Ada L. move to Ada (s-1)")));
      assertThat(classrooms.student(from)).isPresent();

      mvc.perform(post("/teacher/students/" + into + "/merge").with(csrf()).with(TEACHER).param("other", "" + from)
          .param("confirm", "yes")).andExpect(redirectedUrl("/teacher/students/" + into));
      assertThat(classrooms.student(from)).isEmpty();
      mvc.perform(get("/api/me/attempts").cookie(again)).andExpect(status().isOk())
          .andExpect(jsonPath("$.length()").value(3));
      mvc.perform(get("/api/me/attempts").cookie(ada)).andExpect(jsonPath("$.length()").value(3))
          .andExpect(jsonPath("$[*].answer").value(org.hamcrest.Matchers.containsInAnyOrder("I", "2*I", "I'")));
      Gradebook book = classrooms.gradebook(classrooms.classOf("teacher", classroom.getId()));
      assertThat(book.rows()).hasSize(1);
      assertThat(book.rows().get(0).attempts()).isEqualTo(3);
    }

    @Test
    void merge_tellsTwoRowsOfOneNameApartByJoinTimeAndAttempts() throws Exception {
      Classroom classroom = newClass();
      Cookie first = join(classroom, "Bo Li", null);
      Cookie second = join(classroom, "Bo Li", null);
      attempt(first, "2*I");
      attempt(first, "I'");
      attempt(first, "I");
      attempt(second, "I");
      Student stays = classrooms.student(id(first)).orElseThrow();
      Student goes = classrooms.student(id(second)).orElseThrow();
      String secondJoined = Words.time(goes.getJoinedAt(), classroom.getZone());
      String firstJoined = Words.time(stays.getJoinedAt(), classroom.getZone());

      String page = mvc.perform(get("/teacher/students/" + stays.getId()).with(TEACHER)).andReturn().getResponse()
          .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
      assertThat(page).contains("<option value=\"" + goes.getId() + "\">Bo Li, joined " + secondJoined + ", 1 attempt</option>");

      String confirm = mvc.perform(post("/teacher/students/" + stays.getId() + "/merge").with(csrf()).with(TEACHER)
              .param("other", "" + goes.getId())).andExpect(status().isOk()).andReturn().getResponse()
          .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
      assertThat(confirm).contains("1 attempt of Bo Li moves to Bo Li, who keeps their name")
          .contains("The row that stays: Bo Li, joined " + firstJoined + ", 3 attempts.")
          .contains("The row that goes: Bo Li, joined " + secondJoined + ", 1 attempt.");
    }

    @Test
    void merge_ofAStudentOfAnotherClass_isRefused() throws Exception {
      Cookie ada = join(newClass(), "Ada", null);
      Cookie bo = join(newClass(), "Bo", null);
      mvc.perform(post("/teacher/students/" + id(ada) + "/merge").with(csrf()).with(TEACHER).param("other", "" + id(bo))
          .param("confirm", "yes")).andExpect(redirectedUrl("/teacher/students/" + id(ada)));
      assertThat(classrooms.student(id(bo))).isPresent();
    }
  }

  @Nested
  class Order {

    /** Joined in an order that code points and plain string order both get wrong. */
    static final List<String> JOINED = List.of("Zoë", "Émile", "bo", "Student 10", "Anna", "Student 2", "Hana", "Chen",
        "Student 1", "Student 11");
    static final List<String> READ = List.of("Anna", "bo", "Chen", "Émile", "Hana", "Student 1", "Student 2",
        "Student 10", "Student 11", "Zoë");

    @Test
    void theGradebookItsCsvAndTheMergeList_sortNamesAsReadersDo() throws Exception {
      Classroom classroom = newClass();
      JOINED.forEach(name -> classrooms.join(classroom.getJoinCode(), name, null).orElseThrow());

      Gradebook book = classrooms.gradebook(classrooms.classOf("teacher", classroom.getId()));
      assertThat(book.rows()).extracting(r -> r.student().getDisplayName()).containsExactlyElementsOf(READ);

      String csv = mvc.perform(get("/teacher/classes/" + classroom.getId() + "/gradebook.csv").with(TEACHER))
          .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
      assertThat(java.util.Arrays.stream(csv.split("\r\n")).skip(1).map(line -> line.substring(0, line.indexOf(','))))
          .containsExactlyElementsOf(READ);

      String gradebook = mvc.perform(get("/teacher/classes/" + classroom.getId()).with(TEACHER)).andReturn()
          .getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
      assertThat(gradebook).containsSubsequence(READ.stream().map(n -> "data-student=\"" + n + "\"").toList());

      long anna = classrooms.students(classroom).get(0).getId();
      String page = mvc.perform(get("/teacher/students/" + anna).with(TEACHER)).andReturn().getResponse()
          .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
      String mergeList = page.substring(page.indexOf("id=\"merge-other\""), page.indexOf("</select>"));
      assertThat(mergeList).containsSubsequence(READ.stream().skip(1).map(n -> ">" + n + ", joined").toList());
    }
  }

  @Nested
  class Rejoining {

    @Test
    void sameNameAndNumber_isOfferedTheEarlierRecord() throws Exception {
      Classroom classroom = newClass();
      Cookie ada = join(classroom, "Ada", "s-7");
      attempt(ada, "I");
      mvc.perform(post("/join").with(csrf()).param("code", classroom.getJoinCode()).param("name", " ADA ")
              .param("number", "s-7"))
          .andExpect(status().isOk()).andExpect(content().string(containsString("Welcome back?")))
          .andExpect(content().string(containsString("1 attempt")))
          .andExpect(cookie().doesNotExist(StudentCookie.NAME));
      Cookie resumed = mvc.perform(post("/join").with(csrf()).param("code", classroom.getJoinCode())
              .param("name", "ADA").param("number", "s-7").param("choice", "resume"))
          .andExpect(redirectedUrl("/me")).andReturn().getResponse().getCookie(StudentCookie.NAME);
      assertThat(id(resumed)).isEqualTo(id(ada));
      mvc.perform(get("/api/me/attempts").cookie(ada)).andExpect(status().isOk());
      assertThat(classrooms.students(classroom)).hasSize(1);
    }

    @Test
    void choosingANewRecord_orNoNumber_makesANewRow() throws Exception {
      Classroom classroom = newClass();
      join(classroom, "Ada", "s-7");
      mvc.perform(post("/join").with(csrf()).param("code", classroom.getJoinCode()).param("name", "Ada")
          .param("number", "s-7").param("choice", "new")).andExpect(redirectedUrl("/me"));
      join(classroom, "Ada", null);
      assertThat(classrooms.students(classroom)).hasSize(3);
    }
  }

  @Nested
  class FreeTextIsCleaned {

    @Test
    void controlBidiAndZeroWidthCharacters_areStrippedFromNames() throws Exception {
      Classroom classroom = newClass();
      Cookie nul = join(classroom, "Ad\u0000a", null);
      Cookie bidi = join(classroom, "\u202EadA\u202C", null);
      Cookie zeroWidth = join(classroom, "A\u200Bd\u200Da\uFEFF", "1\u20662\u2069");
      assertThat(classrooms.byToken(nul.getValue()).orElseThrow().getDisplayName()).isEqualTo("Ada");
      assertThat(classrooms.byToken(bidi.getValue()).orElseThrow().getDisplayName()).isEqualTo("adA");
      Student zw = classrooms.byToken(zeroWidth.getValue()).orElseThrow();
      assertThat(zw.getDisplayName()).isEqualTo("Ada");
      assertThat(zw.getStudentNumber()).isEqualTo("12");
    }

    @Test
    void aNameOfInvisibleCharactersOnly_isRefused() throws Exception {
      mvc.perform(post("/join").with(csrf()).param("code", newClass().getJoinCode()).param("name", "\u200B\u2066 \u0007"))
          .andExpect(status().isOk()).andExpect(content().string(containsString("give a display name")))
          .andExpect(cookie().doesNotExist(StudentCookie.NAME));
    }

    @Test
    void aClassName_isCleanedToo() {
      Classroom classroom = classrooms.createClass("teacher", "Linear\u0000 algebra\u202E", List.of("trace"));
      assertThat(classroom.getName()).isEqualTo("Linear algebra");
    }
  }
}
