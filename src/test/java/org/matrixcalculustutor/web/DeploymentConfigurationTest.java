package org.matrixcalculustutor.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Dockerfile and docker-compose.yml agree with the application's configuration: the port,
 * the health path, the data directory and every environment variable they set.
 */
class DeploymentConfigurationTest {

  private static String read(String file) throws IOException {
    return Files.readString(Path.of(file));
  }

  private static Properties properties(String resource) throws IOException {
    Properties p = new Properties();
    try (InputStream in = DeploymentConfigurationTest.class.getResourceAsStream(resource)) {
      p.load(in);
    }
    return p;
  }

  /** The environment variables the configuration reads: ${NAME:default} placeholders. */
  private static String placeholders() throws IOException {
    return properties("/application.properties").values() + " " + properties("/application-postgres.properties").values();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> app() throws IOException {
    Map<String, Object> compose = new Yaml().load(read("docker-compose.yml"));
    return (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get("app");
  }

  @Test
  void dockerfile_exposesThePortTheAppServesOn() throws IOException {
    String port = properties("/application.properties").getProperty("server.port");
    Matcher defaultPort = Pattern.compile("\\$\\{PORT:(\\d+)}").matcher(port);
    assertThat(defaultPort.matches()).isTrue();
    assertThat(read("Dockerfile")).contains("EXPOSE " + defaultPort.group(1)).contains("PORT=" + defaultPort.group(1));
  }

  @Test
  void healthCheck_usesTheActuatorHealthEndpointTheAppExposes() throws IOException {
    assertThat(properties("/application.properties").getProperty("management.endpoints.web.exposure.include"))
        .contains("health");
    assertThat(read("Dockerfile")).containsPattern("HEALTHCHECK[\\s\\S]*localhost:8080/actuator/health");
  }

  @Test
  void dataDirectory_isTheVolumeAndTheAppsSetting() throws IOException {
    assertThat(properties("/application.properties").getProperty("tutor.data-dir")).contains("${TUTOR_DATA_DIR:");
    String dockerfile = read("Dockerfile");
    assertThat(dockerfile).contains("TUTOR_DATA_DIR=/data").contains("VOLUME [\"/data\"]").contains("USER tutor");
    assertThat((List<String>) app().get("volumes")).contains("tutor-data:/data");
  }

  @Test
  @SuppressWarnings("unchecked")
  void compose_setsOnlyVariablesTheAppReads() throws IOException {
    Map<String, Object> environment = (Map<String, Object>) app().get("environment");
    String read = placeholders();
    for (String name : environment.keySet()) {
      boolean known = read.contains("${" + name + ":") || name.equals("SPRING_PROFILES_ACTIVE")
          || (name.equals("JAVA_OPTS") && read("Dockerfile").contains("$JAVA_OPTS"));
      assertThat(known).as(name + " is read by the app").isTrue();
    }
    assertThat(environment.get("SPRING_PROFILES_ACTIVE")).isEqualTo("postgres");
    assertThat((List<String>) app().get("ports")).contains("8080:8080");
  }

  @Test
  @SuppressWarnings("unchecked")
  void compose_keepsEveryJvmOptionOfTheImage() throws IOException {
    Matcher image = Pattern.compile("JAVA_OPTS=\"([^\"]*)\"").matcher(read("Dockerfile"));
    assertThat(image.find()).as("the Dockerfile sets JAVA_OPTS").isTrue();
    String compose = String.valueOf(((Map<String, Object>) app().get("environment")).get("JAVA_OPTS"));
    assertThat(compose.split(" ")).as("compose replaces the image's JAVA_OPTS: it must keep them")
        .contains(image.group(1).split(" "));
  }

  @Test
  void compose_waitsForTheGracefulShutdownBeforeKilling() throws IOException {
    String phase = properties("/application.properties").getProperty("spring.lifecycle.timeout-per-shutdown-phase");
    Matcher appSeconds = Pattern.compile("(\\d+)s").matcher(phase);
    Matcher composeSeconds = Pattern.compile("(\\d+)s").matcher(String.valueOf(app().get("stop_grace_period")));
    assertThat(appSeconds.matches()).isTrue();
    assertThat(composeSeconds.matches()).isTrue();
    assertThat(Integer.parseInt(composeSeconds.group(1))).isGreaterThan(Integer.parseInt(appSeconds.group(1)));
    assertThat(read("Dockerfile")).contains("STOPSIGNAL SIGTERM");
  }
}
