package org.matrixcalculustutor.grading;

import java.util.Locale;

/** Which route decided that two expressions are equal. */
public enum Equivalence {
  /** Their simplified normal forms are identical. */
  SYMBOLIC,
  /** They agree at random points with distinct sizes. */
  NUMERIC;

  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
