package org.matrixcalculustutor.algebra;

/** One dimension of a shape: a whole number, a size name such as n, or an unsolved variable. */
public sealed interface Size {

  Size ONE = new Fixed(1);

  record Fixed(int value) implements Size {
    public Fixed {
      if (value < 1) {
        throw new IllegalArgumentException("a size is at least 1");
      }
    }

    @Override
    public String toString() {
      return Integer.toString(value);
    }
  }

  record Named(String name) implements Size {
    @Override
    public String toString() {
      return name;
    }
  }

  /** A size that shape inference has not solved yet (only inside the checker). */
  record Var(int id) implements Size {
    @Override
    public String toString() {
      return "?" + id;
    }
  }

  static Size of(String text) {
    if (text.chars().allMatch(Character::isDigit)) {
      return new Fixed(Integer.parseInt(text));
    }
    return new Named(text);
  }

  default boolean isOne() {
    return this instanceof Fixed f && f.value() == 1;
  }
}
