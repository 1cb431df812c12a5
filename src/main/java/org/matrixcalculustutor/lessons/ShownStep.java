package org.matrixcalculustutor.lessons;

import java.util.List;
import org.matrixcalculustutor.algebra.RuleLatex;
import org.matrixcalculustutor.calculus.Step;

/**
 * A line of a worked example as a lesson page shows it, printed once: a chapter's derivations never
 * change, and printing them again at every view was most of the time of a chapter's page.
 *
 * @param rule the rule in plain text (the title of its label)
 * @param ruleParts the rule typeset: words upright, formulas as mathematics
 * @param latex the line, before = after
 */
public record ShownStep(String rule, List<RuleLatex.Part> ruleParts, String latex) {

  public ShownStep {
    ruleParts = List.copyOf(ruleParts);
  }

  static ShownStep of(Step step) {
    return new ShownStep(step.rule(), step.ruleParts(), step.latex());
  }
}
