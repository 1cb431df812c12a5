package org.matrixcalculustutor.calculus;

/** One line a teacher would write in a derivation: the rule's name and the line as LaTeX. */
public record Step(String rule, String latex) {

  /** The rule typeset for a derivation: its words upright, its formula as mathematics. */
  public String ruleLatex() {
    return RuleLatex.of(rule);
  }
}
