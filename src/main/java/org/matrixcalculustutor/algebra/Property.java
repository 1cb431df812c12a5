package org.matrixcalculustutor.algebra;

import java.util.Locale;

/** What a declaration may promise about a symbol; later steps rely on it (A' = A for symmetric A). */
public enum Property {
  SYMMETRIC,
  SPD,
  INVERTIBLE,
  DIAGONAL,
  ORTHOGONAL,
  POSITIVE;

  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The property in words, as a problem statement says it: "symmetric positive definite". */
  public String words() {
    return switch (this) {
      case SPD -> "symmetric positive definite";
      case POSITIVE -> "with positive entries";
      default -> word();
    };
  }

  /** spd and diagonal matrices are symmetric; spd and orthogonal ones are invertible. */
  public boolean implies(Property other) {
    if (this == other) {
      return true;
    }
    return switch (this) {
      case SPD -> other == SYMMETRIC || other == INVERTIBLE;
      case DIAGONAL -> other == SYMMETRIC;
      case ORTHOGONAL -> other == INVERTIBLE;
      default -> false;
    };
  }
}
