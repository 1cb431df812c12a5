package org.matrixcalculustutor.exercises;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.matrixcalculustutor.algebra.Children;
import org.matrixcalculustutor.algebra.Declaration;
import org.matrixcalculustutor.algebra.Declarations;
import org.matrixcalculustutor.algebra.Expr;
import org.matrixcalculustutor.algebra.Exprs;
import org.matrixcalculustutor.algebra.Renamer;
import org.matrixcalculustutor.algebra.TextPrinter;
import org.matrixcalculustutor.engine.Analysis;
import org.matrixcalculustutor.engine.Engine;

/**
 * An exercise as one student sees it: from a seed, single-letter symbols get other names and
 * whole-number coefficients other values, so two students do not see identical text; seed 0 is
 * the exercise as written. The seed is part of every attempt, so a check can be reproduced.
 *
 * @param exercise the bank's exercise
 * @param seed which variant
 * @param function f of this variant
 * @param variable the variable of this variant
 * @param declarations the declarations of this variant
 */
public record Variant(Exercise exercise, long seed, String function, String variable, String declarations) {

  private static final List<String> MATRIX_NAMES = List.of("A", "B", "C", "D", "M", "N", "P", "R", "W", "X", "Y", "Z");
  private static final List<String> VECTOR_NAMES = List.of("a", "b", "c", "u", "v", "w", "x", "y", "z", "p", "q");
  private static final List<String> SCALAR_NAMES = List.of("r", "s", "t", "c", "k");

  static Variant of(Exercise exercise, long seed, Engine engine) {
    if (seed == 0) {
      return new Variant(exercise, 0, exercise.function(), exercise.variable(), exercise.declarations());
    }
    Analysis analysis = engine.analyze(exercise.function(), exercise.declarations());
    Declarations declarations = analysis.typing().declarations();
    Random random = new Random(seed);
    Map<String, String> names = new HashMap<>();
    Set<String> taken = new HashSet<>();
    for (Declaration d : declarations.all()) {
      if (d.name().length() > 1) {
        taken.add(d.name());
      }
    }
    for (Declaration d : declarations.all()) {
      if (d.name().length() == 1) {
        List<String> pool = new ArrayList<>(d.shape().isScalar() ? SCALAR_NAMES
            : d.shape().isColumn() ? VECTOR_NAMES : MATRIX_NAMES);
        pool.removeAll(taken);
        Collections.shuffle(pool, random);
        String name = pool.isEmpty() ? d.name() : pool.get(0);
        names.put(d.name(), name);
        taken.add(name);
      }
    }
    Expr renamed = Renamer.rename(analysis.expr(), names);
    Expr varied = Children.bottomUp(renamed, node -> node instanceof Expr.Number n
        && n.value() == Math.rint(n.value()) && n.value() >= 2 && n.value() <= 9
        ? Exprs.number(2 + random.nextInt(4)) : node);
    Declarations variantDeclarations = Renamer.rename(declarations, names);
    return new Variant(exercise, seed, TextPrinter.print(varied),
        names.getOrDefault(exercise.variable(), exercise.variable()), variantDeclarations.text());
  }
}
