package org.matrixcalculustutor.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The data directory is made absolute once, at start, and the log says where it is. */
class DataDirectoryTest {

  private final List<String> logged = new ArrayList<>();

  private DataDirectory dataDirectory() {
    Log log = (Log) Proxy.newProxyInstance(Log.class.getClassLoader(), new Class<?>[] {Log.class},
        (proxy, method, args) -> {
          if (method.getName().equals("info")) {
            logged.add(String.valueOf(args[0]));
          }
          return method.getReturnType() == boolean.class ? true : null;
        });
    return new DataDirectory(destination -> log);
  }

  private StandardEnvironment environment(Map<String, Object> properties) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addLast(new MapPropertySource("application", properties));
    return environment;
  }

  @Test
  void aRelativeDataDirectory_becomesAbsoluteAndTheDatabaseFollows() {
    StandardEnvironment environment = environment(Map.of("tutor.data-dir", "./data",
        "spring.datasource.url", "jdbc:h2:file:${tutor.data-dir}/tutor"));
    dataDirectory().postProcessEnvironment(environment, null);
    String absolute = Path.of("data").toAbsolutePath().normalize().toString();
    assertThat(environment.getProperty("tutor.data-dir")).isEqualTo(absolute);
    assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:h2:file:" + absolute + "/tutor");
    assertThat(logged).containsExactly("Data directory: " + absolute + " (the H2 database is " + absolute
        + "/tutor.mv.db; set TUTOR_DATA_DIR to choose another directory)");
  }

  /** The file the log names is the one on disk: H2's settings after ';' are not part of its name. */
  @Test
  void theDatabaseFileNamedInTheLog_leavesOutTheUrlsSettings() {
    StandardEnvironment environment = environment(Map.of("tutor.data-dir", "/var/lib/tutor",
        "spring.datasource.url", "jdbc:h2:file:${tutor.data-dir}/tutor;WRITE_DELAY=0"));
    dataDirectory().postProcessEnvironment(environment, null);
    assertThat(logged).containsExactly("Data directory: /var/lib/tutor (the H2 database is /var/lib/tutor/tutor.mv.db;"
        + " set TUTOR_DATA_DIR to choose another directory)");
  }

  @Test
  void withPostgreSql_theLogSaysTheDirectoryIsUnusedAndHidesNoPassword() {
    StandardEnvironment environment = environment(Map.of("tutor.data-dir", "/var/lib/tutor",
        "spring.datasource.url", "jdbc:postgresql://db:5432/tutor"));
    dataDirectory().postProcessEnvironment(environment, null);
    assertThat(logged).containsExactly("Data directory: /var/lib/tutor (unused: the database is jdbc:postgresql://db:5432/tutor)");
  }
}
