package org.matrixcalculustutor.algebra;

/**
 * Explicit bounds on what the engine accepts, checked where they bite; each has a test.
 *
 * @param maxInputLength characters in one expression or declaration block
 * @param maxNestingDepth nesting of parentheses, brackets, function calls, signs and postfix
 *     operators (x'' is two levels), checked in the parser before the JVM stack is
 * @param maxMatrixSize entries of a matrix literal and the largest fixed size a declaration may name
 */
public record Limits(int maxInputLength, int maxNestingDepth, int maxMatrixSize) {

  public static final int MAX_INPUT_LENGTH = 2_000;
  public static final int MAX_NESTING_DEPTH = 64;
  public static final int MAX_MATRIX_SIZE = 64;

  /**
   * Nodes any expression the engine builds may have (a differential, a simplified or expanded
   * form, counted as a tree). Fixed, not configurable: it bounds the work of one request, which a
   * short input could otherwise make exponential, e.g. d of ((((X^2)^2)^2)^2)... .
   */
  public static final int MAX_EXPRESSION_SIZE = 10_000;

  /**
   * The largest whole-number side of any matrix the engine types: a vec or Kronecker product of
   * fixed sizes beyond it is refused before it is built. Equal to the most entries the evaluator
   * allocates, so a vector of this length is still evaluable.
   */
  public static final int MAX_DIMENSION = 1_000_000;

  public static final Limits DEFAULT = new Limits(MAX_INPUT_LENGTH, MAX_NESTING_DEPTH, MAX_MATRIX_SIZE);

  public Limits {
    if (maxInputLength < 1 || maxNestingDepth < 1 || maxMatrixSize < 1) {
      throw new IllegalArgumentException("limits are positive");
    }
  }
}
