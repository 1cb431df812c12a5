package org.matrixcalculustutor.web;

import java.util.ArrayList;
import java.util.List;
import org.matrixcalculustutor.algebra.ExpressionException;
import org.matrixcalculustutor.calculus.Layout;
import org.matrixcalculustutor.engine.Derivative;
import org.matrixcalculustutor.engine.Engine;
import org.matrixcalculustutor.exercises.Exercise;
import org.matrixcalculustutor.exercises.ExerciseBank;
import org.matrixcalculustutor.grading.Grade;
import org.matrixcalculustutor.grading.Grader;
import org.matrixcalculustutor.lessons.LessonCatalog;
import org.matrixcalculustutor.lessons.LessonIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Before the application reports ready (/actuator/health/readiness turns ACCEPTING_TRAFFIC only
 * after the runners), derives and checks every exercise and every lesson identity once, and grades
 * each exercise's reference answer: the first students after a start then meet compiled code, not
 * the interpreter, and the log says that the bank and the lessons are sound on this machine.
 * Off with tutor.warm-up=false (the tests start many applications).
 */
@Component
@ConditionalOnProperty(name = "tutor.warm-up", havingValue = "true", matchIfMissing = true)
class WarmUp implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(WarmUp.class);

  /** Rounds over the whole set: enough for the JIT to compile the engine's paths. */
  static final int ROUNDS = 3;

  private final Engine engine;
  private final ExerciseBank bank;
  private final LessonCatalog lessons;

  WarmUp(Engine engine, ExerciseBank bank, LessonCatalog lessons) {
    this.engine = engine;
    this.bank = bank;
    this.lessons = lessons;
  }

  /** What a warm-up found: how many problems it derived and checked, and those that failed. */
  record Report(int problems, List<String> failures, long millis) {}

  @Override
  public void run(ApplicationArguments args) {
    Report report = null;
    for (int round = 0; round < ROUNDS; round++) {
      report = once();
    }
    if (report.failures().isEmpty()) {
      LOG.info("Warm-up: {} exercises and lesson identities derived, checked and graded, {} rounds, last {} ms",
          report.problems(), ROUNDS, report.millis());
    } else {
      LOG.error("Warm-up: {} of {} exercises and lesson identities failed: {}", report.failures().size(),
          report.problems(), report.failures());
    }
  }

  /** One pass over every exercise and lesson identity. */
  Report once() {
    long start = System.nanoTime();
    List<String> failures = new ArrayList<>();
    int problems = 0;
    Grader grader = new Grader(engine);
    for (Exercise e : bank.all()) {
      problems++;
      try {
        Derivative d = engine.derive(e.function(), e.variable(), e.declarations(), Layout.parse(e.layout()), e.order());
        Grade grade = grader.grade(d, e.answer(), 1L);
        if (!grade.correct() || !(d.maxRelativeError() < 1e-5)) {
          failures.add("exercise " + e.id());
        }
      } catch (ExpressionException ex) {
        failures.add("exercise " + e.id() + ": " + ex.getMessage());
      }
    }
    for (LessonIdentity i : lessons.identities()) {
      if (!i.isGradient()) {
        continue;
      }
      problems++;
      try {
        Derivative d = engine.derive(i.function(), i.variable(), i.declarations(), Layout.parse(i.layout()),
            i.order());
        if (!(d.maxRelativeError() < 1e-5)) {
          failures.add("lesson identity " + i.id());
        }
      } catch (ExpressionException ex) {
        failures.add("lesson identity " + i.id() + ": " + ex.getMessage());
      }
    }
    return new Report(problems, failures, (System.nanoTime() - start) / 1_000_000);
  }
}
