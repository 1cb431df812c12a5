package org.matrixcalculustutor.exercises;

import java.util.List;
import org.matrixcalculustutor.grading.Formula;
import org.matrixcalculustutor.grading.Grade;

/**
 * The JSON of a check: verdict correct|incorrect|invalid, equivalence symbolic|numeric|null,
 * diagnoses, the answer as the server read it (with how habits were read), the expected shape, and
 * the solution: the expected derivative and its derivation, which an exercise's attempt carries only
 * when it is correct or when the solution was asked for and may be shown. An invalid answer carries
 * error and position (and, for a shape slip, the suggestion) and counts as no attempt.
 */
record GradeResponse(String verdict, String equivalence, List<DiagnosisView> diagnoses, Formula answer,
    List<String> readings, String expectedShape, Formula expected, List<StepView> steps, String error,
    Integer position, String suggestion, String exercise, Long seed) {

  record DiagnosisView(String code, String title, String message) {}

  record StepView(String latex, String rule) {}

  static GradeResponse of(Grade g, String exercise, Long seed, boolean withSolution) {
    return new GradeResponse(g.verdict().word(), g.equivalence() == null ? null : g.equivalence().word(),
        g.diagnoses().stream().map(d -> new DiagnosisView(d.code().name(), d.code().title(), d.message())).toList(),
        g.answer(), g.readings(), g.expected().shape(), withSolution ? g.expected() : null,
        withSolution ? g.steps().stream().map(s -> new StepView(s.latex(), s.rule())).toList() : null,
        g.error(), g.position(), g.suggestion(), exercise, seed);
  }
}
