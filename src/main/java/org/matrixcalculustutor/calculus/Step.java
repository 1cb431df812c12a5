package org.matrixcalculustutor.calculus;

/** One line a teacher would write in a derivation: the rule's name and the line as LaTeX. */
public record Step(String rule, String latex) {

  /** The rule typeset for a derivation, as one TeX string: its words upright, its formula as mathematics. */
  public String ruleLatex() {
    return RuleLatex.of(rule);
  }

  /** The rule in pieces for a page: words in the page's font, each formula as TeX to typeset. */
  public java.util.List<RulePart> ruleParts() {
    return RuleLatex.parts(rule).stream().map(p -> new RulePart(p.math(), p.content())).toList();
  }

  /**
   * A piece of a rule's name.
   *
   * @param math whether content is TeX (else plain words)
   * @param content the TeX or the words
   */
  public record RulePart(boolean math, String content) {}
}
