package org.matrixcalculustutor.exercises;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.matrixcalculustutor.derivation.Derivation;
import org.matrixcalculustutor.engine.Derivative;
import org.matrixcalculustutor.grading.Formula;
import org.matrixcalculustutor.grading.Grade;

/**
 * The JSON of a check: verdict correct|incorrect|invalid, equivalence symbolic|numeric|null,
 * diagnoses, the answer as the server read it (with how habits were read), the expected shape, and
 * the solution: the expected derivative and its derivation, which an exercise's attempt carries only
 * when it is correct or when the solution was asked for and may be shown. An invalid answer carries
 * error and position (and, for a shape slip, the suggestion) and counts as no attempt. An attempt
 * with lines (shown work) adds the derivation checked line by line; without an answer, its verdict
 * (which may also be incomplete) and diagnoses are the derivation's, and its answer the derivative
 * read off the last line.
 */
record GradeResponse(String verdict, String equivalence, List<DiagnosisView> diagnoses, Formula answer,
    List<String> readings, String expectedShape, Formula expected, List<StepView> steps, String error,
    Integer position, String suggestion, String exercise, Long seed,
    @JsonInclude(JsonInclude.Include.NON_NULL) DerivationResponse derivation) {

  record DiagnosisView(String code, String title, String message) {}

  record StepView(String latex, String rule) {}

  static GradeResponse of(Grade g, String exercise, Long seed, boolean withSolution) {
    return of(g, exercise, seed, withSolution, null);
  }

  static GradeResponse of(Grade g, String exercise, Long seed, boolean withSolution, Derivation work) {
    return new GradeResponse(g.verdict().word(), g.equivalence() == null ? null : g.equivalence().word(),
        g.diagnoses().stream().map(d -> new DiagnosisView(d.code().name(), d.code().title(), d.message())).toList(),
        g.answer(), g.readings(), g.expected().shape(), withSolution ? g.expected() : null,
        withSolution ? g.steps().stream().map(s -> new StepView(s.latex(), s.rule())).toList() : null,
        g.error(), g.position(), g.suggestion(), exercise, seed,
        work == null ? null : DerivationResponse.of(work, withSolution));
  }

  /** An attempt of lines only: the derivation's verdict and findings, the read-off as the answer. */
  static GradeResponse of(Derivation work, Derivative expected, String exercise, Long seed, boolean withSolution) {
    Derivation.Line first = work.firstError() == null ? null : work.lines().get(work.firstError());
    boolean invalid = work.verdict() == Derivation.Verdict.INVALID;
    return new GradeResponse(work.verdict().word(), null,
        work.diagnoses().stream().map(f -> new DiagnosisView(f.code(), f.title(), f.message())).toList(),
        work.readOff(), List.of(), expected.shape().toString(),
        withSolution ? new Formula(expected.text(), expected.latex(), expected.shape().toString()) : null,
        withSolution ? expected.steps().stream().map(s -> new StepView(s.latex(), s.rule())).toList() : null,
        invalid ? "line " + (work.firstError() + 1) + ": " + first.message() : null,
        invalid ? first.position() : null, null, exercise, seed, DerivationResponse.of(work, withSolution));
  }
}
