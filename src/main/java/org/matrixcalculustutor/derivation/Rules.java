package org.matrixcalculustutor.derivation;

import java.util.List;
import org.matrixcalculustutor.algebra.RuleLatex;

/**
 * Rules as pages show them beside a line: a slip's rule with its formula typeset (written by hand
 * with the slip); any other rule (the engine's next one) as its plain words, since the engine's own
 * typesetting of rules is its business and may move.
 */
final class Rules {

  private Rules() {}

  /** The rule in pieces to show. */
  static List<RuleLatex.Part> parts(String rule) {
    if (rule == null || rule.isBlank()) {
      return List.of();
    }
    for (Slip slip : Slip.values()) {
      if (rule.equals(slip.rule()) && slip.ruleLatex() != null) { // the slips' rules are typeset by hand
        return List.of(new RuleLatex.Part(false, slip.ruleWords() + " "),
            new RuleLatex.Part(true, slip.ruleLatex()));
      }
    }
    return List.of(new RuleLatex.Part(false, rule));
  }
}
