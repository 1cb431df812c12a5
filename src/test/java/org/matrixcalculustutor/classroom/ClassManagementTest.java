package org.matrixcalculustutor.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import jakarta.servlet.http.Cookie;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.matrixcalculustutor.exercises.ExerciseBank;
import org.matrixcalculustutor.exercises.ExerciseChecker;
import org.matrixcalculustutor.exercises.SolutionRule;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** A teacher changes, closes, archives and deletes classes, exports them, and gets students in. */
@SpringBootTest
@AutoConfigureMockMvc
class ClassManagementTest {

  static final RequestPostProcessor TEACHER = user("teacher").roles("TEACHER");

  @Autowired
  MockMvc mvc;

  @Autowired
  ClassroomService classrooms;

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  ExerciseChecker checker;

  @Autowired
  ExerciseBank bank;

  private Classroom newClass(String name) {
    return classrooms.createClass("teacher", name, List.of("trace", "quadratic-form"), ZoneId.of("Europe/Paris"), null,
        SolutionRule.DEFAULT);
  }

  private Cookie join(Classroom classroom, String name, String number) throws Exception {
    return mvc.perform(post("/join").with(csrf()).param("code", classroom.getJoinCode()).param("name", name)
            .param("number", number))
        .andExpect(redirectedUrl("/me")).andReturn().getResponse().getCookie(StudentCookie.NAME);
  }

  private void attempt(Cookie student, String exercise, String answer) throws Exception {
    mvc.perform(post("/api/exercises/" + exercise + "/attempts").cookie(student).contentType(MediaType.APPLICATION_JSON)
        .content("{\"answer\":\"" + answer + "\"}")).andExpect(status().isOk());
  }

  private Student student(Cookie cookie) {
    return classrooms.byToken(cookie.getValue()).orElseThrow();
  }

  /** The engine's answer to this student's own variant. */
  private String right(Cookie cookie, String exercise) {
    return VariantAnswers.right(classrooms, checker, bank, cookie, exercise);
  }

  private String body(String path) throws Exception {
    return mvc.perform(get(path).with(TEACHER)).andExpect(status().isOk()).andReturn().getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  @Nested
  class Changes {

    @Test
    void edit_changesTheExercisesNameZoneAndDeadline() throws Exception {
      Classroom classroom = newClass("Before");
      mvc.perform(get("/teacher/classes/" + classroom.getId() + "/edit").with(TEACHER))
          .andExpect(content().string(containsString("id=\"assign-trace\" checked")));
      mvc.perform(post("/teacher/classes/" + classroom.getId() + "/edit").with(csrf()).with(TEACHER)
              .param("name", "After").param("exercise", "logsumexp", "trace").param("zone", "America/New_York")
              .param("deadline", "2030-01-15T17:00"))
          .andExpect(redirectedUrl("/teacher/classes/" + classroom.getId()));
      Classroom changed = classrooms.classOf("teacher", classroom.getId());
      assertThat(changed.getName()).isEqualTo("After");
      assertThat(changed.getExerciseIds()).containsExactly("logsumexp", "trace");
      assertThat(changed.getZone()).isEqualTo(ZoneId.of("America/New_York"));
      assertThat(changed.getDeadline()).isEqualTo(LocalDateTime.parse("2030-01-15T17:00")
          .atZone(ZoneId.of("America/New_York")).toInstant());
      assertThat(body("/teacher/classes/" + classroom.getId())).contains("The log-sum-exp")
          .contains("2030-01-15 17:00:00 (America/New_York)");
    }

    @Test
    void edit_withoutExercises_isRefusedWithTheReason() throws Exception {
      Classroom classroom = newClass("Keep");
      mvc.perform(post("/teacher/classes/" + classroom.getId() + "/edit").with(csrf()).with(TEACHER).param("name", "Keep"))
          .andExpect(status().isOk()).andExpect(content().string(containsString("pick at least one exercise")));
      assertThat(classrooms.classOf("teacher", classroom.getId()).getExerciseIds()).hasSize(2);
    }

    @Test
    void close_asksFirstThenStopsJoinsAndNewAttemptsAndMakesTheGradebookReadOnly() throws Exception {
      Classroom classroom = newClass("Closing");
      Cookie ada = join(classroom, "Ada", "");
      attempt(ada, "trace", "I");
      mvc.perform(get("/teacher/classes/" + classroom.getId() + "/close").with(TEACHER))
          .andExpect(content().string(containsString("No one can join a closed class")));
      mvc.perform(post("/teacher/classes/" + classroom.getId() + "/close").with(csrf()).with(TEACHER))
          .andExpect(redirectedUrl("/teacher/classes/" + classroom.getId()));

      mvc.perform(post("/join").with(csrf()).param("code", classroom.getJoinCode()).param("name", "Late"))
          .andExpect(content().string(containsString("is closed"))).andExpect(cookie().doesNotExist(StudentCookie.NAME));
      attempt(ada, "trace", "2*I");
      mvc.perform(get("/api/me/attempts").cookie(ada)).andExpect(jsonPath("$.length()").value(1));
      mvc.perform(get("/me").cookie(ada)).andExpect(content().string(containsString("Your class is closed")));
      long adaId = classrooms.byToken(ada.getValue()).orElseThrow().getId();
      mvc.perform(post("/teacher/students/" + adaId + "/rename").with(csrf()).with(TEACHER).param("name", "Changed"))
          .andExpect(redirectedUrl("/teacher/students/" + adaId));
      assertThat(classrooms.student(adaId).orElseThrow().getDisplayName()).isEqualTo("Ada");
      String gradebook = body("/teacher/classes/" + classroom.getId());
      assertThat(gradebook).contains("id=\"closed-badge\"").contains("read-only").doesNotContain("id=\"edit-class\"")
          .doesNotContain("id=\"join-qr\"");
      mvc.perform(post("/teacher/classes/" + classroom.getId() + "/edit").with(csrf()).with(TEACHER)
          .param("name", "x").param("exercise", "trace")).andExpect(content().string(containsString("is closed")));

      mvc.perform(post("/teacher/classes/" + classroom.getId() + "/reopen").with(csrf()).with(TEACHER));
      attempt(ada, "trace", "2*I");
      mvc.perform(get("/api/me/attempts").cookie(ada)).andExpect(jsonPath("$.length()").value(2));
    }

    @Test
    void archive_closesTheClassAndMovesItOutOfTheList() throws Exception {
      Classroom classroom = newClass("Last year " + System.nanoTime());
      mvc.perform(post("/teacher/classes/" + classroom.getId() + "/archive").with(csrf()).with(TEACHER));
      Classroom archived = classrooms.classOf("teacher", classroom.getId());
      assertThat(archived.isArchived()).isTrue();
      assertThat(archived.isClosed()).isTrue();
      String list = body("/teacher");
      assertThat(list.substring(list.indexOf("id=\"archived-classes\""))).contains(classroom.getName());
      assertThat(list.substring(0, list.indexOf("id=\"archived-classes\""))).doesNotContain(classroom.getName());
    }

    @Test
    void delete_offersTheExportsFirstThenRemovesEveryRow() throws Exception {
      Classroom classroom = newClass("Doomed");
      Cookie ada = join(classroom, "Ada", "");
      attempt(ada, "trace", "I");
      long adaId = classrooms.byToken(ada.getValue()).orElseThrow().getId();
      mvc.perform(post("/teacher/students/" + adaId + "/reentry").with(csrf()).with(TEACHER));
      mvc.perform(get("/teacher/classes/" + classroom.getId() + "/delete").with(TEACHER))
          .andExpect(content().string(containsString("1 student and 1 attempt")))
          .andExpect(content().string(containsString("/teacher/classes/" + classroom.getId() + "/gradebook.csv")))
          .andExpect(content().string(containsString("/teacher/classes/" + classroom.getId() + "/attempts.csv")));
      // without the confirmation's own field nothing happens
      mvc.perform(post("/teacher/classes/" + classroom.getId() + "/delete").with(csrf()).with(TEACHER));
      assertThat(classrooms.student(adaId)).isPresent();

      mvc.perform(post("/teacher/classes/" + classroom.getId() + "/delete").with(csrf()).with(TEACHER)
          .param("confirm", "yes")).andExpect(redirectedUrl("/teacher"));
      for (String table : List.of("attempt", "student_token", "reentry_link")) {
        assertThat(jdbc.queryForObject("select count(*) from " + table + " where student_id = ?", Long.class, adaId))
            .as(table).isZero();
      }
      assertThat(jdbc.queryForObject("select count(*) from student where id = ?", Long.class, adaId)).isZero();
      assertThat(jdbc.queryForObject("select count(*) from classroom_exercise where classroom_id = ?", Long.class,
          classroom.getId())).isZero();
      mvc.perform(get("/teacher/classes/" + classroom.getId()).with(TEACHER)).andExpect(status().isNotFound());
      mvc.perform(get("/api/me/attempts").cookie(ada)).andExpect(status().isUnauthorized());
    }

    @Test
    void aDeadline_marksLaterSolutionsLate() throws Exception {
      Classroom classroom = classrooms.createClass("teacher", "Due", List.of("trace"), ZoneId.of("UTC"),
          Instant.now().minusSeconds(3600), SolutionRule.DEFAULT);
      Cookie ada = join(classroom, "Ada", "");
      attempt(ada, "trace", "I");
      Gradebook book = classrooms.gradebook(classroom);
      assertThat(book.rows().get(0).cells().get(0).status()).isEqualTo("solved late");
      assertThat(body("/teacher/students/" + classrooms.byToken(ada.getValue()).orElseThrow().getId()))
          .contains("class=\"late\"");
    }

    @Test
    void create_refusesADeadlineInThePastBesideTheFieldAndKeepsTheChoices() throws Exception {
      String name = "Past due " + System.nanoTime();
      String page = mvc.perform(post("/teacher/classes").with(csrf()).with(TEACHER).param("name", name)
              .param("exercise", "trace").param("zone", "Europe/Paris").param("deadline", "2020-01-15T17:00"))
          .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
      assertThat(classrooms.classes("teacher")).noneMatch(c -> c.getName().equals(name));
      // the message comes right after the deadline's own field, which points to it
      String field = page.substring(page.indexOf("id=\"deadline\""));
      assertThat(field.substring(0, field.indexOf("</div>"))).contains("id=\"deadline-error\"")
          .contains("2020-01-15 17:00:00 (Europe/Paris) has passed");
      assertThat(page).contains("aria-describedby=\"deadline-error\"").doesNotContain("id=\"create-error\"")
          .contains("id=\"assign-trace\" checked");

      mvc.perform(post("/teacher/classes").with(csrf()).with(TEACHER).param("name", name).param("exercise", "trace")
          .param("zone", "Europe/Paris").param("deadline", "2999-01-15T17:00")).andExpect(status().is3xxRedirection());
      assertThat(classrooms.classes("teacher")).anyMatch(c -> c.getName().equals(name));
    }

    @Test
    void edit_keepsAnOldClassesPassedDeadlineWithAWarningButRefusesANewPastOne() throws Exception {
      Instant passed = Instant.parse("2024-06-30T20:00:00Z");
      Classroom classroom = classrooms.createClass("teacher", "Last term", List.of("trace"), ZoneId.of("Europe/Paris"),
          passed, SolutionRule.DEFAULT);
      String edit = "/teacher/classes/" + classroom.getId() + "/edit";
      assertThat(body(edit)).contains("value=\"2024-06-30T22:00\"").contains("id=\"deadline-warning\"")
          .contains("has passed: every new answer is marked late");

      // unchanged: saved, with the warning
      var saved = mvc.perform(post(edit).with(csrf()).with(TEACHER).param("name", "Last term, renamed")
              .param("exercise", "trace").param("zone", "Europe/Paris").param("deadline", "2024-06-30T22:00"))
          .andExpect(redirectedUrl("/teacher/classes/" + classroom.getId())).andReturn();
      assertThat((String) saved.getFlashMap().get("message")).startsWith("The class is saved.").contains("has passed");
      Classroom renamed = classrooms.classOf("teacher", classroom.getId());
      assertThat(renamed.getName()).isEqualTo("Last term, renamed");
      assertThat(renamed.getDeadline()).isEqualTo(passed);

      // another time in the past: refused beside the field, nothing changes
      String refused = mvc.perform(post(edit).with(csrf()).with(TEACHER).param("name", "Changed again")
              .param("exercise", "trace").param("zone", "Europe/Paris").param("deadline", "2024-07-01T22:00"))
          .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
      assertThat(refused).contains("id=\"deadline-error\"").contains("2024-07-01 22:00:00 (Europe/Paris) has passed")
          .doesNotContain("id=\"edit-error\"");
      assertThat(classrooms.classOf("teacher", classroom.getId()).getName()).isEqualTo("Last term, renamed");

      // and a deadline can always be removed or moved later
      mvc.perform(post(edit).with(csrf()).with(TEACHER).param("name", "Last term").param("exercise", "trace")
          .param("zone", "Europe/Paris").param("deadline", "")).andExpect(status().is3xxRedirection());
      assertThat(classrooms.classOf("teacher", classroom.getId()).getDeadline()).isNull();
    }

    @Test
    void destructiveConfirmations_haveTheDangerStyleOfDelete() throws Exception {
      Classroom classroom = newClass("Styles");
      Cookie ada = join(classroom, "Ada", "");
      long adaId = student(ada).getId();
      assertThat(body("/teacher/classes/" + classroom.getId())).contains("id=\"delete-class\" class=\"button danger\"");
      assertThat(body("/teacher/classes/" + classroom.getId() + "/delete"))
          .contains("id=\"confirm-button\" type=\"submit\" class=\"button danger\"");
      assertThat(body("/teacher/students/" + adaId + "/remove"))
          .contains("id=\"confirm-button\" type=\"submit\" class=\"button danger\"");
      // closing can be undone: the usual primary button
      assertThat(body("/teacher/classes/" + classroom.getId() + "/close"))
          .contains("id=\"confirm-button\" type=\"submit\" class=\"button primary\"");
    }
  }

  @Nested
  class Counting {

    @Test
    void anExerciseTakenOff_countsInNeitherSolvedNorAttemptsOnAnyPageOrCsv() throws Exception {
      Classroom classroom = newClass("Taken off " + System.nanoTime());
      Cookie ada = join(classroom, "Ada", "");
      attempt(ada, "trace", "2*I");
      attempt(ada, "trace", "I");
      attempt(ada, "quadratic-form", right(ada, "quadratic-form"));
      mvc.perform(post("/teacher/classes/" + classroom.getId() + "/edit").with(csrf()).with(TEACHER)
          .param("name", classroom.getName()).param("exercise", "quadratic-form").param("zone", "Europe/Paris"));

      Gradebook.Row row = classrooms.gradebook(classrooms.classOf("teacher", classroom.getId())).rows().get(0);
      assertThat(row.solved()).isEqualTo(1);
      assertThat(row.attempts()).as("the two attempts at the trace, taken off, are not counted").isEqualTo(1);
      String gradebook = body("/teacher/classes/" + classroom.getId());
      assertThat(gradebook).contains("id=\"not-counted\"").contains("2 attempts at exercises taken off the class are kept")
          .contains("The trace tr(X)</a>.");

      String studentPage = body("/teacher/students/" + student(ada).getId());
      assertThat(studentPage).contains("1 attempt, 1 exercise solved")
          .contains("2 attempts at exercises no longer assigned to the class are listed below but not counted")
          .contains("no longer assigned: not counted");

      String csv = body("/teacher/classes/" + classroom.getId() + "/gradebook.csv");
      assertThat(csv.split("\r\n")[1]).startsWith("Ada,,1,1,");
      // the attempt log stays complete: it is the log of every attempt
      assertThat(body("/teacher/classes/" + classroom.getId() + "/attempts.csv").split("\r\n")).hasSize(4);
    }
  }

  @Nested
  class Times {

    @Test
    void aGradebookCell_saysWhenItWasSolvedWithTheMonthInWords() throws Exception {
      Classroom classroom = newClass("Dates " + System.nanoTime());
      Cookie ada = join(classroom, "Ada", "");
      attempt(ada, "trace", "I");
      Instant solved = classrooms.gradebook(classroom).rows().get(0).cells().get(0).firstSolvedAt();
      String shown = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH)
          .format(solved.atZone(ZoneId.of("Europe/Paris")));
      String gradebook = body("/teacher/classes/" + classroom.getId());
      assertThat(gradebook).contains(">" + shown + "</time>").contains("times in <span id=\"class-zone\">Europe/Paris")
          .doesNotContainPattern(">\\d\\d-\\d\\d \\d\\d:\\d\\d<");
    }

    @Test
    void theStudentPage_saysTheZoneOfItsTimesAndTheLinksExpiryHasIt() throws Exception {
      Classroom classroom = newClass("Zones " + System.nanoTime());
      long adaId = student(join(classroom, "Ada", "")).getId();
      assertThat(body("/teacher/students/" + adaId)).contains("times in <span id=\"class-zone\">Europe/Paris</span>");
      var issued = mvc.perform(post("/teacher/students/" + adaId + "/reentry").with(csrf()).with(TEACHER)).andReturn();
      String expires = (String) issued.getFlashMap().get("reentryExpires");
      assertThat(expires).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d \\(Europe/Paris\\)");
      // the redirect, followed in the same session (which holds the flash attributes)
      String page = mvc.perform(get("/teacher/students/" + adaId).with(TEACHER)
          .cookie(issued.getResponse().getCookie("SESSION"))).andReturn().getResponse()
          .getContentAsString(StandardCharsets.UTF_8);
      assertThat(page).contains("id=\"reentry-expires\">" + expires + "<");
    }
  }

  @Nested
  class GettingIn {

    @Test
    void theJoinPanel_showsTheFullAddressWithTheCode() throws Exception {
      Classroom classroom = newClass("Panel");
      String url = "http://localhost/join?code=" + classroom.getJoinCode();
      assertThat(body("/teacher/classes/" + classroom.getId())).contains("href=\"" + url + "\"")
          .contains("localhost/join?code=" + classroom.getJoinCode() + "</a>").contains("id=\"join-qr\"");
      assertThat(body("/teacher/classes/" + classroom.getId() + "/join")).contains(classroom.getJoinCode())
          .contains("id=\"join-qr-large\"");
      mvc.perform(get("/join").param("code", classroom.getJoinCode()))
          .andExpect(content().string(containsString("value=\"" + classroom.getJoinCode() + "\"")));
    }

    @Test
    void theQrCode_readsAsTheJoinAddress() throws Exception {
      Classroom classroom = newClass("QR");
      String svg = mvc.perform(get("/teacher/classes/" + classroom.getId() + "/join-qr.svg").with(TEACHER))
          .andExpect(status().isOk()).andExpect(content().contentTypeCompatibleWith("image/svg+xml"))
          .andReturn().getResponse().getContentAsString();
      assertThat(decode(svg)).isEqualTo("http://localhost/join?code=" + classroom.getJoinCode());
    }

    @Test
    void aConfiguredPublicAddress_isUsedInsteadOfTheRequests() {
      JoinLinks links = new JoinLinks("https://tutor.school.example/");
      Classroom classroom = newClass("Public");
      assertThat(links.join(classroom)).isEqualTo("https://tutor.school.example/join?code=" + classroom.getJoinCode());
      assertThat(links.joinShown(classroom)).isEqualTo("tutor.school.example/join?code=" + classroom.getJoinCode());
      assertThat(links.reentry("abc")).isEqualTo("https://tutor.school.example/join/again/abc");
    }

    /** Draws the SVG's runs of dark modules four pixels a module and reads them back with ZXing. */
    private String decode(String svg) throws Exception {
      Matcher box = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
      assertThat(box.find()).isTrue();
      int size = Integer.parseInt(box.group(1));
      assertThat(size).isGreaterThanOrEqualTo(21 + 2 * QrCode.MARGIN);
      int scale = 4;
      int[] pixels = new int[size * scale * size * scale];
      java.util.Arrays.fill(pixels, 0xFFFFFFFF);
      Matcher run = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-\\d+z").matcher(svg);
      while (run.find()) {
        int x0 = Integer.parseInt(run.group(1));
        int y = Integer.parseInt(run.group(2));
        int length = Integer.parseInt(run.group(3));
        for (int x = x0; x < x0 + length; x++) {
          for (int dy = 0; dy < scale; dy++) {
            for (int dx = 0; dx < scale; dx++) {
              pixels[(y * scale + dy) * size * scale + x * scale + dx] = 0xFF000000;
            }
          }
        }
      }
      RGBLuminanceSource source = new RGBLuminanceSource(size * scale, size * scale, pixels);
      return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
    }
  }

  @Nested
  class Exports {

    private List<CSVRecord> read(String path) throws Exception {
      byte[] bytes = mvc.perform(get(path).with(TEACHER)).andExpect(status().isOk())
          .andExpect(content().contentType("text/csv;charset=UTF-8")).andReturn().getResponse().getContentAsByteArray();
      // the UTF-8 byte-order mark, so that Excel reads the file as UTF-8
      assertThat(new byte[] {bytes[0], bytes[1], bytes[2]}).containsExactly(0xEF, 0xBB, 0xBF);
      String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
      try (CSVParser parser = CSVParser.parse(new StringReader(text), CSVFormat.RFC4180.builder().setHeader().get())) {
        header = parser.getHeaderNames();
        return parser.getRecords();
      }
    }

    private List<String> header;

    @Test
    void theGradebook_isOneRowPerStudentWithAColumnPerExercise() throws Exception {
      Classroom classroom = newClass("Spreadsheet");
      Cookie emile = join(classroom, "Émile Zoë", "n°12");
      join(classroom, "=HYPERLINK(\"x\")", "");
      attempt(emile, "trace", "2*I");
      attempt(emile, "trace", "I");
      List<CSVRecord> rows = read("/teacher/classes/" + classroom.getId() + "/gradebook.csv");
      assertThat(header).containsExactly("Student", "Student number", "Solved", "Attempts",
          "Last activity (Europe/Paris)", "The trace tr(X)", "The quadratic form x'Ax");
      assertThat(rows).hasSize(2);
      CSVRecord first = rows.stream().filter(r -> r.get("Student").startsWith("É")).findFirst().orElseThrow();
      assertThat(first.get("Student")).isEqualTo("Émile Zoë");
      assertThat(first.get("Student number")).isEqualTo("n°12");
      assertThat(first.get("Solved")).isEqualTo("1");
      assertThat(first.get("Attempts")).isEqualTo("2");
      assertThat(first.get("Last activity (Europe/Paris)")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
      assertThat(first.get("The trace tr(X)")).isEqualTo("solved");
      assertThat(first.get("The quadratic form x'Ax")).isEmpty();
      // a name a spreadsheet would run as a formula is text
      assertThat(rows).anyMatch(r -> r.get("Student").equals("'=HYPERLINK(\"x\")"));
    }

    @Test
    void theAttemptLog_isOneRowPerAttemptInTheClassesTimeZoneToTheSecond() throws Exception {
      Classroom classroom = newClass("Log");
      Cookie emile = join(classroom, "Émile", "");
      Instant before = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
      attempt(emile, "trace", "-I");
      attempt(emile, "trace", "I");
      mvc.perform(post("/api/exercises/trace/attempts").cookie(emile).contentType(MediaType.APPLICATION_JSON)
          .content("{\"lines\":[\"df = tr(dX)\",\"= <-I, dX>\"]}")).andExpect(status().isOk());
      List<CSVRecord> rows = read("/teacher/classes/" + classroom.getId() + "/attempts.csv");
      assertThat(header).containsExactly("Time (Europe/Paris)", "Student", "Student number", "Exercise", "Exercise id",
          "Variant", "Answer", "Verdict", "Diagnosis", "Late", "Solution seen before", "Shown work", "Wrong step");
      assertThat(rows).hasSize(3);
      assertThat(rows.get(1).get("Solution seen before")).isEmpty();
      assertThat(rows.get(1).get("Shown work")).isEmpty();
      assertThat(rows.get(2).get("Shown work")).isEqualTo("df = tr(dX)\n= <-I, dX>");
      assertThat(rows.get(2).get("Wrong step")).startsWith("line 2");
      assertThat(rows.get(0).get("Student")).isEqualTo("Émile");
      assertThat(rows.get(0).get("Exercise")).isEqualTo("The trace tr(X)");
      assertThat(rows.get(0).get("Answer")).isEqualTo("'-I");
      assertThat(rows.get(0).get("Diagnosis")).isEqualTo("wrong sign");
      assertThat(rows.get(1).get("Verdict")).isEqualTo("correct");
      LocalDateTime at = LocalDateTime.parse(rows.get(0).get("Time (Europe/Paris)").replace(' ', 'T'));
      Instant stored = at.atZone(ZoneId.of("Europe/Paris")).toInstant();
      assertThat(stored).isBetween(before, Instant.now());
    }

    @Test
    void theFileNames_sayWhichClass() throws Exception {
      Classroom classroom = newClass("Linear Algebra 2 – Émile's group");
      mvc.perform(get("/teacher/classes/" + classroom.getId() + "/attempts.csv").with(TEACHER))
          .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string(
              "Content-Disposition", "attachment; filename=\"linear-algebra-2-emile-s-group-attempts.csv\""));
    }
  }
}
