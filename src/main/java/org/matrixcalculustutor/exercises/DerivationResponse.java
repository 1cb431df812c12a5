package org.matrixcalculustutor.exercises;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.matrixcalculustutor.algebra.RuleLatex;
import org.matrixcalculustutor.derivation.Derivation;
import org.matrixcalculustutor.grading.Formula;

/**
 * The JSON of a derivation checked line by line: each line with its status (correct, incorrect,
 * invalid), the rule and message of the first wrong one, where a problem sits (1-based, in the
 * line); the index (from 0) of the first line that is not correct; the derivative read off the last
 * line; the verdict (correct, incorrect, incomplete, invalid) and the diagnoses. The engine's own
 * derivation from the last right line (continuation) is a solution: an exercise's attempt carries it
 * only when the solution may be shown.
 */
record DerivationResponse(List<LineView> lines, Integer firstError, FormulaView readOff, String verdict,
    List<FindingView> diagnoses, String slip, String hint, Integer continuedFrom,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<StepView> continuation) {

  /** ruleParts: the rule in pieces for a page, words as text and each formula as TeX to typeset. */
  record LineView(String text, String latex, String status, String rule, List<RuleLatex.Part> ruleParts,
      String message, Integer position, String equivalence, List<String> readings) {}

  record FormulaView(String text, String latex, String shape) {}

  record FindingView(String code, String title, String message, Integer line) {}

  record StepView(String latex, String rule) {}

  static DerivationResponse of(Derivation d, boolean withContinuation) {
    Formula readOff = d.readOff();
    return new DerivationResponse(
        d.lines().stream().map(l -> new LineView(l.text(), l.latex(), l.status().word(), l.rule(), l.ruleParts(), l.message(),
            l.position(), l.equivalence(), l.readings())).toList(),
        d.firstError(), readOff == null ? null : new FormulaView(readOff.text(), readOff.latex(), readOff.shape()),
        d.verdict().word(),
        d.diagnoses().stream().map(f -> new FindingView(f.code(), f.title(), f.message(), f.line())).toList(),
        d.slip() == null ? null : d.slip().name(), d.hint(), d.continuedFrom(),
        withContinuation ? d.continuation().stream().map(s -> new StepView(s.latex(), s.rule())).toList() : null);
  }
}
