package org.matrixcalculustutor.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the engine's work is shared out among requests, configurable as tutor.engine.*.
 *
 * @param deadline the most engine work (CPU time) one request may take
 * @param threads workers per lane (students of a class, everybody else); 0: one per core
 * @param queue requests that may wait for a worker, per lane, before the tutor answers 503
 * @param queuePerClient requests one client may have waiting at once, before 429
 * @param queueWait the longest a request waits for a worker before 503
 * @param clientBudget the engine time one client (a student, or an address) may use per minute,
 *     before 429; a student in a class is counted alone, everybody else by address
 */
@ConfigurationProperties("tutor.engine")
record EngineProperties(Duration deadline, Integer threads, Integer queue, Integer queuePerClient,
    Duration queueWait, Duration clientBudget) {

  EngineProperties {
    deadline = deadline == null ? Duration.ofSeconds(2) : deadline;
    threads = threads == null || threads < 1 ? Runtime.getRuntime().availableProcessors() : threads;
    queue = queue == null ? 128 : queue;
    queuePerClient = queuePerClient == null ? 16 : queuePerClient;
    queueWait = queueWait == null ? Duration.ofSeconds(5) : queueWait;
    clientBudget = clientBudget == null ? Duration.ofSeconds(20) : clientBudget;
  }
}
