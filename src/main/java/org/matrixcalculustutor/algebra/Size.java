package org.matrixcalculustutor.algebra;

import java.util.ArrayList;
import java.util.List;

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
    for (int i = 0; i < text.length(); i++) { // a loop, not a stream: every random point parses its sizes
      if (!Character.isDigit(text.charAt(i))) {
        return new Named(text);
      }
    }
    return new Fixed(Integer.parseInt(text));
  }

  /**
   * a*b as one size, the size of vec(X) or of a Kronecker product: whole numbers multiply and
   * names are kept in sorted order, so m*n and n*m are the same size.
   *
   * @throws IllegalArgumentException for a size inference has not solved
   * @throws ExpressionException when the product is beyond any size the tutor works with
   */
  static Size product(Size a, Size b) {
    if (a.isOne()) {
      return b;
    }
    if (b.isOne()) {
      return a;
    }
    long number = 1;
    List<String> names = new ArrayList<>();
    for (Size s : List.of(a, b)) {
      for (String factor : factors(s)) {
        if (Character.isDigit(factor.charAt(0))) {
          number *= Long.parseLong(factor);
          if (number > Integer.MAX_VALUE) {
            throw new ExpressionException("a size of " + a + " x " + b + " is beyond any size the tutor works with");
          }
        } else {
          names.add(factor);
        }
      }
    }
    names.sort(null);
    if (names.isEmpty()) {
      return new Fixed((int) number);
    }
    return new Named((number > 1 ? number + "*" : "") + String.join("*", names));
  }

  /** The names in a size: m and n of 2*m*n; none in a number or a size not yet solved. */
  public static List<String> names(Size size) {
    if (!(size instanceof Named)) {
      return List.of();
    }
    return factors(size).stream().filter(f -> !Character.isDigit(f.charAt(0))).toList();
  }

  /** The factors of a size: "12", or "2", "m", "n" of 2*m*n. */
  static List<String> factors(Size size) {
    if (size instanceof Fixed f) {
      return List.of(Integer.toString(f.value()));
    }
    if (size instanceof Named n) {
      String name = n.name();
      return name.indexOf('*') < 0 ? List.of(name) : List.of(name.split("\\*")); // nearly every size: one name
    }
    throw new IllegalArgumentException("the size " + size + " is not solved");
  }

  default boolean isOne() {
    return this instanceof Fixed f && f.value() == 1;
  }
}
