package org.matrixcalculustutor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.matrixcalculustutor.algebra.Declarations;
import org.matrixcalculustutor.algebra.ExpressionException;
import org.matrixcalculustutor.algebra.Limits;
import org.matrixcalculustutor.algebra.Property;
import org.matrixcalculustutor.calculus.DerivativeKind;
import org.matrixcalculustutor.calculus.Layout;
import org.matrixcalculustutor.numeric.Bindings;
import org.matrixcalculustutor.numeric.Evaluator;
import org.matrixcalculustutor.numeric.NumericEquality;
import org.matrixcalculustutor.numeric.RandomBindings;

/**
 * Beyond the six kinds, on functions the engine has never seen (RandomFunctions): each Hessian
 * passes its second-difference check and equals the Jacobian of the gradient the engine derives;
 * each vec Jacobian, applied to a random direction dX, gives the directional derivative of F
 * (central differences of F along dX, stacked by vec). A failure names the function.
 */
class RandomHessiansAndVecJacobiansTest {

  static final int REPETITIONS = 120;

  static final long SEED = Long.getLong("randomDerivations.seed", 20_261_123L);

  static final double STEP = 1e-6;

  private final Engine engine = new Engine(Limits.DEFAULT);

  /** Hessians the engine refused as beyond its bounds on work (a clear 400), over the whole sample. */
  private static final AtomicInteger REFUSED = new AtomicInteger();

  @RepeatedTest(REPETITIONS)
  void hessian_passesSecondDifferencesAndIsTheJacobianOfTheGradient(RepetitionInfo info) {
    RandomFunctions.Problem problem = RandomFunctions.problem(new Random(SEED + info.getCurrentRepetition()),
        RandomFunctions.Kind.SCALAR_FUNCTION);

    Derivative hessian;
    try {
      hessian = engine.derive(problem.function(), problem.variable(), RandomFunctions.DECLARATIONS,
          Layout.DENOMINATOR, 2);
    } catch (ExpressionException e) {
      assertThat(e.getMessage()).as(problem.toString()).contains("more than the tutor works with");
      REFUSED.incrementAndGet();
      Assumptions.abort("refused as too much work: " + problem);
      return;
    }
    assertThat(hessian.kind()).isEqualTo(DerivativeKind.HESSIAN);
    assertThat(hessian.maxRelativeError()).as("second differences of %s: %s", problem, hessian.text())
        .isLessThan(IdentitiesTest.CHECK_TOLERANCE);

    Derivative gradient = engine.derive(problem.function(), problem.variable(), RandomFunctions.DECLARATIONS,
        Layout.DENOMINATOR);
    Derivative jacobianOfGradient = assertDoesNotThrow(() -> engine.derive(gradient.text(), problem.variable(),
        RandomFunctions.DECLARATIONS, Layout.NUMERATOR), () -> problem + ": the Jacobian of " + gradient.text());
    Declarations declarations = hessian.function().typing().declarations();
    assertThat(bilinearDifference(hessian, jacobianOfGradient, problem.variable(), declarations))
        .as("%s: Hessian %s vs Jacobian of the gradient %s = %s", problem, hessian.text(), gradient.text(),
            jacobianOfGradient.text())
        .isLessThan(1e-6);
  }

  @AfterAll
  static void fewHessiansAreRefusedAsTooMuchWork() {
    assertThat(REFUSED.get()).isLessThanOrEqualTo(REPETITIONS / 10);
  }

  /**
   * The largest relative difference of vec(U)' H vec(V) and vec(U)' J vec(V) over random directions
   * U, V the variable can take: symmetric for a symmetric variable, diagonal for a diagonal one. There,
   * a gradient is only defined on those directions, and so is the Jacobian of the gradient.
   */
  private static double bilinearDifference(Derivative h, Derivative j, String variable, Declarations declarations) {
    var declared = declarations.get(variable).orElseThrow();
    var hTyping = org.matrixcalculustutor.algebra.ShapeChecker.check(h.result(), declarations);
    var jTyping = org.matrixcalculustutor.algebra.ShapeChecker.check(j.result(), declarations);
    Random random = new Random(13L);
    double worst = 0;
    int checked = 0;
    for (int draw = 0; draw < 20 && checked < 2; draw++) {
      Bindings point = RandomBindings.draw(declarations, random);
      try {
        SimpleMatrix hv = Evaluator.evaluate(h.result(), hTyping, point);
        SimpleMatrix jv = Evaluator.evaluate(j.result(), jTyping, point);
        SimpleMatrix x = point.value(variable);
        for (int k = 0; k < 3; k++) {
          SimpleMatrix u = vec(tangent(declared, x, random));
          SimpleMatrix v = vec(tangent(declared, x, random));
          double a = u.transpose().mult(hv.getNumElements() == 1 ? hv.scale(1) : hv).mult(v).get(0);
          double b = u.transpose().mult(jv.getNumElements() == 1 && hv.getNumElements() != 1
              ? SimpleMatrix.identity(u.getNumRows()).scale(jv.get(0)) : jv).mult(v).get(0);
          worst = Math.max(worst, Math.abs(a - b) / Math.max(1e-9, Math.max(Math.abs(a), Math.abs(b))));
        }
        checked++;
      } catch (ExpressionException invalidPoint) {
        // a singular matrix at this point: draw another
      }
    }
    assertThat(checked).isPositive();
    return worst;
  }

  /** A random direction: symmetric or diagonal when the variable is declared so. */
  private static SimpleMatrix tangent(org.matrixcalculustutor.algebra.Declaration declared, SimpleMatrix x,
      Random random) {
    SimpleMatrix v = SimpleMatrix.random_DDRM(x.getNumRows(), x.getNumCols(), -1, 1, random);
    if (declared.has(Property.DIAGONAL)) {
      SimpleMatrix d = new SimpleMatrix(v.getNumRows(), v.getNumCols());
      for (int i = 0; i < v.getNumRows(); i++) {
        d.set(i, i, v.get(i, i));
      }
      return d;
    }
    return declared.has(Property.SYMMETRIC) ? v.plus(v.transpose()) : v;
  }

  @RepeatedTest(REPETITIONS)
  void vecJacobian_appliedToARandomDirectionIsTheDirectionalDerivative(RepetitionInfo info) {
    Random random = new Random(SEED + info.getCurrentRepetition());
    RandomFunctions.Kind kind = switch (info.getCurrentRepetition() % 3) {
      case 0 -> RandomFunctions.Kind.MATRIX_BY_MATRIX;
      case 1 -> RandomFunctions.Kind.VECTOR_BY_MATRIX;
      default -> RandomFunctions.Kind.MATRIX_BY_VECTOR;
    };
    RandomFunctions.Problem problem = RandomFunctions.problem(random, kind);

    Derivative jacobian = assertDoesNotThrow(() -> engine.derive(problem.function(), problem.variable(),
        RandomFunctions.DECLARATIONS, Layout.NUMERATOR), problem::toString);
    assertThat(jacobian.form()).isEqualTo("vec");
    assertThat(jacobian.maxRelativeError()).as("%s = %s", problem, jacobian.text())
        .isLessThan(IdentitiesTest.CHECK_TOLERANCE);

    Declarations declarations = jacobian.function().typing().declarations();
    int checked = 0;
    for (int draw = 0; draw < 20 && checked < 2; draw++) {
      Bindings point = RandomBindings.draw(declarations, random);
      try {
        SimpleMatrix x = point.value(problem.variable());
        SimpleMatrix dx = SimpleMatrix.random_DDRM(x.getNumRows(), x.getNumCols(), -1, 1, random);
        var f = jacobian.function();
        SimpleMatrix plus = Evaluator.evaluate(f.expr(), f.typing(), point.with(problem.variable(), x.plus(STEP, dx)));
        SimpleMatrix minus = Evaluator.evaluate(f.expr(), f.typing(),
            point.with(problem.variable(), x.plus(-STEP, dx)));
        SimpleMatrix directional = vec(plus.minus(minus).divide(2 * STEP)); // vec((F(X + h dX) - F(X - h dX)) / 2h)
        var j = engine.analyze(jacobian.text(), declarations);
        SimpleMatrix applied = Evaluator.evaluate(j.expr(), j.typing(), point).mult(vec(dx)); // J vec(dX)
        double error = directional.minus(applied).normF() / Math.max(1e-6, directional.normF());
        assertThat(error).as("%s: J = %s", problem, jacobian.text()).isLessThan(IdentitiesTest.CHECK_TOLERANCE);
        checked++;
      } catch (ExpressionException invalidPoint) {
        // a singular matrix at this point: draw another
      }
    }
    assertThat(checked).as(problem.toString()).isPositive();
  }

  private static SimpleMatrix vec(SimpleMatrix a) {
    SimpleMatrix v = new SimpleMatrix(a.getNumElements(), 1);
    int k = 0;
    for (int j = 0; j < a.getNumCols(); j++) {
      for (int i = 0; i < a.getNumRows(); i++) {
        v.set(k++, 0, a.get(i, j));
      }
    }
    return v;
  }
}
