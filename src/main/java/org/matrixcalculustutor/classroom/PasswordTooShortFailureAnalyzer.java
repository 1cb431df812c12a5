package org.matrixcalculustutor.classroom;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says, in place of a stack trace, why the app did not start and what to do. */
class PasswordTooShortFailureAnalyzer extends AbstractFailureAnalyzer<PasswordTooShortException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, PasswordTooShortException cause) {
    return new FailureAnalysis(cause.getMessage() + " Anyone who reaches the sign-in page can try passwords, and a"
            + " short one falls to guessing.",
        "Set TUTOR_TEACHER_PASSWORD to at least " + cause.minimum + " characters (three unrelated words make a good"
            + " one), or leave it unset to have a random password made and printed once.", cause);
  }
}
