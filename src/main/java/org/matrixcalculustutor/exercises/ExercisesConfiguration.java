package org.matrixcalculustutor.exercises;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The bank, read once at start. */
@Configuration(proxyBeanMethods = false)
class ExercisesConfiguration {

  @Bean
  ExerciseBank exerciseBank() {
    return ExerciseBank.load();
  }
}
