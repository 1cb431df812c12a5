package org.matrixcalculustutor.classroom;

import jakarta.servlet.http.Cookie;
import org.matrixcalculustutor.exercises.ExerciseBank;
import org.matrixcalculustutor.exercises.ExerciseChecker;
import org.matrixcalculustutor.exercises.Learners;

/** The engine's answer to a joined student's own variant of an exercise: what a test sends to answer rightly. */
final class VariantAnswers {

  private VariantAnswers() {}

  static String right(ClassroomService classrooms, ExerciseChecker checker, ExerciseBank bank, Cookie cookie,
      String exercise) {
    Student s = classrooms.byToken(cookie.getValue()).orElseThrow();
    long seed = new Learners.Learner(s.getId(), s.getDisplayName()).seedFor(exercise);
    return checker.expected(checker.variant(bank.find(exercise).orElseThrow(), seed)).text();
  }
}
