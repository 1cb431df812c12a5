package org.matrixcalculustutor.exercises;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
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
 * An exercise as one student sees it: from a seed, single-letter symbols other than the variable
 * get other names and whole-number coefficients other values, so two students do not see identical
 * text; seed 0 is the exercise as written. The variant is whole: its title and hints are the bank's
 * templates under the same renaming, and the variable keeps its name. An exercise whose title or
 * hints name a symbol in plain prose (not as a $formula$) cannot follow a renaming, so its variants
 * keep the names. The seed is part of every attempt, so a check can be reproduced.
 *
 * @param exercise the bank's exercise
 * @param seed which variant
 * @param function f of this variant
 * @param variable the variable (the same in every variant)
 * @param declarations the declarations of this variant
 * @param names the renaming of the exercise's symbols (empty for seed 0)
 * @param title the title of this variant
 * @param hints the hints of this variant, in order
 */
public record Variant(Exercise exercise, long seed, String function, String variable, String declarations,
    Map<String, String> names, Template.Rendered title, List<Template.Rendered> hints) {

  private static final List<String> MATRIX_NAMES = List.of("A", "B", "C", "D", "M", "N", "P", "R", "W", "X", "Y", "Z");
  private static final List<String> VECTOR_NAMES = List.of("a", "b", "c", "u", "v", "w", "x", "y", "z", "p", "q");
  private static final List<String> SCALAR_NAMES = List.of("r", "s", "t", "c", "k");

  public Variant {
    names = Map.copyOf(names);
    hints = List.copyOf(hints);
  }

  static Variant of(Exercise exercise, long seed, Engine engine) {
    Analysis analysis = engine.analyze(exercise.function(), exercise.declarations());
    Declarations declarations = analysis.typing().declarations();
    Set<String> symbols = new LinkedHashSet<>();
    declarations.all().forEach(d -> symbols.add(d.name()));
    if (seed == 0) {
      return new Variant(exercise, 0, exercise.function(), exercise.variable(), exercise.declarations(), Map.of(),
          exercise.title().render(symbols, Map.of()), hints(exercise, symbols, Map.of()));
    }
    Random random = new Random(seed);
    Map<String, String> names = followsRenaming(exercise, symbols) ? names(exercise, declarations, symbols, random)
        : Map.of();
    Expr renamed = Renamer.rename(analysis.expr(), names);
    Expr varied = Children.bottomUp(renamed, node -> node instanceof Expr.Number n
        && n.value() == Math.rint(n.value()) && n.value() >= 2 && n.value() <= 9
        ? Exprs.number(2 + random.nextInt(4)) : node);
    Declarations variantDeclarations = Renamer.rename(declarations, names);
    return new Variant(exercise, seed, TextPrinter.print(varied, variantDeclarations), exercise.variable(),
        variantDeclarations.text(),
        names, exercise.title().render(symbols, names), hints(exercise, symbols, names));
  }

  /** Whether every text of the exercise names its symbols only in formulas, which a renaming reaches. */
  static boolean followsRenaming(Exercise exercise, Set<String> symbols) {
    if (!exercise.title().namedInProse(symbols).isEmpty()) {
      return false;
    }
    return exercise.hints().stream().allMatch(h -> h.text().namedInProse(symbols).isEmpty());
  }

  /** New names for the single-letter symbols but the variable, clear of every name the texts use. */
  private static Map<String, String> names(Exercise exercise, Declarations declarations, Set<String> symbols,
      Random random) {
    Set<String> taken = new HashSet<>(symbols); // a new name is no name the exercise already has
    for (Declaration d : declarations.all()) {
      if (d.name().length() > 1) {
        taken.add(d.name());
      }
    }
    taken.addAll(exercise.title().names(symbols)); // local names such as r in "let r = Ax - b"
    exercise.hints().forEach(h -> taken.addAll(h.text().names(symbols)));
    Map<String, String> names = new HashMap<>();
    for (Declaration d : declarations.all()) {
      if (d.name().length() == 1 && !d.name().equals(exercise.variable())) {
        List<String> pool = new ArrayList<>(d.shape().isScalar() ? SCALAR_NAMES
            : d.shape().isColumn() ? VECTOR_NAMES : MATRIX_NAMES);
        pool.removeAll(taken);
        Collections.shuffle(pool, random);
        String name = pool.isEmpty() ? d.name() : pool.get(0);
        names.put(d.name(), name);
        taken.add(name);
      }
    }
    return names;
  }

  private static List<Template.Rendered> hints(Exercise exercise, Set<String> symbols, Map<String, String> names) {
    return exercise.hints().stream().map(h -> h.text().render(symbols, names)).toList();
  }

  /** The lesson section a hint comes from: its own, else the exercise's. */
  public String hintLink(int index) {
    Hint hint = exercise.hints().get(index);
    return hint.lesson() == null ? exercise.lessonLink() : Links.lesson(hint.lesson());
  }
}
