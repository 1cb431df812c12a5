package org.matrixcalculustutor.algebra;

/**
 * The only exception that leaves the engine for bad input: a message a student can read and the
 * span of the input it is about (null when the problem is not tied to one place).
 */
public final class ExpressionException extends RuntimeException {

  private final transient Span span;
  private final String suggestion;
  /** The message without its suggestion. */
  private final String remark;

  public ExpressionException(String message, Span span) {
    this(message, span, null, message);
  }

  /**
   * A problem with a likely fix: suggestion is the whole input as it was probably meant; message
   * says so, remark says the same without the fix.
   */
  public ExpressionException(String message, Span span, String suggestion, String remark) {
    super(message, null, false, false);
    this.span = span;
    this.suggestion = suggestion;
    this.remark = remark;
  }

  /** The same problem with no fix offered: for a fix that would not be the answer asked for. */
  public ExpressionException withoutSuggestion() {
    return suggestion == null ? this : new ExpressionException(remark, span);
  }

  public ExpressionException(String message) {
    this(message, null);
  }

  public Span span() {
    return span;
  }

  /** The input as it was probably meant (a shape slip with one transpose fixed), or null. */
  public String suggestion() {
    return suggestion;
  }

  /** The 1-based position of the problem, or null. */
  public Integer position() {
    return span == null ? null : span.column();
  }
}
