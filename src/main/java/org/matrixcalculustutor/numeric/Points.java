package org.matrixcalculustutor.numeric;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.matrixcalculustutor.algebra.Declarations;

/**
 * The random points of one seed for one set of declarations, in the order the seed gives them,
 * each drawn once and then shared: every grading of a cached problem compares at the same points,
 * so they are drawn at its first grading, not at each. Points never change once drawn (values are
 * only read), so gradings on several threads share them.
 */
public final class Points {

  private final Declarations declarations;
  private final long seed;
  private final Random random;
  private final List<Bindings> drawn = new ArrayList<>();

  public Points(Declarations declarations, long seed) {
    this.declarations = declarations;
    this.seed = seed;
    this.random = new SeededRandom(seed);
  }

  public Declarations declarations() {
    return declarations;
  }

  public long seed() {
    return seed;
  }

  /** The i-th point of the seed's sequence (as RandomBindings.draw gives it from this seed). */
  synchronized Bindings get(int i) {
    while (drawn.size() <= i) {
      drawn.add(RandomBindings.draw(declarations, random));
    }
    return drawn.get(i);
  }
}
