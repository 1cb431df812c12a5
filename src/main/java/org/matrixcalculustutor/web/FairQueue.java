package org.matrixcalculustutor.web;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Waiting work, served round-robin by client: one client's many jobs wait behind each other, not
 * in front of everybody else's. Bounded as a whole and per client; a job that waits too long is
 * taken out by its caller.
 *
 * @param <J> the jobs
 */
final class FairQueue<J> {

  /** Why a job was not queued; null when it was. */
  enum Refusal {
    FULL,
    CLIENT_FULL
  }

  private final int capacity;
  private final int perClient;
  private final Map<String, ArrayDeque<J>> waiting = new HashMap<>();
  /** Clients with waiting jobs, in the order they are served next. */
  private final ArrayDeque<String> turns = new ArrayDeque<>();
  private int size;
  private boolean closed;

  FairQueue(int capacity, int perClient) {
    this.capacity = capacity;
    this.perClient = perClient;
  }

  /** Queues job for client, or says why not. */
  synchronized Refusal offer(String client, J job) {
    if (size >= capacity) {
      return Refusal.FULL;
    }
    ArrayDeque<J> jobs = waiting.computeIfAbsent(client, c -> new ArrayDeque<>());
    if (jobs.size() >= perClient) {
      return Refusal.CLIENT_FULL;
    }
    if (jobs.isEmpty()) {
      turns.addLast(client);
    }
    jobs.addLast(job);
    size++;
    notify();
    return null;
  }

  /** The next job, from the client whose turn it is; waits for one. Null once closed. */
  synchronized J take() throws InterruptedException {
    while (size == 0 && !closed) {
      wait();
    }
    if (closed) {
      return null;
    }
    String client = turns.removeFirst();
    ArrayDeque<J> jobs = waiting.get(client);
    J job = jobs.removeFirst();
    size--;
    if (jobs.isEmpty()) {
      waiting.remove(client);
    } else {
      turns.addLast(client); // the others go first
    }
    return job;
  }

  /** Takes a job out that has not started; false when a worker has it already. */
  synchronized boolean remove(String client, J job) {
    ArrayDeque<J> jobs = waiting.get(client);
    if (jobs == null || !jobs.remove(job)) {
      return false;
    }
    size--;
    if (jobs.isEmpty()) {
      waiting.remove(client);
      turns.remove(client);
    }
    return true;
  }

  synchronized int size() {
    return size;
  }

  synchronized void close() {
    closed = true;
    notifyAll();
  }
}
