package org.matrixcalculustutor.classroom;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.test.web.servlet.MockMvc;

class ResilienceTest {

  /** A data source that can be switched off, as a database that goes down would be. */
  static final class SwitchableDataSource extends DelegatingDataSource {
    volatile boolean down;

    SwitchableDataSource(DataSource target) {
      super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
      if (down) {
        throw new SQLException("Connection refused (the test switched the database off)");
      }
      return super.getConnection();
    }
  }

  @TestConfiguration
  static class Switchable {
    @Bean
    static BeanPostProcessor switchableDataSource() {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
          return bean instanceof DataSource ds && !(bean instanceof SwitchableDataSource)
              ? new SwitchableDataSource(ds) : bean;
        }
      };
    }
  }

  private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
    return request -> {
      request.setRemoteAddr(address);
      return request;
    };
  }

  private static Cookie join(MockMvc mvc, String code, String name) throws Exception {
    return mvc.perform(post("/join").with(csrf()).param("code", code).param("name", name))
        .andReturn().getResponse().getCookie(StudentCookie.NAME);
  }

  private static org.springframework.test.web.servlet.ResultActions attempt(MockMvc mvc, Cookie student)
      throws Exception {
    return mvc.perform(post("/api/exercises/trace/attempts").cookie(student)
        .contentType(MediaType.APPLICATION_JSON).content("{\"answer\":\"x\"}"));
  }

  /**
   * Limits that fit a school: a class joins from one address; a guesser of codes and of the
   * teacher's password is stopped. Each test uses its own addresses (documentation ranges), so
   * their counts do not meet.
   */
  @Nested
  @SpringBootTest(properties = {"tutor.rate-limit.attempts-per-student=3", "tutor.rate-limit.wrong-codes-per-address=4",
      "tutor.rate-limit.joins-per-class=300", "tutor.rate-limit.sign-in-failures-per-account=5",
      "tutor.rate-limit.sign-in-failures-per-address=3"})
  @AutoConfigureMockMvc
  class RateLimits {

    @Autowired
    MockMvc mvc;

    @Autowired
    ClassroomService classrooms;

    @Test
    void attemptsBeyondTheLimit_get429WithAClearMessage() throws Exception {
      Classroom classroom = classrooms.createClass("teacher", "Limits", List.of("trace"));
      Cookie ada = join(mvc, classroom.getJoinCode(), "Ada");
      for (int i = 0; i < 3; i++) {
        attempt(mvc, ada).andExpect(status().isOk());
      }
      attempt(mvc, ada).andExpect(status().isTooManyRequests())
          .andExpect(jsonPath("$.error").value(containsString("wait a minute")));
      // the limit is the student's own: a classmate at the same address answers on
      Cookie bo = join(mvc, classroom.getJoinCode(), "Bo");
      attempt(mvc, bo).andExpect(status().isOk());
    }

    @Test
    void threeHundredStudentsFromOneAddress_allJoinWithinAMinute() throws Exception {
      Classroom classroom = classrooms.createClass("teacher", "A whole school year", List.of("trace"));
      long window = System.currentTimeMillis() / 60_000; // the limiter's one-minute windows of the UTC clock
      for (int i = 1; i <= 300; i++) {
        mvc.perform(post("/join").with(csrf()).with(from("198.51.100.10")).param("code", classroom.getJoinCode())
            .param("name", "Student " + i)).andExpect(status().is3xxRedirection());
      }
      assertThat(classrooms.students(classroom)).hasSize(300);
      // the class's own limit (300 a minute here) still holds against a flood of joins into one
      // class. The limiter counts this window's joins plus a shrinking share of the last window's,
      // so when the joins straddle two windows its count is below 300 and the next join is let in
      var oneTooMany = mvc.perform(post("/join").with(csrf()).with(from("203.0.113.99"))
          .param("code", classroom.getJoinCode()).param("name", "One too many")).andReturn().getResponse();
      assumeTrue(System.currentTimeMillis() / 60_000 == window,
          "the 300 joins and the one after them fell into two of the limiter's one-minute windows");
      assertThat(oneTooMany.getStatus()).isEqualTo(429);
      assertThat(oneTooMany.getContentAsString()).contains("joining this class");
    }

    @Test
    void aGuessingClient_isStoppedEvenWhenAGuessWouldBeRight() throws Exception {
      Classroom classroom = classrooms.createClass("teacher", "Guarded", List.of("trace"));
      for (int i = 0; i < 4; i++) {
        mvc.perform(post("/join").with(csrf()).with(from("192.0.2.7")).param("code", "GUESS2345" + i).param("name", "Eve"))
            .andExpect(status().isOk()).andExpect(content().string(containsString("No class has the code")));
      }
      mvc.perform(post("/join").with(csrf()).with(from("192.0.2.7")).param("code", "GUESS23459").param("name", "Eve"))
          .andExpect(status().isTooManyRequests()).andExpect(content().string(containsString("Too many wrong class codes")));
      mvc.perform(post("/join").with(csrf()).with(from("192.0.2.7")).param("code", classroom.getJoinCode())
              .param("name", "Eve"))
          .andExpect(status().isTooManyRequests()).andExpect(cookie().doesNotExist(StudentCookie.NAME));
      mvc.perform(get("/join/again/some-guess").with(from("192.0.2.7"))).andExpect(status().isTooManyRequests());
      // everyone else, at other addresses, joins as before
      mvc.perform(post("/join").with(csrf()).with(from("192.0.2.8")).param("code", classroom.getJoinCode())
          .param("name", "Ada")).andExpect(status().is3xxRedirection());
    }

    @Test
    void guessedReentryLinks_countAsWrongCodes() throws Exception {
      for (int i = 0; i < 4; i++) {
        mvc.perform(get("/join/again/guess-" + i).with(from("192.0.2.20"))).andExpect(status().isNotFound());
      }
      mvc.perform(get("/join/again/guess-5").with(from("192.0.2.20"))).andExpect(status().isTooManyRequests());
    }

    @Test
    void teacherSignIn_isThrottledPerAddressWithAClearMessage() throws Exception {
      long window = System.currentTimeMillis() / 60_000; // the limiter's one-minute windows of the UTC clock
      for (int i = 0; i < 3; i++) {
        mvc.perform(post("/login").with(csrf()).with(from("192.0.2.30")).param("username", "teacher")
            .param("password", "guess-number-" + i)).andExpect(redirectedUrl("/login?error"));
      }
      // even the right password is not tried from there for a minute (while the failures fall in one
      // window: across two, the limiter's sliding count is a little below three)
      var rightPassword = mvc.perform(post("/login").with(csrf()).with(from("192.0.2.30")).param("username", "teacher")
          .param("password", "test-password")).andReturn().getResponse();
      assumeTrue(System.currentTimeMillis() / 60_000 == window, "the sign-ins fell into two one-minute windows");
      assertThat(rightPassword.getRedirectedUrl()).isEqualTo("/login?throttled");
      mvc.perform(get("/login").param("throttled", "")).andExpect(content().string(containsString("Too many failed sign-ins")));
      mvc.perform(post("/login").with(csrf()).with(from("192.0.2.31")).param("username", "teacher")
          .param("password", "test-password")).andExpect(redirectedUrl("/teacher"));
    }

    @Test
    void teacherSignIn_isThrottledPerAccountAcrossAddresses() throws Exception {
      long window = System.currentTimeMillis() / 60_000; // as above: the failures must fall in one window
      for (int i = 0; i < 5; i++) {
        mvc.perform(post("/login").with(csrf()).with(from("198.18.0." + i)).param("username", "Principal")
            .param("password", "guess-number-" + i)).andExpect(redirectedUrl("/login?error"));
      }
      var anyPassword = mvc.perform(post("/login").with(csrf()).with(from("198.18.0.99")).param("username", "principal")
          .param("password", "anything-at-all")).andReturn().getResponse();
      assumeTrue(System.currentTimeMillis() / 60_000 == window, "the sign-ins fell into two one-minute windows");
      assertThat(anyPassword.getRedirectedUrl()).isEqualTo("/login?throttled");
    }
  }

  @Nested
  @SpringBootTest
  @AutoConfigureMockMvc
  @org.springframework.context.annotation.Import(Switchable.class)
  class DatabaseDown {

    @Autowired
    MockMvc mvc;

    @Autowired
    ClassroomService classrooms;

    @Autowired
    DataSource dataSource;

    @AfterEach
    void up() {
      ((SwitchableDataSource) dataSource).down = false;
    }

    @Test
    void databaseDown_gives503AndAttemptsMadeBeforeAreThereWhenItReturns() throws Exception {
      Classroom classroom = classrooms.createClass("teacher", "Outage", List.of("trace"));
      Cookie ada = join(mvc, classroom.getJoinCode(), "Ada");
      attempt(mvc, ada).andExpect(status().isOk());

      ((SwitchableDataSource) dataSource).down = true;
      mvc.perform(get("/me").cookie(ada)).andExpect(status().isServiceUnavailable())
          .andExpect(content().string(containsString("database is not reachable")))
          .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Exception"))));
      attempt(mvc, ada).andExpect(status().isServiceUnavailable())
          .andExpect(jsonPath("$.error").value(containsString("database")));
      mvc.perform(get("/lessons/notation")).andExpect(status().isOk());

      ((SwitchableDataSource) dataSource).down = false;
      mvc.perform(get("/api/me/attempts").cookie(ada)).andExpect(status().isOk())
          .andExpect(jsonPath("$.length()").value(1));
    }
  }
}
