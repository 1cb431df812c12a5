package org.matrixcalculustutor.numeric;

import java.util.Random;
import org.matrixcalculustutor.algebra.Deadline;
import org.matrixcalculustutor.algebra.Declarations;
import org.matrixcalculustutor.algebra.ExpressionException;

/**
 * Random points where the expressions at hand have values: a point where one has none (a
 * singular matrix to invert, the log of a negative number) is drawn again, a bounded number of times.
 */
final class ValidPoints {

  /** How many random points may be invalid before giving up. */
  static final int MAX_DRAWS = 30;

  /** A measurement at one point; an ExpressionException marks the point invalid. */
  interface Measure {
    double at(Bindings point);
  }

  private ValidPoints() {}

  /**
   * The largest measurement over the given number of valid points.
   *
   * @param check what is measured, for the message: "the finite-difference check"
   * @throws ExpressionException when no valid point is found; the message names the check
   */
  static double worst(Declarations declarations, Random random, int points, Measure measure, String check) {
    double worst = 0;
    int valid = 0;
    ExpressionException last = null;
    for (int draw = 0; draw < MAX_DRAWS && valid < points; draw++) {
      Deadline.check(); // not an invalid point: a passed deadline ends the whole check
      Bindings point = RandomBindings.draw(declarations, random);
      try {
        worst = Math.max(worst, measure.at(point));
        valid++;
      } catch (ExpressionException invalidPoint) {
        last = invalidPoint;
      }
    }
    if (valid == 0) {
      throw new ExpressionException(check + " could not find a valid point among " + MAX_DRAWS
          + " random points" + (last == null ? "" : " (" + last.getMessage() + ")"));
    }
    return worst;
  }
}
