package org.matrixcalculustutor.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.matrixcalculustutor.algebra.Expr;
import org.matrixcalculustutor.algebra.Limits;
import org.matrixcalculustutor.engine.Engine;
import org.matrixcalculustutor.exercises.ExerciseBank;
import org.matrixcalculustutor.lessons.LessonCatalog;
import org.matrixcalculustutor.lessons.LessonIdentity;
import org.springframework.mock.env.MockEnvironment;

class WarmUpTest {

  @Test
  void warmUp_derivesChecksAndGradesEveryExerciseLessonIdentityAndFunctionWithoutAFailure() {
    ExerciseBank bank = ExerciseBank.load();
    LessonCatalog lessons = LessonCatalog.load();
    WarmUp.Report report = new WarmUp(new Engine(Limits.DEFAULT), bank, lessons, new MockEnvironment(),
        false, Duration.ZERO).once();
    assertThat(report.problems()).isEqualTo(bank.all().size()
        + (int) lessons.identities().stream().filter(LessonIdentity::isGradient).count()
        + Expr.Function.values().length);
    assertThat(report.failures()).isEmpty();
  }

  @Test
  void serverTiming_writesMillisecondsWithThreeDecimals() {
    assertThat(EngineTiming.millis(0)).isEqualTo("0.000");
    assertThat(EngineTiming.millis(1_234_567)).isEqualTo("1.235");
    assertThat(EngineTiming.millis(12_000)).isEqualTo("0.012");
    assertThat(EngineTiming.millis(2_000_000_000L)).isEqualTo("2000.000");
  }
}
