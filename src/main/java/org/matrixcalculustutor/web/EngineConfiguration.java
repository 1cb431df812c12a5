package org.matrixcalculustutor.web;

import org.matrixcalculustutor.engine.Engine;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one Engine of the application, with the configured limits. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({LimitsProperties.class, EngineProperties.class})
class EngineConfiguration {

  @Bean
  Engine engine(LimitsProperties properties) {
    return new Engine(properties.limits());
  }
}
