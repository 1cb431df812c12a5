package org.matrixcalculustutor.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.matrixcalculustutor.algebra.Declaration;
import org.matrixcalculustutor.algebra.Declarations;
import org.matrixcalculustutor.algebra.ExpressionException;
import org.matrixcalculustutor.algebra.Limits;
import org.matrixcalculustutor.algebra.Typing;
import org.matrixcalculustutor.calculus.Layout;
import org.matrixcalculustutor.engine.Analysis;
import org.matrixcalculustutor.engine.Derivative;
import org.matrixcalculustutor.engine.Engine;
import org.matrixcalculustutor.numeric.Bindings;
import org.matrixcalculustutor.numeric.Evaluator;
import org.matrixcalculustutor.numeric.NumericEquality;
import org.matrixcalculustutor.numeric.RandomBindings;

/** Every identity a lesson states is checked numerically at random points of distinct sizes. */
class LessonIdentitiesTest {

  static final double CHECK_TOLERANCE = 1e-5;
  static final double STEP = 1e-6;
  private static final Engine ENGINE = new Engine(Limits.DEFAULT);

  static Stream<Named<LessonIdentity>> identities() {
    return LessonCatalog.load().identities().stream().map(i -> Named.of(i.chapter() + "/" + i.id() + ": " + i.text(), i));
  }

  @Test
  void everyChapterStatesIdentitiesAndIdsAreUnique() {
    LessonCatalog catalog = LessonCatalog.load();
    for (Lesson lesson : catalog.lessons()) {
      assertThat(catalog.identities(lesson.slug())).as(lesson.slug()).isNotEmpty();
    }
    assertThat(catalog.identities().stream().map(LessonIdentity::id).distinct().count())
        .isEqualTo(catalog.identities().size());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("identities")
  void identity_holdsNumerically(LessonIdentity identity) {
    switch (identity.kind()) {
      case "equal" -> {
        Analysis lhs = ENGINE.analyze(identity.lhs(), identity.declarations());
        Declarations all = lhs.typing().declarations();
        Analysis rhs = ENGINE.analyze(identity.rhs(), all);
        assertThat(NumericEquality.maxRelativeDifference(lhs.expr(), rhs.expr(), rhs.typing().declarations(), 5L, 3))
            .as(identity.text()).isLessThan(NumericEquality.TOLERANCE);
      }
      case "gradient", "hessian" -> {
        assertGradient(identity, Layout.parse(identity.layout()), identity.expected());
        if (identity.numerator() != null) {
          assertGradient(identity, Layout.NUMERATOR, identity.numerator());
        }
      }
      case "differential" -> assertDifferential(identity);
      default -> throw new AssertionError("unknown kind " + identity.kind());
    }
  }

  /** The engine's derivative (its Hessian for a "hessian") passes first (second) differences and equals the page's. */
  private static void assertGradient(LessonIdentity identity, Layout layout, String stated) {
    Derivative derived = ENGINE.derive(identity.function(), identity.variable(), identity.declarations(), layout,
        identity.order());
    assertThat(derived.order()).isEqualTo(identity.isHessian() ? 2 : 1);
    assertThat(derived.maxRelativeError()).as("finite differences of %s", derived.text()).isLessThan(CHECK_TOLERANCE);
    Declarations all = derived.function().typing().declarations();
    Analysis expected = ENGINE.analyze(stated, all);
    assertThat(NumericEquality.maxRelativeDifference(derived.result(), expected.expr(), all, 5L, 3))
        .as("engine %s vs page %s", derived.text(), stated).isLessThan(NumericEquality.TOLERANCE);
  }

  /** (f(X + h dX) - f(X - h dX)) / 2h against the stated differential, dX random. */
  private static void assertDifferential(LessonIdentity identity) {
    Analysis f = ENGINE.analyze(identity.function(), identity.declarations());
    Declaration x = f.typing().declarations().get(identity.variable()).orElseThrow();
    List<Declaration> withDx = new ArrayList<>(f.typing().declarations().all());
    withDx.add(new Declaration("d" + x.name(), x.shape(), java.util.Set.of()));
    Declarations all = Declarations.of(withDx);
    Analysis stated = ENGINE.analyze(identity.differential(), all);
    Random random = new Random(9L);
    int checked = 0;
    for (int draw = 0; draw < 20 && checked < 3; draw++) {
      Bindings point = RandomBindings.draw(all, random);
      try {
        SimpleMatrix at = point.value(x.name());
        SimpleMatrix dx = point.value("d" + x.name());
        Typing typing = f.typing();
        SimpleMatrix plus = Evaluator.evaluate(f.expr(), typing, point.with(x.name(), at.plus(STEP, dx)));
        SimpleMatrix minus = Evaluator.evaluate(f.expr(), typing, point.with(x.name(), at.minus(dx.scale(STEP))));
        SimpleMatrix numeric = plus.minus(minus).divide(2 * STEP);
        SimpleMatrix claimed = Evaluator.evaluate(stated.expr(), stated.typing(), point);
        double error = numeric.minus(claimed).normF() / Math.max(1e-9, numeric.normF());
        assertThat(error).as(identity.text()).isLessThan(CHECK_TOLERANCE);
        checked++;
      } catch (ExpressionException singular) {
        // an invalid point (a singular matrix) is drawn again
      }
    }
    assertThat(checked).isPositive();
  }
}
