package org.matrixcalculustutor.engine;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.matrixcalculustutor.algebra.Limits;
import org.matrixcalculustutor.calculus.Layout;
import org.matrixcalculustutor.grading.Grade;
import org.matrixcalculustutor.grading.Grader;
import org.matrixcalculustutor.numeric.FiniteDifferences;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Derive + simplify + finite-difference check of each identity of identities.jsonl, in process,
 * with and without printing the result and its steps as the calculator does; the
 * finite-difference check alone; grading an answer against a cached problem, as an exercise
 * attempt does. Run with {@code ./mvnw -B -Pbench test-compile exec:exec} (one method:
 * {@code -Dbench.args=EngineBenchmark.gradeRight}); the sample mode reports the median (p0.50) per
 * call. Not part of the test suite.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EngineBenchmark {

  private final Engine engine = new Engine(Limits.DEFAULT);
  private final Grader grader = new Grader(engine);
  private List<IdentityCase> cases;
  private List<Derivative> derivatives;
  private int next;
  /** The quadratic-form exercise as its first variant is cached for grading: derived and prepared once. */
  private Grader.Expected quadraticForm;

  @Param({"all"})
  public String set;

  @Setup
  public void load() {
    cases = IdentityCase.all();
    derivatives = cases.stream().map(c -> engine.derive(c.function(), c.variable(), c.declarations(), c.layout()))
        .toList();
    quadraticForm = Grader.prepare(engine.derive("x'*A*x", "x", "x: vector n\nA: matrix n x n", Layout.DENOMINATOR));
  }

  /** One identity per call, cycling through the whole set. */
  @Benchmark
  public Derivative deriveSimplifyCheck() {
    IdentityCase c = cases.get(next);
    next = (next + 1) % cases.size();
    return engine.derive(c.function(), c.variable(), c.declarations(), c.layout());
  }

  /**
   * One identity per call as the calculator shows it: derived, then printed as text and LaTeX with
   * each step's LaTeX (the engine time of POST /api/derivative; printing is lazy, so
   * deriveSimplifyCheck leaves it out).
   */
  @Benchmark
  public int deriveAndShow() {
    IdentityCase c = cases.get(next);
    next = (next + 1) % cases.size();
    Derivative d = engine.derive(c.function(), c.variable(), c.declarations(), c.layout());
    int length = d.text().length() + d.latex().length() + d.function().typing().declarations().text().length();
    for (var step : d.steps()) {
      length += step.latex().length();
    }
    return length;
  }

  /**
   * As {@link #deriveAndShow}, each call after the thread has slept 2 ms (not timed): as a server's
   * calls come, one request at a time with idle gaps between them. On a shared virtual machine the
   * caches lose the engine's code and data within such a gap, so this is what one student's
   * request costs, where deriveAndShow is what a busy server's costs.
   */
  @Benchmark
  public int deriveAndShowAfterIdle(IdleGap gap) {
    return deriveAndShow();
  }

  /** Sleeps before each call of a benchmark that takes it: a Level.Invocation setup is not timed. */
  @State(Scope.Thread)
  public static class IdleGap {

    @Setup(Level.Invocation)
    public void sleep() {
      LockSupport.parkNanos(2_000_000);
    }
  }

  /** The finite-difference check alone of one identity's derivative per call, cycling through the set. */
  @Benchmark
  public double check() {
    Derivative d = derivatives.get(next);
    next = (next + 1) % derivatives.size();
    return FiniteDifferences.maxRelativeError(d.function().typing(), d.variable(), d.result(), d.kind(), d.layout(),
        Engine.CHECK_SEED);
  }

  /** A right answer to the cached quadratic form, written otherwise than the engine's (A + A')x. */
  @Benchmark
  public Grade gradeRight() {
    return grader.grade(quadraticForm, "A*x + A'*x", 7);
  }

  /** The quadratic form's typical slip, 2Ax (A taken as symmetric): diagnosed, not only refused. */
  @Benchmark
  public Grade gradeWrong() {
    return grader.grade(quadraticForm, "2*A*x", 7);
  }
}
