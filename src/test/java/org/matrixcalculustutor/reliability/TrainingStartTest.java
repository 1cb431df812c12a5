package org.matrixcalculustutor.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The training start that the -Pcds build and the Dockerfile run to write the class-data archive:
 * the JVM must end by itself, with status 0, and only after the warm-up has run (else the archive
 * holds no request path).
 */
class TrainingStartTest {

  @TempDir
  Path dir;

  @Test
  void aTrainingStart_warmsUpThenStopsByItselfWithStatusZero() throws Exception {
    Files.createDirectories(Path.of("target", "reliability"));
    Path log = Path.of("target", "reliability", "training-start.log");
    Files.deleteIfExists(log);
    try (ChildApp app = new ChildApp(log, "--tutor.data-dir=" + dir.resolve("data"),
        "--tutor.training-start=true", "--tutor.warm-up-time=1s",
        "--logging.level.org.matrixcalculustutor.web=INFO")) {
      assertThat(app.runToExit()).as("exit status; see %s", log).isZero();
    }
    String output = Files.readString(log);
    assertThat(output).contains("Warm-up: ", "requests to the API and the pages");
    assertThat(output.indexOf("Training start: ready and warmed up, stopping"))
        .as("the stop comes after the warm-up's requests")
        .isGreaterThan(output.indexOf("requests to the API and the pages"));
  }
}
