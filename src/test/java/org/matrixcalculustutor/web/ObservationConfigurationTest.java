package org.matrixcalculustutor.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ObservationConfigurationTest {

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class))
      .withUserConfiguration(ObservationConfiguration.class);

  @Test
  void registry_isNoopWhenNoSettingAsks() {
    context.run(c -> assertThat(c.getBean(ObservationRegistry.class).isNoop()).isTrue());
  }

  @Test
  void registry_observesWhenTheSettingAsks() {
    context.withPropertyValues("tutor.observations=true")
        .run(c -> assertThat(c.getBean(ObservationRegistry.class)).isNotSameAs(ObservationRegistry.NOOP));
  }
}
