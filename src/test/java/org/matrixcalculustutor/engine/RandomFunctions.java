package org.matrixcalculustutor.engine;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.matrixcalculustutor.calculus.Layout;

/**
 * Random problems for property tests: a function drawn from every construct of the language by
 * shapes, so it is always well-typed, with a variable it contains and a layout. Its inverses and
 * log-determinants are of spd + M'M, so they always exist.
 */
public final class RandomFunctions {

  public static final String DECLARATIONS = """
      X: matrix m x n
      W: matrix m x n
      A: matrix n x m
      B: matrix m x m
      P: matrix m x m spd
      S: matrix n x n spd
      Q: matrix n x n symmetric
      D: matrix n x n diagonal
      O: matrix n x n orthogonal
      x: vector n
      y: vector m
      t: scalar""";

  /** A drawn problem: the derivative of function with respect to variable, in layout. */
  public record Problem(String function, String variable, Layout layout) {
    @Override
    public String toString() {
      return "d/d" + variable + " of " + function + " (" + layout + " layout)";
    }
  }

  /** The generator's shapes: sizes m, n or 1. */
  record Shape(String rows, String cols) {
    Shape transposed() {
      return new Shape(cols, rows);
    }

    boolean square() {
      return rows.equals(cols);
    }
  }

  static final Shape SCALAR = new Shape("1", "1");

  static final Map<Shape, List<String>> SYMBOLS = Map.of(
      new Shape("m", "n"), List.of("X", "W"),
      new Shape("n", "m"), List.of("A"),
      new Shape("m", "m"), List.of("B", "P"),
      new Shape("n", "n"), List.of("S", "Q", "D", "O"),
      new Shape("n", "1"), List.of("x"),
      new Shape("m", "1"), List.of("y"),
      SCALAR, List.of("t", "2", "0.5"));

  static final int DEPTH = 3;

  /**
   * The kinds of derivative drawn: of a scalar (gradients), a vector (Jacobians, tangents), a matrix
   * (tangents), and the vec Jacobians beyond the six kinds: a matrix by a matrix, a vector by a
   * matrix, a matrix by a vector.
   */
  public enum Kind {
    SCALAR_FUNCTION(SCALAR, "t*x'*x", List.of("X", "W", "B", "Q", "D", "x", "y", "t")),
    VECTOR_FUNCTION(new Shape("m", "1"), "t*X*x", List.of("x", "t")),
    MATRIX_FUNCTION(new Shape("m", "n"), "t*X", List.of("t")),
    MATRIX_BY_MATRIX(new Shape("m", "n"), "B*X*Q + W*D", List.of("X", "W", "B", "Q", "D")),
    VECTOR_BY_MATRIX(new Shape("m", "1"), "X*x + B*y", List.of("X", "B")),
    MATRIX_BY_VECTOR(new Shape("m", "n"), "y*x'", List.of("x", "y"));

    final Shape shape;
    /** A term added to every function of the kind, so that each of its variables can be drawn. */
    final String anchor;
    final List<String> variables;

    Kind(Shape shape, String anchor, List<String> variables) {
      this.shape = shape;
      this.anchor = anchor;
      this.variables = variables;
    }
  }

  private RandomFunctions() {}

  /** A problem of a random kind. */
  public static Problem problem(Random random) {
    return problem(random, Kind.values()[random.nextInt(Kind.values().length)]);
  }

  /** A problem of the given kind. */
  public static Problem problem(Random random, Kind kind) {
    String f = generate(random, kind.shape, 0) + " + " + kind.anchor;
    List<String> variables = kind.variables.stream()
        .filter(v -> Pattern.compile("\\b" + v + "\\b").matcher(f).find()).toList();
    String variable = variables.get(random.nextInt(variables.size()));
    return new Problem(f, variable, random.nextBoolean() ? Layout.DENOMINATOR : Layout.NUMERATOR);
  }

  /** A random expression of the given shape, as text of the language. */
  private static String generate(Random r, Shape shape, int depth) {
    double roll = r.nextDouble();
    if (depth >= DEPTH || roll < 0.2) {
      return leaf(r, shape);
    }
    if (roll < 0.35) {
      return "(" + generate(r, shape, depth + 1) + (r.nextBoolean() ? " + " : " - ") + generate(r, shape, depth + 1) + ")";
    }
    if (roll < 0.5) {
      String inner = List.of("m", "n", "1").get(r.nextInt(3));
      return "(" + generate(r, new Shape(shape.rows(), inner), depth + 1) + ")*(" + generate(r, new Shape(inner, shape.cols()), depth + 1) + ")";
    }
    if (roll < 0.57) {
      return "(" + generate(r, shape.transposed(), depth + 1) + ")'";
    }
    if (roll < 0.63) {
      return "((" + generate(r, shape, depth + 1) + ") .* (" + generate(r, shape, depth + 1) + "))";
    }
    if (roll < 0.7) {
      return switch (r.nextInt(6)) {
        case 0 -> "exp(sin(" + generate(r, shape, depth + 1) + "))"; // bounded: exp(det(...)) would overflow
        case 1 -> "sin(" + generate(r, shape, depth + 1) + ")";
        case 2 -> "tanh(" + generate(r, shape, depth + 1) + ")";
        case 3 -> "sigmoid(" + generate(r, shape, depth + 1) + ")";
        case 4 -> "log(sigmoid(" + generate(r, shape, depth + 1) + "))"; // log of a positive argument
        default -> "sqrt(sigmoid(" + generate(r, shape, depth + 1) + "))";
      };
    }
    if (roll < 0.74) {
      return "3*(" + generate(r, shape, depth + 1) + ")";
    }
    if (roll < 0.77) {
      return "(" + generate(r, shape, depth + 1) + ") .^ 2";
    }
    if (roll < 0.8) {
      return "(" + generate(r, shape, depth + 1) + ") ./ exp(" + generate(r, shape, depth + 1) + ")";
    }
    if (shape.equals(SCALAR)) {
      return scalarFunction(r, depth);
    }
    if (shape.square() && roll < 0.85) {
      return "inv(" + spdPlusGram(r, shape.rows(), depth) + ")";
    }
    if (shape.square() && roll < 0.9) {
      return "(" + generate(r, shape, depth + 1) + ")^2";
    }
    if (shape.square() && roll < 0.95) {
      return "diag(" + generate(r, new Shape(shape.rows(), "1"), depth + 1) + ")";
    }
    if (shape.cols().equals("1") && !shape.rows().equals("1") && roll < 0.9) {
      return "softmax(" + generate(r, shape, depth + 1) + ")";
    }
    return generate(r, shape, depth + 1);
  }

  /** The functions that make a scalar: traces, determinants, norms, sums, inner products, softmax. */
  private static String scalarFunction(Random r, int depth) {
    String k = r.nextBoolean() ? "m" : "n";
    Shape square = new Shape(k, k);
    Shape column = new Shape(k, "1");
    Shape any = new Shape(k, r.nextBoolean() ? "m" : "n");
    return switch (r.nextInt(11)) {
      case 0 -> "tr(" + generate(r, square, depth + 1) + ")";
      case 1 -> "logdet(" + spdPlusGram(r, k, depth) + ")";
      case 2 -> "sum(" + generate(r, any, depth + 1) + ")";
      case 3 -> "norm(" + generate(r, any, depth + 1) + ")^2";
      case 4 -> "logsumexp(" + generate(r, column, depth + 1) + ")";
      case 5 -> "<" + generate(r, any, depth + 1) + ", " + generate(r, any, depth + 1) + ">";
      case 6 -> "tr(inv(" + spd(k) + ")*" + generate(r, square, depth + 1) + ")";
      case 7 -> "-" + (k.equals("m") ? "y" : "x") + "'*log(softmax(" + generate(r, column, depth + 1) + "))";
      case 8 -> "det(" + spdPlusGram(r, k, depth) + ")";
      case 9 -> "norm(" + spdPlusGram(r, k, depth) + ")";
      default -> "sum(diag(" + generate(r, square, depth + 1) + "))";
    };
  }

  private static String leaf(Random r, Shape shape) {
    List<String> symbols = SYMBOLS.get(shape);
    if (symbols != null) {
      return symbols.get(r.nextInt(symbols.size()));
    }
    return shape.square() ? "I" : "(" + leaf(r, shape.transposed()) + ")'";
  }

  /** P + M'M with P spd is spd, so its inverse and log-determinant always exist. */
  private static String spdPlusGram(Random r, String size, int depth) {
    String m = generate(r, new Shape(size, size), depth + 1);
    return spd(size) + " + (" + m + ")'*(" + m + ")";
  }

  private static String spd(String size) {
    return size.equals("m") ? "P" : "S";
  }
}
