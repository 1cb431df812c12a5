package org.matrixcalculustutor.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.matrixcalculustutor.TutorApplication;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application starts lazily (spring.main.lazy-initialization): Spring's own beans are made when
 * first needed, the tutor's at start, so that a wrong setting still stops the start.
 */
class LazyStartTest {

  /** The application with these command-line arguments (they win over application.properties). */
  private static ConfigurableApplicationContext start(String... arguments) {
    return new SpringApplicationBuilder(TutorApplication.class).properties("server.port=0").run(arguments);
  }

  @Test
  void aMalformedSetting_stopsTheStartWithItsName_notTheFirstRequestAfterIt() {
    assertThatThrownBy(() -> start("--tutor.engine.deadline=abc").close())
        .hasStackTraceContaining("tutor.engine.deadline")
        .hasStackTraceContaining("'abc' is not a valid duration");
  }

  @Test
  void theTutorsBeansAreMadeAtStart_springsOwnWhenFirstNeeded() {
    try (ConfigurableApplicationContext context = start()) {
      ConfigurableListableBeanFactory beans = context.getBeanFactory();
      List<String> ours = Arrays.stream(beans.getBeanDefinitionNames())
          .filter(name -> typeName(beans, name).startsWith("org.matrixcalculustutor."))
          .toList();
      assertThat(ours).contains("engineGate", "warmUp");
      // what the tutor's @Bean methods make, of Spring's types: its security and its filters
      assertThat(beans.containsSingleton("securityFilterChain")).isTrue();
      assertThat(beans.containsSingleton("requestBodyFilter")).isTrue();
      // the warm-up alone waits: it is made as a runner, once the server listens
      assertThat(ours).filteredOn(name -> !name.equals("warmUp")).allMatch(beans::containsSingleton);
      assertThat(Arrays.stream(beans.getBeanDefinitionNames()).filter(name -> !beans.containsSingleton(name)))
          .as("Spring beans not made yet").isNotEmpty();
    }
  }

  private static String typeName(ConfigurableListableBeanFactory beans, String name) {
    Class<?> type = beans.getType(name, false);
    return type == null ? "" : type.getName();
  }
}
