package org.matrixcalculustutor.exercises;

import java.util.List;
import org.matrixcalculustutor.derivation.Derivation;

/**
 * A student's derivation as the classroom stores it with the attempt: the lines as typed, a mark per
 * line (c correct, x incorrect, i invalid), and the slip of the first wrong line with its index.
 *
 * @param lines the lines as typed
 * @param marks one letter per line
 * @param slip the code of the first wrong line's slip (a {@link org.matrixcalculustutor.derivation.Slip}), or null
 * @param slipLine the index (from 0) of the first line that is not correct, or null
 */
public record ShownWork(List<String> lines, String marks, String slip, Integer slipLine) {

  public ShownWork {
    lines = List.copyOf(lines);
  }

  static ShownWork of(List<String> lines, Derivation checked) {
    return new ShownWork(lines.stream().map(l -> l == null ? "" : l).toList(), checked.marks(),
        checked.slip() == null ? null : checked.slip().name(), checked.firstError());
  }
}
