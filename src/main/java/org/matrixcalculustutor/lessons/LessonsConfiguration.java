package org.matrixcalculustutor.lessons;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The lessons' identities, read once at start and shared by the pages that cite them. */
@Configuration(proxyBeanMethods = false)
class LessonsConfiguration {

  @Bean
  LessonCatalog lessonCatalog() {
    return LessonCatalog.load();
  }
}
