package org.matrixcalculustutor.algebra;

/** A way to apply rules to an expression (SymPy's strategies): e, rewritten, in one run. */
@FunctionalInterface
interface Strategy {
  Expr apply(Expr e, Rewriting run);
}
