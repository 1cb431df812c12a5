package org.matrixcalculustutor.engine;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.matrixcalculustutor.algebra.Limits;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Derive + simplify + finite-difference check of each identity of identities.jsonl, in process.
 * Run with {@code ./mvnw -B -Pbench test-compile exec:exec}; the sample mode reports the median
 * (p0.50) per identity. Not part of the test suite.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EngineBenchmark {

  private final Engine engine = new Engine(Limits.DEFAULT);
  private List<IdentityCase> cases;
  private int next;

  @Param({"all"})
  public String set;

  @Setup
  public void load() {
    cases = IdentityCase.all();
  }

  /** One identity per call, cycling through the whole set. */
  @Benchmark
  public Derivative deriveSimplifyCheck() {
    IdentityCase c = cases.get(next);
    next = (next + 1) % cases.size();
    return engine.derive(c.function(), c.variable(), c.declarations(), c.layout());
  }
}
