package org.matrixcalculustutor.classroom;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
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

  @Nested
  @SpringBootTest(properties = {"tutor.rate-limit.attempts-per-student=3", "tutor.rate-limit.joins-per-address=4"})
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
    }

    @Test
    void joinCodeGuessing_isLimitedPerAddress() throws Exception {
      // a guesser at its own (documentation) address, so other tests' joins do not count
      for (int i = 0; i < 4; i++) {
        mvc.perform(post("/join").with(csrf()).with(from("192.0.2.7")).param("code", "GUESS" + i).param("name", "Eve"))
            .andExpect(status().isOk());
      }
      mvc.perform(post("/join").with(csrf()).with(from("192.0.2.7")).param("code", "GUESS9").param("name", "Eve"))
          .andExpect(status().isTooManyRequests());
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
