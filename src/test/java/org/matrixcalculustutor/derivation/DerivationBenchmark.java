package org.matrixcalculustutor.derivation;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.matrixcalculustutor.algebra.Limits;
import org.matrixcalculustutor.calculus.Layout;
import org.matrixcalculustutor.engine.Engine;
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
 * The engine time of checking a 5-line derivation, warm: the problem is prepared once (the app
 * caches it per exercise variant), each call checks the five lines, finds the slip of a wrong one and
 * grades the read-off. Run with
 * {@code ./mvnw -B -Pbench test-compile exec:exec -Dbench.args=DerivationBenchmark}; the sample mode
 * reports the median (p0.50) and the tail per derivation. Not part of the test suite.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DerivationBenchmark {

  /** A problem and a 5-line derivation of it. */
  record Case(String function, String variable, String declarations, List<String> lines) {}

  static final Map<String, Case> CASES = Map.of(
      "quadratic", new Case("x'*A*x", "x", "A: matrix n x n\nx: vector n", List.of(
          "df = dx'*A*x + x'*A*dx", "= (dx'*A*x)' + x'*A*dx", "= x'*A'*dx + x'*A*dx", "= x'*(A' + A)*dx",
          "= <(A + A')*x, dx>")),
      "least-squares", new Case("(A*x - b)'*(A*x - b)", "x", "A: matrix m x n\nx: vector n\nb: vector m", List.of(
          "df = (A*dx)'*(A*x - b) + (A*x - b)'*A*dx", "= dx'*A'*(A*x - b) + (A*x - b)'*A*dx",
          "= (A*x - b)'*A*dx + (A*x - b)'*A*dx", "= 2*(A*x - b)'*A*dx", "= <2*A'*(A*x - b), dx>")),
      "trace", new Case("tr(A*X*B)", "X", "A: matrix p x m\nX: matrix m x n\nB: matrix n x p", List.of(
          "df = tr(A*dX*B)", "= tr(B*A*dX)", "= tr(((B*A)')'*dX)", "= <(B*A)', dX>", "= <A'*B', dX>")),
      "quadratic-with-slip", new Case("x'*A*x", "x", "A: matrix n x n\nx: vector n", List.of(
          "df = dx'*A*x + x'*A*dx", "= (dx'*A*x)' + x'*A*dx", "= x'*A*dx + x'*A*dx", "= 2*x'*A*dx",
          "= <2*A'*x, dx>")));

  private final DerivationChecker checker = new DerivationChecker(new Engine(Limits.DEFAULT));
  private Problem problem;
  private List<String> lines;

  @Param({"quadratic", "least-squares", "trace", "quadratic-with-slip"})
  public String derivation;

  @Setup
  public void prepare() {
    Case c = CASES.get(derivation);
    problem = checker.problem(c.function(), c.variable(), c.declarations(), Layout.DENOMINATOR);
    lines = c.lines();
    Derivation once = checker.check(problem, lines, 1L);
    boolean slip = derivation.endsWith("with-slip");
    if (once.correct() == slip) {
      throw new IllegalStateException(derivation + " was checked " + once.verdict());
    }
  }

  @Benchmark
  public Derivation checkFiveLines() {
    return checker.check(problem, lines, 1L);
  }
}
