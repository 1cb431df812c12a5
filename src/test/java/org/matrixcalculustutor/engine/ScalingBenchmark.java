package org.matrixcalculustutor.engine;

import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import org.matrixcalculustutor.algebra.Limits;
import org.matrixcalculustutor.calculus.Layout;
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
 * How the cost of a derivation grows with the size of the function: a sum of k quadratic forms
 * x'*A_i*x (which should cost about k times one), and a trace of a chain of c = max(1, k/4) pairs
 * tr(B_1*X*B_2*X*...) (c product-rule terms of 2c factors each: about c² at worst). Run with
 * {@code ./mvnw -B -Pbench test-compile exec:exec -Dbench.args=ScalingBenchmark}; divide each
 * score by k (or c²) to read the growth. Not part of the test suite.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(1)
public class ScalingBenchmark {

  private final Engine engine = new Engine(Limits.DEFAULT);

  @Param({"1", "10", "25", "50", "100"})
  public int k;

  private String quadraticForms;
  private String quadraticDeclarations;
  private String traceChain;
  private String traceDeclarations;

  @Setup
  public void build() {
    StringJoiner sum = new StringJoiner(" + ");
    StringJoiner declared = new StringJoiner("\n", "x: vector n\n", "");
    for (int i = 1; i <= k; i++) {
      sum.add("x'*A" + i + "*x");
      declared.add("A" + i + ": matrix n x n");
    }
    quadraticForms = sum.toString();
    quadraticDeclarations = declared.toString();
    // c pairs B_i*X: the differential has one term per X, each as long as the chain
    int factors = Math.max(1, k / 4);
    StringJoiner chain = new StringJoiner("*", "tr(", ")");
    StringJoiner chainDeclared = new StringJoiner("\n", "X: matrix n x n\n", "");
    for (int i = 1; i <= factors; i++) {
      chain.add("B" + i).add("X");
      chainDeclared.add("B" + i + ": matrix n x n");
    }
    traceChain = chain.toString();
    traceDeclarations = chainDeclared.toString();
  }

  /** The gradient of a sum of k quadratic forms, derived, simplified and checked. */
  @Benchmark
  public Derivative sumOfQuadraticForms() {
    return engine.derive(quadraticForms, "x", quadraticDeclarations, Layout.DENOMINATOR);
  }

  /** The gradient of the trace of a chain of max(1, k/4) pairs B_i*X, derived, simplified and checked. */
  @Benchmark
  public Derivative traceOfAChain() {
    return engine.derive(traceChain, "X", traceDeclarations, Layout.DENOMINATOR);
  }
}
