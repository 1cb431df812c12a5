package org.matrixcalculustutor.algebra;

import java.util.List;

/**
 * How rules combine, in the manner of SymPy's {@code strategies}: {@link #firstOf} tries rules in
 * order, {@link #typed} offers a node the rules of its own type, {@link #bottomUp} works from the
 * leaves up, {@link #exhaust} repeats until nothing changes. Each is a value; the simplifier and
 * the normal form are one strategy each, {@code exhaust(bottomUp(typed(table)))}, over their own
 * table of rules.
 */
final class Strategies {

  private Strategies() {}

  /** The first rule that applies, applied once; e itself (the same instance) when none does. */
  static Strategy firstOf(List<Rule<?>> rules) {
    return (e, run) -> first(rules, e, run);
  }

  /** The first rule of the table for e's own type that applies (SymPy's typed, then do_one). */
  static Strategy typed(RuleTable table) {
    return (e, run) -> first(table.rulesFor(e), e, run);
  }

  private static Expr first(List<Rule<?>> rules, Expr e, Rewriting run) {
    for (int i = 0; i < rules.size(); i++) { // by index: no iterator for every node of every pass
      Rule<?> rule = rules.get(i);
      Expr rewritten = rule.apply(e, run);
      if (rewritten != e && !rewritten.equals(e)) { // a rule that rebuilt the same node did not apply
        return run.applied(rule, e, rewritten);
      }
    }
    return e;
  }

  /** s again and again until it changes nothing: e's fixed point under s. */
  static Strategy exhaust(Strategy s) {
    return (e, run) -> {
      Expr current = e;
      while (true) {
        Expr next = s.apply(current, run);
        if (next == current) {
          return current;
        }
        current = next;
      }
    };
  }

  /**
   * s on every node, children first. A node is offered to s only once its children are final, and
   * a node s leaves as it is, with final children, is final itself: the run remembers it, and no
   * later pass (of an exhaust around this) walks into it again. So each node is worked on once,
   * however often rules move it around, and a pass only walks the paths to what changed.
   */
  static Strategy bottomUp(Strategy s) {
    return new Strategy() {
      @Override
      public Expr apply(Expr e, Rewriting run) {
        if (run.isFinal(e)) {
          return e;
        }
        run.visit();
        Expr current = Children.map(e, child -> apply(child, run));
        if (!run.childrenFinal(current)) {
          return current; // a child was rewritten: its new parts come first, in the next pass
        }
        Expr next = s.apply(current, run);
        if (next == current) {
          run.markFinal(current);
        }
        return next;
      }
    };
  }
}
