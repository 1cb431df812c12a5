package org.matrixcalculustutor.calculus;

import java.util.Locale;

/** Which way a derivative is laid out; the two are transposes of each other. */
public enum Layout {
  /** The gradient has the shape of the variable (a column for a column vector). The default. */
  DENOMINATOR,
  /** The transpose: row-vector gradients, the Jacobian of y = Ax is A. */
  NUMERATOR;

  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads "denominator" or "numerator" (any case); null or blank means the default. */
  public static Layout parse(String text) {
    if (text == null || text.isBlank()) {
      return DENOMINATOR;
    }
    for (Layout layout : values()) {
      if (layout.word().equalsIgnoreCase(text.trim())) {
        return layout;
      }
    }
    throw new org.matrixcalculustutor.algebra.ExpressionException(
        "unknown layout '" + text + "': use denominator or numerator");
  }
}
