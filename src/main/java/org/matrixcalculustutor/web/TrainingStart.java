package org.matrixcalculustutor.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A training start (tutor.training-start=true, as the -Pcds build and the Dockerfile run it): the
 * application starts and warms up as usual, then stops as soon as it is ready. The JVM writes its
 * class-data archive or AOT cache at that exit, so the archive holds what serving pages, attempts
 * and derivations loads and, on JDK 24 and newer, the method profiles of that work: the next start
 * meets its first students with those classes linked and the JIT compiling from real profiles. A
 * training that stopped once the context was refreshed knew only the start itself.
 */
@Component
class TrainingStart {

  private static final Logger LOG = LoggerFactory.getLogger(TrainingStart.class);

  private final ApplicationContext context;
  private final boolean enabled;

  TrainingStart(ApplicationContext context, @Value("${tutor.training-start:false}") boolean enabled) {
    this.context = context;
    this.enabled = enabled;
  }

  /** Ready means every runner has run, the warm-up among them: the training is done. */
  @EventListener(ApplicationReadyEvent.class)
  void stopOnceReady() {
    if (enabled) {
      LOG.info("Training start: ready and warmed up, stopping");
      System.exit(SpringApplication.exit(context));
    }
  }
}
