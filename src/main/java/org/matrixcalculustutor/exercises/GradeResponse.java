package org.matrixcalculustutor.exercises;

import java.util.List;
import org.matrixcalculustutor.grading.Formula;
import org.matrixcalculustutor.grading.Grade;

/**
 * The JSON of a check: verdict correct|incorrect|invalid, equivalence symbolic|numeric|null,
 * diagnoses, the answer and the expected derivative as text, LaTeX and shape, and the derivation.
 * An invalid answer carries error and position and counts as no attempt.
 */
record GradeResponse(String verdict, String equivalence, List<DiagnosisView> diagnoses, Formula answer,
    Formula expected, List<StepView> steps, String error, Integer position, String exercise, Long seed) {

  record DiagnosisView(String code, String message) {}

  record StepView(String latex, String rule) {}

  static GradeResponse of(Grade g, String exercise, Long seed) {
    return new GradeResponse(g.verdict().word(), g.equivalence() == null ? null : g.equivalence().word(),
        g.diagnoses().stream().map(d -> new DiagnosisView(d.code().name(), d.message())).toList(),
        g.answer(), g.expected(), g.steps().stream().map(s -> new StepView(s.latex(), s.rule())).toList(),
        g.error(), g.position(), exercise, seed);
  }
}
