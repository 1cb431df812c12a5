package org.matrixcalculustutor.numeric;

import java.util.Random;

/**
 * java.util.Random's generator, the same numbers for the same seed, without its atomic update:
 * a check draws every entry of every random point from one generator on one thread, and the
 * compare-and-set behind each number was a seventh of the check's time.
 */
final class SeededRandom extends Random {

  private static final long MULTIPLIER = 0x5DEECE66DL;
  private static final long ADDEND = 0xBL;
  private static final long MASK = (1L << 48) - 1;

  private long state; // set by setSeed, which Random's constructor calls

  SeededRandom(long seed) {
    super(seed);
  }

  @Override
  public void setSeed(long seed) {
    state = (seed ^ MULTIPLIER) & MASK; // Random's initial scramble
    super.setSeed(seed);
  }

  @Override
  protected int next(int bits) {
    state = (state * MULTIPLIER + ADDEND) & MASK; // Random's linear congruence
    return (int) (state >>> (48 - bits));
  }
}
