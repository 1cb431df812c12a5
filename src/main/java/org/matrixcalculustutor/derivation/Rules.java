package org.matrixcalculustutor.derivation;

import java.util.List;

/**
 * Rules as pages show them beside a line. The engine typesets the rules of its own derivations; this
 * package keeps to the rule's words (the engine's typesetting is its own business and may move), so
 * a rule is one piece of plain text here.
 */
final class Rules {

  private Rules() {}

  /** The rule in pieces to show. */
  static List<Derivation.RulePart> parts(String rule) {
    return rule == null || rule.isBlank() ? List.of() : List.of(new Derivation.RulePart(false, rule));
  }
}
