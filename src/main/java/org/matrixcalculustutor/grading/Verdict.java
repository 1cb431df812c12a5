package org.matrixcalculustutor.grading;

import java.util.Locale;

/** The outcome of one check; an invalid answer (syntax or shape error) counts as no attempt. */
public enum Verdict {
  CORRECT,
  INCORRECT,
  INVALID;

  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
