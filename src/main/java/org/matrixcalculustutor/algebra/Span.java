package org.matrixcalculustutor.algebra;

/** A range of characters [start, end) in a source text; positions are 0-based offsets. */
public record Span(int start, int end) {

  public Span {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad span " + start + ".." + end);
    }
  }

  public static Span at(int offset) {
    return new Span(offset, offset + 1);
  }

  /** The 1-based column a person counts to when reading an error message. */
  public int column() {
    return start + 1;
  }

  public Span to(Span other) {
    return new Span(Math.min(start, other.start), Math.max(end, other.end));
  }
}
