package org.matrixcalculustutor.exercises;

import java.util.Locale;

/**
 * When a class's students may see the solution of an exercise (the derivation of the expected
 * answer): always, after a number of wrong attempts, or only once they have solved it. Anonymous
 * practice is {@link #ANONYMOUS}: always, behind the same explicit "show the solution".
 *
 * @param when the kind of rule
 * @param wrongAttempts for AFTER_WRONG_ATTEMPTS, how many (1 to {@value #MAX_WRONG_ATTEMPTS})
 */
public record SolutionRule(When when, int wrongAttempts) {

  public static final int DEFAULT_WRONG_ATTEMPTS = 3;
  public static final int MAX_WRONG_ATTEMPTS = 20;

  /** A new class's rule: after three wrong attempts. */
  public static final SolutionRule DEFAULT = new SolutionRule(When.AFTER_WRONG_ATTEMPTS, DEFAULT_WRONG_ATTEMPTS);

  /** Practice outside a class. */
  public static final SolutionRule ANONYMOUS = new SolutionRule(When.ALWAYS, DEFAULT_WRONG_ATTEMPTS);

  /** The kinds of rule, as a teacher chooses them. */
  public enum When {
    ALWAYS,
    AFTER_WRONG_ATTEMPTS,
    AFTER_SOLVING;

    /** The form value: "always", "after-wrong-attempts", "after-solving". */
    public String word() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static When parse(String word) {
      for (When when : values()) {
        if (when.word().equals(word) || when.name().equals(word)) {
          return when;
        }
      }
      throw new IllegalArgumentException("choose when the solution may be shown: always, after wrong attempts, "
          + "or after solving");
    }
  }

  public SolutionRule {
    if (when == null) {
      throw new IllegalArgumentException("choose when the solution may be shown");
    }
    if (wrongAttempts < 1 || wrongAttempts > MAX_WRONG_ATTEMPTS) {
      throw new IllegalArgumentException("the number of wrong attempts before the solution is 1 to "
          + MAX_WRONG_ATTEMPTS);
    }
  }

  /** Whether a student with this progress on an exercise may see its solution. */
  public boolean allows(Progress progress) {
    return progress.solved() || progress.solutionShown() || switch (when) {
      case ALWAYS -> true;
      case AFTER_WRONG_ATTEMPTS -> progress.wrong() >= wrongAttempts;
      case AFTER_SOLVING -> false;
    };
  }

  /** For a student who may not see it yet: when they may. */
  public String explain(Progress progress) {
    return switch (when) {
      case ALWAYS -> "";
      case AFTER_WRONG_ATTEMPTS -> "Your class shows the solution after " + wrongAttempts + " wrong "
          + (wrongAttempts == 1 ? "attempt" : "attempts") + "; you have made " + progress.wrong() + ".";
      case AFTER_SOLVING -> "Your class shows the solution once you have solved the exercise.";
    };
  }

  /** The rule as a teacher's page says it: "after 3 wrong attempts". */
  public String describe() {
    return switch (when) {
      case ALWAYS -> "always, on request";
      case AFTER_WRONG_ATTEMPTS -> "after " + wrongAttempts + " wrong " + (wrongAttempts == 1 ? "attempt" : "attempts");
      case AFTER_SOLVING -> "only after solving";
    };
  }

  /**
   * What a student has done on one exercise.
   *
   * @param attempts graded attempts
   * @param wrong graded attempts that were not correct
   * @param solved whether one was correct
   * @param solutionShown whether they have revealed the solution
   */
  public record Progress(int attempts, int wrong, boolean solved, boolean solutionShown) {

    public static final Progress NONE = new Progress(0, 0, false, false);
  }
}
