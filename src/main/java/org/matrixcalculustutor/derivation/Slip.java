package org.matrixcalculustutor.derivation;

import java.util.Optional;

/**
 * The slips a step of a derivation can make, each found by repairing the wrong line (or rebuilding
 * df with the rule done wrong) and evaluating, never by comparing strings; each with the rule the
 * step broke, written in the engine's rule notation so that pages typeset it.
 */
public enum Slip {
  /** tr(ABC) rewritten tr(BAC): only cyclic moves keep a trace. */
  NON_CYCLIC_SWAP("a non-cyclic swap inside a trace", "cyclic trace: tr(A B C) = tr(B C A) = tr(C A B)"),
  /** dx' A x rewritten x' A dx: the transpose of a scalar reaches every factor. */
  TRANSPOSE_LOST("a transpose lost", "a scalar is its own transpose: dx' A x = (dx' A x)' = x' A' dx"),
  /** A' written A (or A + A' written 2A) for a matrix the problem does not declare symmetric. */
  ASSUMED_SYMMETRIC("a matrix treated as symmetric",
      "keep A and its transpose apart unless A is symmetric: x' A' dx + x' A dx = x' (A' + A) dx"),
  /** A term of the line before left out. */
  DROPPED_TERM("a term dropped", "product rule: d(XY) = dX Y + X dY"),
  /** d(X^-1) written without its minus sign. */
  INVERSE_SIGN("the sign of d(X^-1)", "inverse: d(X^-1) = -X^-1 dX X^-1"),
  /** An entry-wise product written as a matrix product. */
  HADAMARD_AS_PRODUCT("a Hadamard product treated as a matrix product", "<A, B ⊙ C> = <A ⊙ B, C>"),
  /** tr(M dX) read as the gradient M instead of M'. */
  READOFF_TRANSPOSE("a read-off without the transpose", "read off: tr(M dX) = <M', dX> gives G = M'"),
  /** d det X taken for d log det X, or the other way round. */
  DET_LOGDET("det confused with log det", "Jacobi's formula: d|X| = |X| tr(X^-1 dX); d log|X| = tr(X^-1 dX)"),
  /** The whole line, or one term, with the wrong sign. */
  SIGN("a sign changed", "signs: d(-X) = -dX"),
  /** The whole line off by a constant factor. */
  FACTOR("a constant factor changed", "constant factors: d(c X) = c dX"),
  /** None of the above: the step is not one the tutor can name; the feedback says the engine's next rule. */
  UNNAMED("a step that does not follow", null);

  private final String title;
  private final String rule;

  Slip(String title, String rule) {
    this.title = title;
    this.rule = rule;
  }

  /** The slip in plain words, for students' and teachers' pages ("a transpose lost"). */
  public String title() {
    return title;
  }

  /** The rule the step broke, in the engine's rule notation; null for UNNAMED, whose rule is the engine's next one. */
  public String rule() {
    return rule;
  }

  /** The slip of a stored code, if this version knows it. */
  public static Optional<Slip> of(String code) {
    try {
      return Optional.of(valueOf(code));
    } catch (IllegalArgumentException | NullPointerException unknown) {
      return Optional.empty();
    }
  }
}
