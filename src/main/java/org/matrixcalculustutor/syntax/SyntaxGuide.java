package org.matrixcalculustutor.syntax;

import java.util.List;
import org.matrixcalculustutor.algebra.ExpressionException;
import org.matrixcalculustutor.algebra.Limits;
import org.matrixcalculustutor.engine.Analysis;
import org.matrixcalculustutor.engine.Engine;
import org.springframework.stereotype.Component;

/**
 * Every form of the answer language with an example, each typeset as the engine reads it (the
 * examples are parsed at start, so a form the engine stopped reading fails the start and its test).
 * The syntax page shows all of it; the panel beside each answer box shows the compact rows. The
 * parser's messages link to the sections by their anchors.
 */
@Component("syntaxGuide")
public class SyntaxGuide {

  /** Symbols the examples use, declared as an exercise declares them, so Sx and x^TAx read as in one. */
  static final String DECLARATIONS = """
      A, B: matrix n x n
      S: matrix n x n symmetric
      X: matrix n x n invertible
      a, b, x, y: vector n
      c: scalar
      Sigma: matrix n x n spd
      lambda_2: scalar""";

  /** One form: what to type, how the tutor reads it, what it means; compact rows go in the panel. */
  public record Example(String typed, String latex, String meaning, List<String> readings, boolean compact) {}

  /** A group of forms under one anchor of the page. */
  public record Section(String id, String title, String intro, List<Example> examples) {}

  /** A habit the tutor does not read, and what to write instead. */
  public record Habit(String typed, String instead) {}

  private final List<Section> sections;

  private static final List<Habit> HABITS = List.of(
      new Habit("|X|", "det(X) for a determinant, abs(x) for absolute values, ||x|| or norm(x) for a norm"),
      new Habit("e^x", "exp(x), entry-wise"),
      new Habit("X^k with k a symbol", "a number: X^2, X^-1 (a transpose is X' or X^T)"),
      new Habit("x^2 for a vector x", "x'*x for the squared length, x .^ 2 for entry-wise squares"),
      new Habit("$2 A x$", "the expression without dollar signs"),
      new Habit("\\sum, \\nabla, \\partial", "only the derivative itself, in the plain-text forms above"),
      new Habit("df/dx = 2*x", "only the right-hand side: 2*x"),
      new Habit("A ⊗ B", "kron(A, B)"),
      new Habit("𝐱 (a styled letter)", "a plain x"));

  SyntaxGuide() {
    // The examples are the language itself, read with the default limits whatever a deployment sets.
    Engine engine = new Engine(Limits.DEFAULT);
    this.sections = List.of(
        section(engine, "symbols", "Symbols and constants",
            "A symbol is a name: upper case for matrices, lower case for vectors, unless declared. Greek names print as Greek letters.",
            row("A", "a matrix", true), row("x", "a vector", true), row("Sigma", "Greek names: Σ", true),
            row("σ", "a Greek letter typed as such is its name", false), row("lambda_2", "a subscript", false),
            row("0.5", "a number; also 2, 1e-3", false), row("pi", "π", false), row("I", "the identity, sized by its place", true),
            row("ones", "the vector of ones", false), row("0", "zero, of any shape", false),
            row("I(n) + zeros(n, n)", "sized constants", false)),
        section(engine, "products", "Sums and products",
            "Products, divisions and entry-wise products are one level, read left to right, as in MATLAB and NumPy.",
            row("A*x - b", "matrix product, difference", true), row("A x", "a space multiplies too", true),
            row("2x", "a number before a name", false), row("x .* y", "entry-wise (Hadamard) product; also ⊙", true),
            row("x ./ y", "entry-wise division", false), row("x/c", "division by a scalar", false),
            row("A@x", "@ multiplies, as in NumPy", false)),
        section(engine, "together", "Symbols written together",
            "In an exercise, a name that is not one of its symbols but spells some of them is read as their "
                + "product, and the preview says so before you check.",
            row("2Sx", "S x: read as 2 S x", true), row("xTSx", "a T after a symbol is its transpose", false),
            row("x^TAx", "x' A x, as textbooks write it", true)),
        section(engine, "transposes", "Transposes",
            "A transpose is an apostrophe; the forms of LaTeX and of textbooks are read too.",
            row("A'", "transpose", true), row("A^T", "also ^T (unless T is declared)", true),
            row("A.T", "as in NumPy", false), row("Aᵀ", "a superscript T", false), row("A^⊤", "⊤ too", false),
            row("A^{T}", "braces, as in LaTeX", false), row("A^\\top", "\\top too", false),
            row("A’x", "a phone's curly apostrophe", false)),
        section(engine, "powers", "Powers and inverses",
            "A power is a number: of a scalar, or a whole power of a square matrix; -1 is the inverse.",
            row("X^2", "a matrix power", false), row("X^-1", "the inverse; also inv(X)", true),
            row("X^{-1}", "braces, as in LaTeX", false), row("X⁻¹", "superscripts too: ², ³, ⁻¹", false),
            row("X^-T", "the inverse transposed; also X^{-T}", true), row("x .^ 2", "entry-wise power", true),
            row("c^2", "a scalar's power", false)),
        section(engine, "norms", "Norms and inner products",
            "The norm is Euclidean for vectors and Frobenius for matrices; <a, b> is x'y for vectors and tr(A'B) for matrices.",
            row("norm(x)^2", "squared norm", false), row("||A*x - b||^2", "bars, as written by hand", true),
            row("\\|x\\|", "LaTeX's bars; ‖x‖ too", false), row("||X||_F^2", "the Frobenius norm", false),
            row("<a, b>", "inner product", true), row("dot(a, b)", "the same", false)),
        section(engine, "functions", "Functions",
            "Their arguments go in parentheses. exp, log, sin, cos, tan, tanh, sigmoid, sqrt and abs apply entry by entry.",
            row("tr(B)", "trace; also trace(B)", true), row("det(X)", "determinant", false),
            row("logdet(X)", "log |det X|", true), row("inv(X)", "inverse", false), row("sum(A)", "sum of the entries", false),
            row("diag(x)", "a vector to a diagonal matrix; diag(B) the other way", false),
            row("softmax(x)", "softmax of a vector", false), row("logsumexp(x)", "log-sum-exp", false),
            row("kron(A, B)", "Kronecker product", false), row("vec(A)", "the columns stacked", false),
            row("exp(x) + log(y) + sigmoid(x)", "entry-wise functions", true)),
        section(engine, "matrices", "Matrices written out",
            "Rows are split by ; and entries by , as in MATLAB.",
            row("[1, 2; 3, 4]", "a 2 x 2 matrix", false), row("[cos(c); sin(c)]", "a column", false)));
  }

  private record Row(String typed, String meaning, boolean compact) {}

  private static Row row(String typed, String meaning, boolean compact) {
    return new Row(typed, meaning, compact);
  }

  private static Section section(Engine engine, String id, String title, String intro, Row... rows) {
    return new Section(id, title, intro, java.util.Arrays.stream(rows).map(r -> {
      try {
        Analysis a = engine.analyze(r.typed(), DECLARATIONS);
        return new Example(r.typed(), a.latex(), r.meaning(), a.readings(), r.compact());
      } catch (ExpressionException e) {
        throw new IllegalStateException("the syntax help's example " + r.typed() + " does not read: " + e.getMessage(), e);
      }
    }).toList());
  }

  public List<Section> sections() {
    return sections;
  }

  /** The rows for the panel beside an answer box. */
  public List<Example> compact() {
    return sections.stream().flatMap(s -> s.examples().stream()).filter(Example::compact).toList();
  }

  public List<Habit> habits() {
    return HABITS;
  }

  /** The section of the page a parser message is about: "/syntax#powers"; the page itself otherwise. */
  public static String linkFor(String message) {
    if (message == null) {
      return "/syntax";
    }
    String m = message.toLowerCase(java.util.Locale.ROOT);
    if (m.contains("did you mean") && !m.contains("function")) {
      return "/syntax#transposes";
    }
    if (m.contains("'^'") || m.contains("power") || m.contains("exponent")) {
      return "/syntax#powers";
    }
    if (m.contains("transpose")) {
      return "/syntax#transposes";
    }
    if (m.contains("'|'") || m.contains("latex") || m.contains("$") || m.contains("character")) {
      return "/syntax#not-read";
    }
    if (m.contains("norm") || m.contains("inner product")) {
      return "/syntax#norms";
    }
    if (m.contains("function") || m.contains("argument")) {
      return "/syntax#functions";
    }
    if (m.contains("matrix opened") || m.contains("row")) {
      return "/syntax#matrices";
    }
    return "/syntax";
  }
}
