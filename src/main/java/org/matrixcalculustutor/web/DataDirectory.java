package org.matrixcalculustutor.web;

import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Resolves the data directory (tutor.data-dir, TUTOR_DATA_DIR) to an absolute path once, at start,
 * and says where it is: the H2 database lives there, so starting the app from another folder must
 * not silently open another, empty, database.
 */
public class DataDirectory implements EnvironmentPostProcessor, Ordered {

  static final String PROPERTY = "tutor.data-dir";

  private final Log log;

  public DataDirectory(DeferredLogFactory logs) {
    this.log = logs.getLog(DataDirectory.class);
  }

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    String configured = environment.getProperty(PROPERTY);
    if (configured == null || configured.isBlank()) {
      return;
    }
    Path absolute = Path.of(configured.strip()).toAbsolutePath().normalize();
    environment.getPropertySources().addFirst(new MapPropertySource("tutorDataDirectory",
        Map.of(PROPERTY, absolute.toString())));
    String url = environment.getProperty("spring.datasource.url", "");
    if (url.startsWith("jdbc:h2:file:")) {
      String file = url.substring("jdbc:h2:file:".length()).split(";", 2)[0]; // without ;WRITE_DELAY=0 and the like
      log.info("Data directory: " + absolute + " (the H2 database is " + file
          + ".mv.db; set TUTOR_DATA_DIR to choose another directory)");
    } else {
      log.info("Data directory: " + absolute + " (unused: the database is " + url.replaceAll("//[^/@]*@", "//") + ")");
    }
  }

  /** After the application's own properties are loaded. */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
