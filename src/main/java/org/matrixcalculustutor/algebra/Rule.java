package org.matrixcalculustutor.algebra;

/**
 * One rewrite rule of the simplifier: a small named value, as SymPy writes its rules. It applies to
 * one type of node and gives the rewritten node, or the node itself (the same instance) when it
 * does not apply; where it stands for a textbook identity, that identity is written beside it.
 *
 * @param name what the rule does, in the words of its method: "collectLikeTerms"
 * @param type the kind of node it rewrites
 * @param rewrite the node to its rewritten form
 * @param identity the identity it stands for ("(AB)' = B'A'"), or null for bookkeeping
 */
record Rule<T extends Expr>(String name, Class<T> type, Rewrite<T> rewrite, String identity) {

  /** A rule's work: the node, rewritten, or the same instance when the rule does not apply. */
  @FunctionalInterface
  interface Rewrite<T extends Expr> {
    Expr apply(T node, Rewriting run);
  }

  static <T extends Expr> Rule<T> of(String name, Class<T> type, String identity, Rewrite<T> rewrite) {
    return new Rule<>(name, type, rewrite, identity);
  }

  /** The rule on e, a node of its type. */
  Expr apply(Expr e, Rewriting run) {
    return rewrite.apply(type.cast(e), run);
  }

  @Override
  public String toString() {
    return identity == null ? name : name + ": " + identity;
  }
}
