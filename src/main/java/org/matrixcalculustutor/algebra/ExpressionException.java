package org.matrixcalculustutor.algebra;

/**
 * The only exception that leaves the engine for bad input: a message a student can read and the
 * span of the input it is about (null when the problem is not tied to one place).
 */
public final class ExpressionException extends RuntimeException {

  private final transient Span span;

  public ExpressionException(String message, Span span) {
    super(message, null, false, false);
    this.span = span;
  }

  public ExpressionException(String message) {
    this(message, null);
  }

  public Span span() {
    return span;
  }

  /** The 1-based position of the problem, or null. */
  public Integer position() {
    return span == null ? null : span.column();
  }
}
