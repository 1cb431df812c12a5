package org.matrixcalculustutor.engine;

import java.util.ArrayList;
import java.util.List;
import org.matrixcalculustutor.algebra.LanguageCases;
import org.matrixcalculustutor.calculus.Layout;
import org.matrixcalculustutor.exercises.Exercise;
import org.matrixcalculustutor.exercises.ExerciseBank;
import org.matrixcalculustutor.lessons.LessonCatalog;
import org.matrixcalculustutor.lessons.LessonIdentity;

/**
 * Every derivative the tutor's data asks the engine for: the verified identities, the language's
 * examples (the six kinds and beyond), the lessons' gradients and Hessians in each layout they
 * state, and the exercise bank. What the printed-length measure and the benchmark run over.
 */
public final class IdentitySets {

  /**
   * One derivative to take.
   *
   * @param key unique: the set and the case ("identities/cb-001", "lessons/quadratic-form numerator")
   */
  public record Problem(String key, String function, String variable, String declarations, Layout layout,
      int order) {

    public Derivative derive(Engine engine) {
      return engine.derive(function, variable, declarations, layout, order);
    }
  }

  private IdentitySets() {}

  public static List<Problem> all() {
    List<Problem> all = new ArrayList<>();
    for (IdentityCase c : IdentityCase.all()) {
      all.add(new Problem("identities/" + c.id(), c.function(), c.variable(), c.declarations(), c.layout(), 1));
    }
    for (String[] c : LanguageCases.read("/language/gradients.cases", "|", 4)) {
      all.add(new Problem("gradients/" + c[0] + " d/d" + c[1] + (c[2].isEmpty() ? "" : " [" + c[2] + "]"), c[0],
          c[1], c[2].replace(";", "\n"), Layout.DENOMINATOR, 1));
    }
    for (String[] c : LanguageCases.read("/language/beyond.cases", "|", 5)) {
      all.add(new Problem("beyond/" + c[0] + " d/d" + c[1] + " order " + c[3] + (c[2].isEmpty() ? "" : " [" + c[2] + "]"),
          c[0], c[1], c[2].replace(";", "\n"), Layout.NUMERATOR, Integer.parseInt(c[3])));
    }
    for (LessonIdentity i : LessonCatalog.load().identities()) {
      if (i.isGradient()) {
        Layout layout = Layout.parse(i.layout());
        all.add(new Problem("lessons/" + i.id() + " " + layout.word(), i.function(), i.variable(), i.declarations(),
            layout, i.order()));
        if (i.numerator() != null && layout != Layout.NUMERATOR) {
          all.add(new Problem("lessons/" + i.id() + " numerator", i.function(), i.variable(), i.declarations(),
              Layout.NUMERATOR, i.order()));
        }
      }
    }
    for (Exercise e : ExerciseBank.load().all()) {
      all.add(new Problem("exercises/" + e.id(), e.function(), e.variable(), e.declarations(),
          Layout.parse(e.layout()), e.order()));
    }
    return all;
  }
}
