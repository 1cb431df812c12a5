package org.matrixcalculustutor.exercises;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.List;
import org.matrixcalculustutor.calculus.Layout;
import org.matrixcalculustutor.derivation.Derivation;
import org.matrixcalculustutor.derivation.DerivationChecker;
import org.matrixcalculustutor.derivation.Problem;
import org.matrixcalculustutor.engine.Derivative;
import org.matrixcalculustutor.engine.Engine;
import org.matrixcalculustutor.grading.Grade;
import org.matrixcalculustutor.grading.Grader;
import org.springframework.stereotype.Component;

/**
 * Grades attempts: each variant's derivative is derived by the engine once and kept in a
 * bounded cache, so a check costs one parse and one comparison.
 */
@Component
public class ExerciseChecker {

  /** Variants and derivatives kept; beyond this the least recently used go. */
  static final int CACHE_SIZE = 4_096;

  private final Engine engine;
  private final Grader grader;
  private final Map<String, Variant> variants = lru();
  private final Map<String, Grader.Expected> derivatives = lru();
  private final Map<String, Problem> problems = lru();
  private final DerivationChecker derivations;

  ExerciseChecker(Engine engine) {
    this.engine = engine;
    this.grader = new Grader(engine);
    this.derivations = new DerivationChecker(engine);
  }

  private static <V> Map<String, V> lru() {
    return Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > CACHE_SIZE;
      }
    });
  }

  private static <V> V cached(Map<String, V> cache, String key, Function<String, V> compute) {
    V value = cache.get(key);
    if (value == null) {
      value = compute.apply(key);
      cache.put(key, value);
    }
    return value;
  }

  public Variant variant(Exercise exercise, long seed) {
    return cached(variants, exercise.id() + "#" + seed, key -> Variant.of(exercise, seed, engine));
  }

  /** The engine's derivative for a variant: what the student is graded against. */
  public Derivative expected(Variant variant) {
    return prepared(variant).derivative();
  }

  private Grader.Expected prepared(Variant variant) {
    return cached(derivatives, variant.exercise().id() + "#" + variant.seed(), key -> Grader.prepare(engine.derive(
        variant.function(), variant.variable(), variant.declarations(), Layout.parse(variant.exercise().layout()),
        variant.exercise().order())));
  }

  public Grade attempt(Exercise exercise, long seed, String answer) {
    return grader.grade(prepared(variant(exercise, seed)), answer, seed);
  }

  /** Grades an answer for any problem, not only the bank's: its first derivative (order 1) or Hessian (2). */
  public Grade check(String expression, String variable, String declarations, String layout, int order,
      String answer) {
    String key = key(expression, variable, declarations, layout, order);
    return grader.grade(expected(key, expression, variable, declarations, layout, order), answer, key.hashCode());
  }

  private static String key(String expression, String variable, String declarations, String layout, int order) {
    return expression + "\u0000" + variable + "\u0000" + declarations + "\u0000" + layout + "\u0000" + order;
  }

  private Grader.Expected expected(String key, String expression, String variable, String declarations, String layout,
      int order) {
    return cached(derivatives, key,
        k -> Grader.prepare(engine.derive(expression, variable, declarations, Layout.parse(layout), order)));
  }

  /** The engine's limits (a derivation's lines are bounded by them before any parsing). */
  public org.matrixcalculustutor.algebra.Limits limits() {
    return engine.limits();
  }

  /** Checks a student's derivation of a variant, line by line (pure engine work: run it through the gate). */
  public Derivation derivation(Exercise exercise, long seed, List<String> lines) {
    Variant variant = variant(exercise, seed);
    Problem problem = cached(problems, exercise.id() + "#" + seed, k -> Problem.of(expected(variant)));
    return derivations.check(problem, lines, seed);
  }

  /** Checks a derivation of any problem's first derivative, line by line. */
  public Derivation derivation(String expression, String variable, String declarations, String layout,
      List<String> lines) {
    String key = key(expression, variable, declarations, layout, 1);
    Problem problem = cached(problems, key,
        k -> Problem.of(expected(k, expression, variable, declarations, layout, 1).derivative()));
    return derivations.check(problem, lines, key.hashCode());
  }
}
