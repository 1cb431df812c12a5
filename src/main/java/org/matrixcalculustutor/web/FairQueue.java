package org.matrixcalculustutor.web;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Waiting work, served round-robin by client: one client's many jobs wait behind each other, not
 * in front of everybody else's, and no client runs more than a share of the workers at once, so a
 * newcomer finds a worker free however many long jobs one client sends. Bounded as a whole and
 * per client; a job that waits too long is taken out by its caller.
 *
 * @param <J> the jobs
 */
final class FairQueue<J> {

  /** Why a job was not queued; null when it was. */
  enum Refusal {
    FULL,
    CLIENT_FULL
  }

  /** A job with the client it is for, as a worker takes it. */
  record Taken<J>(String client, J job) {}

  private final int capacity;
  private final int perClient;
  private final int runningPerClient;
  private final Map<String, ArrayDeque<J>> waiting = new HashMap<>();
  private final Map<String, Integer> running = new HashMap<>();
  /** Clients with waiting jobs, in the order they are served next. */
  private final ArrayDeque<String> turns = new ArrayDeque<>();
  private int size;
  private boolean closed;

  /**
   * @param capacity jobs that may wait in all
   * @param perClient jobs one client may have waiting
   * @param runningPerClient jobs of one client that may run at once
   */
  FairQueue(int capacity, int perClient, int runningPerClient) {
    this.capacity = capacity;
    this.perClient = perClient;
    this.runningPerClient = runningPerClient;
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
    notifyAll();
    return null;
  }

  /**
   * The next job, from the first client in turn that may run one more; waits for one. Null once
   * closed. The worker calls {@link #finished} with the client when the job is done.
   */
  synchronized Taken<J> take() throws InterruptedException {
    while (!closed) {
      for (Iterator<String> it = turns.iterator(); it.hasNext(); ) {
        String client = it.next();
        if (running.getOrDefault(client, 0) >= runningPerClient) {
          continue;
        }
        it.remove();
        ArrayDeque<J> jobs = waiting.get(client);
        J job = jobs.removeFirst();
        size--;
        if (jobs.isEmpty()) {
          waiting.remove(client);
        } else {
          turns.addLast(client); // the others go first
        }
        running.merge(client, 1, Integer::sum);
        return new Taken<>(client, job);
      }
      wait();
    }
    return null;
  }

  /** A job of client has ended: the client may run another. */
  synchronized void finished(String client) {
    running.computeIfPresent(client, (c, n) -> n > 1 ? n - 1 : null);
    notifyAll();
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

  /** Whether client has a job running now. */
  synchronized boolean isRunning(String client) {
    return running.containsKey(client);
  }

  synchronized int size() {
    return size;
  }

  synchronized void close() {
    closed = true;
    notifyAll();
  }
}
