package org.matrixcalculustutor.grading;

/** What kind of mistake an answer shows, found by evaluating variants of the expected answer. */
public enum DiagnosisCode {
  /** The answer is the transpose of the expected one: numerator instead of denominator layout. */
  LAYOUT,
  /** The answer is the negative of the expected one. */
  SIGN,
  /** The answer is off by a constant factor. */
  FACTOR,
  /** The answer would be right if a matrix were symmetric (2*A*x for x'*A*x with general A). */
  ASSUMED_SYMMETRIC,
  /** A term of the expected sum is absent. */
  MISSING_TERM,
  /** A term was added to the expected sum. */
  EXTRA_TERM,
  /** The answer's shape differs from the expected shape. */
  SHAPE,
  /** The answer uses a symbol the problem does not have. */
  UNKNOWN_SYMBOL
}
