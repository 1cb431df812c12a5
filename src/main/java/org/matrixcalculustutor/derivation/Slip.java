package org.matrixcalculustutor.derivation;

import java.util.Optional;

/**
 * The slips a step of a derivation can make, each found by repairing the wrong line (or rebuilding
 * df with the rule done wrong) and evaluating, never by comparing strings; each with the rule the
 * step broke, written in the engine's rule notation so that pages typeset it.
 */
public enum Slip {
  /** tr(ABC) rewritten tr(BAC): only cyclic moves keep a trace. */
  NON_CYCLIC_SWAP("a non-cyclic swap inside a trace", "cyclic trace: tr(A B C) = tr(B C A) = tr(C A B)",
      "cyclic trace:", "\\operatorname{tr}(ABC) = \\operatorname{tr}(BCA) = \\operatorname{tr}(CAB)"),
  /** dx' A x rewritten x' A dx: the transpose of a scalar reaches every factor. */
  TRANSPOSE_LOST("a transpose lost", "a scalar is its own transpose: dx' A x = (dx' A x)' = x' A' dx",
      "a scalar is its own transpose:",
      "\\mathrm{d}x^{\\top} A x = (\\mathrm{d}x^{\\top} A x)^{\\top} = x^{\\top} A^{\\top} \\mathrm{d}x"),
  /** A' written A (or A + A' written 2A) for a matrix the problem does not declare symmetric. */
  ASSUMED_SYMMETRIC("a matrix treated as symmetric",
      "keep A and its transpose apart unless A is symmetric: x' A' dx + x' A dx = x' (A' + A) dx",
      "keep A and its transpose apart unless A is symmetric:",
      "x^{\\top} A^{\\top} \\mathrm{d}x + x^{\\top} A\\, \\mathrm{d}x = x^{\\top} (A^{\\top} + A)\\, \\mathrm{d}x"),
  /** A term of the line before left out. */
  DROPPED_TERM("a term dropped", "product rule: d(XY) = dX Y + X dY",
      "product rule:", "\\mathrm{d}(XY) = \\mathrm{d}X\\, Y + X\\, \\mathrm{d}Y"),
  /** d(X^-1) written without its minus sign. */
  INVERSE_SIGN("the sign of d(X^-1)", "inverse: d(X^-1) = -X^-1 dX X^-1",
      "inverse:", "\\mathrm{d}(X^{-1}) = -X^{-1}\\, \\mathrm{d}X\\, X^{-1}"),
  /** An entry-wise product written as a matrix product. */
  HADAMARD_AS_PRODUCT("a Hadamard product treated as a matrix product", "<A, B ⊙ C> = <A ⊙ B, C>",
      "entry-wise factors move with the entry-wise product:",
      "\\langle A, B \\odot C\\rangle = \\langle A \\odot B, C\\rangle"),
  /** tr(M dX) read as the gradient M instead of M'. */
  READOFF_TRANSPOSE("a read-off without the transpose", "read off: tr(M dX) = <M', dX> gives G = M'",
      "read off:",
      "\\operatorname{tr}(M\\, \\mathrm{d}X) = \\langle M^{\\top}, \\mathrm{d}X\\rangle \\text{ gives } G = M^{\\top}"),
  /** d det X taken for d log det X, or the other way round. */
  DET_LOGDET("det confused with log det", "Jacobi's formula: d|X| = |X| tr(X^-1 dX); d log|X| = tr(X^-1 dX)",
      "Jacobi's formula:",
      "\\mathrm{d}|X| = |X| \\operatorname{tr}(X^{-1}\\mathrm{d}X), \\quad \\mathrm{d}\\log|X| = \\operatorname{tr}(X^{-1}\\mathrm{d}X)"),
  /** The whole line, or one term, with the wrong sign. */
  SIGN("a sign changed", "signs: d(-X) = -dX",
      "signs:", "\\mathrm{d}(-X) = -\\mathrm{d}X"),
  /** The whole line off by a constant factor. */
  FACTOR("a constant factor changed", "constant factors: d(c X) = c dX",
      "constant factors:", "\\mathrm{d}(cX) = c\\, \\mathrm{d}X"),
  /** None of the above: the step is not one the tutor can name; the feedback says the engine's next rule. */
  UNNAMED("a step that does not follow", null, null, null);

  private final String title;
  private final String rule;
  private final String ruleWords;
  private final String ruleLatex;

  Slip(String title, String rule, String ruleWords, String ruleLatex) {
    this.title = title;
    this.rule = rule;
    this.ruleWords = ruleWords;
    this.ruleLatex = ruleLatex;
  }

  /** The rule typeset: its words, then its formula as TeX; null for UNNAMED. */
  String ruleWords() {
    return ruleWords;
  }

  String ruleLatex() {
    return ruleLatex;
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
