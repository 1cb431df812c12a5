package org.matrixcalculustutor.exercises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.matrixcalculustutor.exercises.SolutionRule.Progress;
import org.matrixcalculustutor.exercises.SolutionRule.When;

/** A class decides when its students may see a solution. */
class SolutionRuleTest {

  private static Progress wrong(int n) {
    return new Progress(n, n, false, false);
  }

  @Test
  void afterWrongAttempts_opensAtTheNthWrongAttempt() {
    SolutionRule rule = SolutionRule.DEFAULT;
    assertThat(rule.when()).isEqualTo(When.AFTER_WRONG_ATTEMPTS);
    assertThat(rule.wrongAttempts()).isEqualTo(3);
    assertThat(rule.allows(wrong(2))).isFalse();
    assertThat(rule.explain(wrong(2))).isEqualTo("Your class shows the solution after 3 wrong attempts; you have made 2.");
    assertThat(rule.allows(wrong(3))).isTrue();
  }

  @Test
  void afterSolving_opensOnlyOnceSolved() {
    SolutionRule rule = new SolutionRule(When.AFTER_SOLVING, 3);
    assertThat(rule.allows(wrong(10))).isFalse();
    assertThat(rule.allows(new Progress(2, 1, true, false))).isTrue();
    assertThat(rule.explain(wrong(1))).contains("once you have solved");
  }

  @Test
  void always_andAnonymousPractice_openOnRequest() {
    assertThat(new SolutionRule(When.ALWAYS, 3).allows(Progress.NONE)).isTrue();
    assertThat(SolutionRule.ANONYMOUS.allows(Progress.NONE)).isTrue();
  }

  @Test
  void aSolutionOnceShown_staysOpen() {
    assertThat(new SolutionRule(When.AFTER_SOLVING, 3).allows(new Progress(0, 0, false, true))).isTrue();
  }

  @Test
  void formWords_andBounds() {
    assertThat(When.parse("after-wrong-attempts")).isEqualTo(When.AFTER_WRONG_ATTEMPTS);
    assertThat(When.parse("ALWAYS")).isEqualTo(When.ALWAYS);
    assertThatThrownBy(() -> When.parse("sometimes")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SolutionRule(When.AFTER_WRONG_ATTEMPTS, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SolutionRule(When.AFTER_WRONG_ATTEMPTS, 21)).isInstanceOf(IllegalArgumentException.class);
    assertThat(new SolutionRule(When.AFTER_WRONG_ATTEMPTS, 1).describe()).isEqualTo("after 1 wrong attempt");
  }
}
