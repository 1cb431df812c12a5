package org.matrixcalculustutor.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.matrixcalculustutor.algebra.Deadline;
import org.matrixcalculustutor.algebra.ExpressionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Every request's engine work runs here, never on a request thread: on a few workers per lane
 * (students of a class in one lane, everybody else in the other), so that pages, sign-ins and a
 * class's attempts are served however hard anonymous clients push the calculator. Within a lane
 * clients take turns (one client's many requests wait behind each other) and no client runs on
 * more than half the workers, so a newcomer finds one free; each request works
 * under a deadline; each client has an engine-time budget per minute. What does not fit is
 * refused at once, with 429 (this client) or 503 (everybody) and Retry-After, before any work.
 */
@Component
public class EngineGate implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(EngineGate.class);

  /** Clients whose budget is tracked before the idle ones are forgotten. */
  static final int SWEEP_AT = 10_000;

  /** Who asks: a student of a class (their own lane and budget), or anybody else, by address. */
  public record Client(String key, boolean student) {

    public static Client student(long id) {
      return new Client("student:" + id, true);
    }

    /** An anonymous client: its address (behind a trusted proxy, the forwarded one). */
    public static Client anonymous(HttpServletRequest request) {
      return new Client("address:" + request.getRemoteAddr(), false);
    }
  }

  /**
   * The engine's work was not done; the status (429 or 503) and Retry-After say why and when to
   * try again. A page that does not catch it gets the error page with that status.
   */
  public static final class Refused extends ResponseStatusException {

    private final long retryAfterSeconds;

    Refused(HttpStatus status, long retryAfterSeconds, String message) {
      super(status, message);
      this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
      return retryAfterSeconds;
    }

    @Override
    public HttpHeaders getHeaders() {
      HttpHeaders headers = new HttpHeaders();
      headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
      return headers;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this; // expected under load: no stack trace to fill
    }
  }

  private final EngineProperties properties;
  private final Lane students;
  private final Lane others;
  private final Map<String, Budget> budgets = new ConcurrentHashMap<>();

  EngineGate(EngineProperties properties) {
    this.properties = properties;
    this.students = new Lane("engine-class", properties);
    this.others = new Lane("engine-open", properties);
  }

  /**
   * Runs work (pure engine work: no request, session or database inside) for a request and
   * records its time for the Server-Timing header.
   *
   * @throws Refused when the client is over its budget or the lane's queue is full (before any
   *     work), or when the work found no worker in time
   * @throws ExpressionException when the work needed more than the deadline, or for bad input
   */
  public <T> T run(HttpServletRequest request, Client client, Supplier<T> work) {
    Budget budget = budget(client);
    budget.admit();
    Lane lane = client.student() ? students : others;
    Job<T> job = new Job<>(work, properties.deadline());
    FairQueue.Refusal refusal = lane.queue.offer(client.key(), job);
    if (refusal == FairQueue.Refusal.FULL) {
      throw new Refused(HttpStatus.SERVICE_UNAVAILABLE, 2,
          "the tutor is busy with many calculations right now; try again in a few seconds");
    }
    if (refusal == FairQueue.Refusal.CLIENT_FULL) {
      throw new Refused(HttpStatus.TOO_MANY_REQUESTS, 2,
          "you have many calculations waiting already; wait for them, then try again");
    }
    try {
      return job.await(lane.queue, client.key(), properties);
    } finally {
      budget.spend(job.elapsedNanos());
      EngineTiming.add(request, job.elapsedNanos(), job.cpuNanos());
    }
  }

  private Budget budget(Client client) {
    if (budgets.size() > SWEEP_AT) {
      budgets.values().removeIf(Budget::idle);
    }
    return budgets.computeIfAbsent(client.key(), k -> new Budget(properties.clientBudget()));
  }

  @Override
  public void destroy() {
    students.close();
    others.close();
  }

  /** A lane: its waiting jobs and the workers that run them. */
  private static final class Lane {

    final FairQueue<Job<?>> queue;
    private final List<Thread> workers = new ArrayList<>();

    Lane(String name, EngineProperties properties) {
      // no client runs on more than half the workers: the rest stay free for everybody else
      this.queue = new FairQueue<>(properties.queue(), properties.queuePerClient(),
          Math.max(1, properties.threads() / 2));
      for (int i = 1; i <= properties.threads(); i++) {
        Thread worker = new Thread(this::work, name + "-" + i);
        worker.setDaemon(true);
        worker.start();
        workers.add(worker);
      }
    }

    private void work() {
      try {
        for (FairQueue.Taken<Job<?>> next = queue.take(); next != null; next = queue.take()) {
          try {
            next.job().run();
          } finally {
            queue.finished(next.client());
          }
        }
      } catch (InterruptedException stopping) {
        Thread.currentThread().interrupt();
      }
    }

    void close() {
      queue.close();
      workers.forEach(Thread::interrupt);
    }
  }

  /** One request's work, run by a worker, awaited by the request's thread. */
  private static final class Job<T> {

    private final Supplier<T> work;
    private final Duration deadline;
    private final CompletableFuture<T> result = new CompletableFuture<>();
    private volatile long elapsedNanos;
    private volatile long cpuNanos = -1;

    Job(Supplier<T> work, Duration deadline) {
      this.work = work;
      this.deadline = deadline;
    }

    void run() {
      if (result.isDone()) {
        return; // given up while it waited
      }
      long start = System.nanoTime();
      long cpuStart = Deadline.threadCpuNanos();
      try {
        T value = Deadline.run(deadline, work);
        finished(start, cpuStart);
        result.complete(value);
      } catch (Throwable failure) { // handed to the request's thread, which reports it
        finished(start, cpuStart);
        result.completeExceptionally(failure);
      }
    }

    private void finished(long start, long cpuStart) {
      cpuNanos = cpuStart < 0 ? -1 : Deadline.threadCpuNanos() - cpuStart;
      elapsedNanos = System.nanoTime() - start;
    }

    long elapsedNanos() {
      return elapsedNanos;
    }

    /** The CPU time the work used, at most its {@link #elapsedNanos}; -1 where the JVM cannot tell. */
    long cpuNanos() {
      return cpuNanos;
    }

    T await(FairQueue<Job<?>> queue, String client, EngineProperties properties) {
      try {
        try {
          return result.get(properties.queueWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException waiting) {
          boolean behindItsOwn = queue.isRunning(client);
          if (queue.remove(client, this)) {
            throw behindItsOwn
                ? new Refused(HttpStatus.TOO_MANY_REQUESTS, 5,
                    "your earlier calculations are still running; wait for them, then try again")
                : new Refused(HttpStatus.SERVICE_UNAVAILABLE, 5,
                    "the tutor is busy with many calculations right now; try again in a few seconds");
          }
          // running: the deadline ends it, by the wall clock at the latest
          long rest = deadline.toMillis() * 3 + 1_000;
          return result.get(rest, TimeUnit.MILLISECONDS);
        }
      } catch (TimeoutException stuck) {
        result.cancel(false);
        log.warn("engine work outlived its deadline by the wall clock");
        throw new Refused(HttpStatus.SERVICE_UNAVAILABLE, 5,
            "the tutor is very busy and could not finish this in time; try again in a moment");
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        result.cancel(false);
        throw new Refused(HttpStatus.SERVICE_UNAVAILABLE, 5, "the tutor is stopping; try again in a moment");
      } catch (ExecutionException failed) {
        if (failed.getCause() instanceof Deadline.Exceeded passed) {
          // too much work for one request is a property of the input, like any other limit;
          // a machine too busy to finish in time is not
          if (passed.busy()) {
            throw new Refused(HttpStatus.SERVICE_UNAVAILABLE, 5, passed.getMessage());
          }
          throw new ExpressionException(passed.getMessage());
        }
        if (failed.getCause() instanceof RuntimeException e) {
          throw e;
        }
        if (failed.getCause() instanceof Error e) {
          throw e;
        }
        throw new IllegalStateException(failed.getCause());
      }
    }
  }

  /**
   * A client's engine time in the last minute, as a leaky bucket: it drains at budget per minute,
   * and a client whose bucket is over the budget waits until it has drained below.
   */
  private static final class Budget {

    private final long budgetNanos;
    private long level;
    private long updated = System.nanoTime();

    Budget(Duration perMinute) {
      this.budgetNanos = perMinute.toNanos();
    }

    synchronized void admit() {
      drain();
      if (level > budgetNanos) {
        long seconds = (long) Math.ceil((level - budgetNanos) / (double) budgetNanos * 60) + 1;
        throw new Refused(HttpStatus.TOO_MANY_REQUESTS, seconds, "you have used a lot of the tutor's "
            + "calculation time in the last minute; wait " + seconds + " s, then try again");
      }
    }

    synchronized void spend(long nanos) {
      drain();
      level += nanos;
    }

    synchronized boolean idle() {
      drain();
      return level == 0;
    }

    private void drain() {
      long now = System.nanoTime();
      level = Math.max(0, level - (long) ((now - updated) / 60.0 * budgetNanos / 1e9));
      updated = now;
    }
  }
}
