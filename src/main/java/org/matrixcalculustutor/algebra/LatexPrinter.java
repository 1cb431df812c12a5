package org.matrixcalculustutor.algebra;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Prints an expression as LaTeX for MathJax: X^{\top}, X^{-1}, \operatorname{tr}, \odot, Greek
 * letters for Greek names. Only the engine's own expressions are printed, never raw input, so a
 * student's text can never inject LaTeX.
 */
public final class LatexPrinter implements Expr.Visitor<String> {

  private static final LatexPrinter INSTANCE = new LatexPrinter(Map.of(), TextPrinter::surelyScalar);

  /** Differentials that stand for d(expression), not yet expanded: dM for the symbol M in the keys. */
  private final Map<Expr.Symbol, Expr> unexpanded;
  /** Whether a divisor is known to be 1 x 1, so that M s^{-1} may be typeset as a fraction. */
  private final Predicate<Expr> scalar;

  private LatexPrinter(Map<Expr.Symbol, Expr> unexpanded, Predicate<Expr> scalar) {
    this.unexpanded = unexpanded;
    this.scalar = scalar;
  }

  public static String print(Expr e) {
    return e.accept(INSTANCE);
  }

  /** e with what its declarations say of its shapes: a scalar divisor such as x'x makes a fraction. */
  public static String print(Expr e, Declarations declarations) {
    return e.accept(new LatexPrinter(Map.of(), TextPrinter.scalarsUnder(declarations)));
  }

  /**
   * e as TeX where a differential dM with M a key of unexpanded is written d(unexpanded.get(M)):
   * how a derivation shows one rule applied before the inner differentials are worked out.
   */
  public static String print(Expr e, Map<Expr.Symbol, Expr> unexpanded) {
    return e.accept(new LatexPrinter(Map.copyOf(unexpanded), TextPrinter::surelyScalar));
  }

  private String wrap(Expr child, int needed) {
    String text = child.accept(this);
    return precedence(child) < needed ? "\\left(" + text + "\\right)" : text;
  }

  /** As in the text, except that A ⊗ B is written as an operator and binds as a product. */
  private static int precedence(Expr e) {
    return e instanceof Expr.Kron ? TextPrinter.PRODUCT : TextPrinter.precedence(e);
  }

  /**
   * A line of a derivation, left = right: the left side an expression or a derivative in the
   * course's notation (see {@link LeftSide}); a differential dM with M a key of parts is written
   * d(parts.get(M)); declarations, when given, tell scalar divisors as in {@link #print(Expr, Declarations)}.
   */
  public static String line(LeftSide left, Expr before, Expr after, Map<Expr.Symbol, Expr> parts,
      Declarations declarations) {
    LatexPrinter printer = parts.isEmpty() && declarations == null ? INSTANCE
        : new LatexPrinter(Map.copyOf(parts),
            declarations == null ? TextPrinter::surelyScalar : TextPrinter.scalarsUnder(declarations));
    String right = after.accept(printer);
    String x = before == null ? "" : before.accept(printer);
    return switch (left) {
      case EXPRESSION -> x + " = " + right;
      case DERIVATIVE -> "\\frac{\\mathrm{d}f}{\\mathrm{d}" + x + "} = " + right;
      case GRADIENT -> "\\nabla_{" + x + "} f = " + right;
      case JACOBIAN -> "J = \\frac{\\partial f}{\\partial " + x + "^{\\top}} = " + right;
      case VEC_JACOBIAN -> "J = \\frac{\\partial \\operatorname{vec} f}{\\partial \\operatorname{vec}(" + x
          + ")^{\\top}} = " + right;
      case LAYOUT -> "\\frac{\\partial f}{\\partial " + x + "} = " + right;
      case SECOND_DIFFERENTIAL -> "\\mathrm{d}^2 f = " + right;
      case QUADRATIC_FORM -> "\\mathrm{d}^2 f = " + x + "^{\\top} B\\, " + x + ", \\quad B = " + right;
      case HESSIAN -> "H = \\tfrac{1}{2}\\left(B + B^{\\top}\\right) = " + right;
    };
  }

  /**
   * A declaration as a statement typesets it: A \in \mathbb{R}^{p \times m}, x \in \mathbb{R}^{n},
   * \lambda \in \mathbb{R}. Its properties are words ({@link Property#words()}), not TeX.
   */
  public static String declaration(Declaration d) {
    Shape s = d.shape();
    String space = s.isScalar() ? "\\mathbb{R}" : s.cols().isOne() ? "\\mathbb{R}^{" + size(s.rows()) + "}"
        : "\\mathbb{R}^{" + size(s.rows()) + " \\times " + size(s.cols()) + "}";
    return name(d.name()) + " \\in " + space;
  }

  /** A size as TeX: 64 stays 64, a name such as n or n_1 is written as names are. */
  private static String size(Size size) {
    if (size instanceof Size.Fixed) {
      return size.toString();
    }
    // m*n is written mn, as a product of sizes is
    return Size.factors(size).stream().map(f -> Character.isDigit(f.charAt(0)) ? f : name(f))
        .collect(Collectors.joining(" "));
  }

  /** A name as TeX: Sigma is \Sigma, lambda_2 is \lambda_{2}, w1 is w_{1}, long names upright. */
  static String name(String name) {
    String base = name;
    String subscript = null;
    int underscore = name.indexOf('_');
    if (underscore > 0) {
      base = name.substring(0, underscore);
      subscript = name.substring(underscore + 1);
    } else {
      int digits = name.length();
      while (digits > 1 && Character.isDigit(name.charAt(digits - 1))) {
        digits--;
      }
      if (digits < name.length()) {
        base = name.substring(0, digits);
        subscript = name.substring(digits);
      }
    }
    String tex;
    if (Exprs.GREEK.contains(base)) {
      tex = "\\" + base;
    } else if (base.length() == 1 && Character.isLetter(base.charAt(0)) && base.charAt(0) < 128) {
      tex = base;
    } else {
      tex = "\\mathit{" + escape(base) + "}";
    }
    return subscript == null || subscript.isEmpty() ? tex : tex + "_{" + escape(subscript) + "}";
  }

  /** A name's letters and digits in any script (é, а, 变量 print as themselves); anything else TeX might read goes. */
  private static String escape(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints().forEach(c -> {
      if (Character.isLetterOrDigit(c)) {
        out.appendCodePoint(c);
      } else if (c == '_') {
        out.append("\\_");
      }
    });
    return out.toString();
  }

  private static String number(double value) {
    if (value == Math.PI) {
      return "\\pi";
    }
    String text = TextPrinter.number(value);
    int e = text.indexOf('e');
    if (e > 0) {
      return text.substring(0, e) + " \\times 10^{" + text.substring(e + 1) + "}";
    }
    return text;
  }

  /** Nodes printed as a function with its own brackets, which d can precede without parentheses. */
  private static boolean delimited(Expr e) {
    return e instanceof Expr.Trace || e instanceof Expr.Det || e instanceof Expr.LogDet || e instanceof Expr.Norm
        || e instanceof Expr.SumAll || e instanceof Expr.Diag || e instanceof Expr.Softmax
        || e instanceof Expr.LogSumExp || e instanceof Expr.Vec || e instanceof Expr.Apply;
  }

  @Override
  public String symbol(Expr.Symbol e) {
    return name(e.name());
  }

  @Override
  public String number(Expr.Number e) {
    return number(e.value());
  }

  @Override
  public String identity(Expr.Identity e) {
    return e.size() == null ? "I" : "I_{" + size(e.size()) + "}";
  }

  @Override
  public String ones(Expr.Ones e) {
    return e.size() == null ? "\\mathbf{1}" : "\\mathbf{1}_{" + size(e.size()) + "}";
  }

  @Override
  public String zeros(Expr.Zeros e) {
    return "0";
  }

  @Override
  public String sum(Expr.Sum e) {
    StringBuilder out = new StringBuilder(wrap(e.terms().get(0), TextPrinter.PRODUCT));
    for (Expr term : e.terms().subList(1, e.terms().size())) {
      if (TextPrinter.isNegative(term)) {
        out.append(" - ").append(wrap(Exprs.negate(term), TextPrinter.PRODUCT));
      } else {
        out.append(" + ").append(wrap(term, TextPrinter.PRODUCT));
      }
    }
    return out.toString();
  }

  @Override
  public String product(Expr.Product e) {
    List<Expr> factors = e.factors();
    StringBuilder numerator = new StringBuilder();
    StringBuilder denominator = new StringBuilder();
    if (factors.size() == 2 && factors.get(0) instanceof Expr.Number c && c.value() == -1
        && factors.get(1) instanceof Expr.Hadamard h) {
      return "-" + hadamard(h); // -y \odot (X w), as the text writes -y .* (X*w)
    }
    int start = 0;
    String sign = "";
    if (factors.get(0) instanceof Expr.Number c && c.value() == -1
        && !(factors.get(1) instanceof Expr.Number)) {
      sign = "-";
      start = 1;
    }
    // a/c and M/s: a divisor known to be 1 x 1 (A X^-1 stays a product: matrices do not divide),
    // while something is left above the line
    boolean asFraction = TextPrinter.anyNegativePower(factors)
        && factors.subList(start, factors.size()).stream().anyMatch(f -> !TextPrinter.divides(f, scalar));
    long[] coefficient = null;
    Expr above = null;
    boolean onlyOnes = factors.stream().allMatch(f -> f instanceof Expr.Number n && n.value() == 1);
    Expr previous = null;
    for (Expr factor : factors.subList(start, factors.size())) {
      if (asFraction && TextPrinter.divides(factor, scalar)) {
        Expr.Power p = (Expr.Power) factor;
        if (denominator.length() > 0) {
          denominator.append(" ");
        }
        denominator.append(p.exponent() == -1 ? p.base().accept(this)
            : raised(p.base()) + "^{" + number(-p.exponent()) + "}");
        continue;
      }
      if (factor instanceof Expr.Number one && one.value() == 1 && !onlyOnes) {
        continue; // 1/2*A as typed: \frac{A}{2}, not \frac{1 A}{2}
      }
      if (numerator.length() == 0 && coefficient == null && factor instanceof Expr.Number c) {
        coefficient = TextPrinter.fraction(c.value()); // a coefficient 2/5 as a fraction, not 0.4
        if (coefficient != null) {
          continue;
        }
      }
      if (numerator.length() > 0) {
        boolean numbers = factor instanceof Expr.Number n && n.value() != Math.PI; // 2 \pi r, but 2 \cdot 3
        // dt\, b: set off from what follows, dt b would read as one word "dtb"
        numerator.append(numbers ? " \\cdot " : previous instanceof Expr.Differential ? "\\, " : " ");
      }
      numerator.append(wrap(factor, TextPrinter.UNARY));
      previous = factor;
      above = above == null ? factor : e; // the one factor above the line, or more than one
    }
    if (coefficient != null) {
      sign += coefficient[0] < 0 ? "-" : "";
      long p = Math.abs(coefficient[0]);
      if (denominator.length() == 0) {
        return sign + "\\frac{" + p + "}{" + coefficient[1] + "} " + numerator;
      }
      if (p != 1) {
        above = e; // (3/2) (a + b) / s = 3 (a + b) / (2 s): the number stands beside the sum
        numerator.insert(0, p + " ");
      }
      denominator.insert(0, coefficient[1] + " "); // (1/2) A x / (x'x) = A x / (2 x'x)
    }
    if (denominator.length() == 0) {
      return sign + numerator;
    }
    // the line groups what stands above it: one factor there (a sum, a product) needs no parentheses
    String top = above != null && above != e ? above.accept(this)
        : numerator.length() == 0 ? "1" : numerator.toString();
    return sign + "\\frac{" + top + "}{" + denominator + "}";
  }

  @Override
  public String power(Expr.Power e) {
    return raised(e.base()) + "^{" + number(e.exponent()) + "}";
  }

  @Override
  public String scalarPower(Expr.ScalarPower e) {
    return raised(e.base()) + "^{" + e.exponent().accept(this) + "}";
  }

  @Override
  public String elementPower(Expr.ElementPower e) {
    return raised(e.base()) + "^{\\circ " + number(e.exponent()) + "}";
  }

  @Override
  public String hadamard(Expr.Hadamard e) {
    List<Expr> above = TextPrinter.dividends(e);
    StringBuilder out = new StringBuilder(negatedFirst(above.get(0)));
    for (Expr factor : above.subList(1, above.size())) {
      out.append(" \\odot ").append(wrap(factor, TextPrinter.UNARY));
    }
    for (Expr divisor : TextPrinter.divisors(e, above)) { // x ./ u, as the text writes it
      out.append(" \\oslash ").append(wrap(divisor, TextPrinter.UNARY));
    }
    return out.toString();
  }

  /** The first factor of an entry-wise product: -y ⊙ (X w) as typed, without parentheses around -y. */
  private String negatedFirst(Expr first) {
    if (first instanceof Expr.Product p && p.factors().size() == 2 && Exprs.isNumber(p.factors().get(0), -1)
        && !(p.factors().get(1) instanceof Expr.Number)) {
      return "-" + wrap(p.factors().get(1), TextPrinter.UNARY);
    }
    return wrap(first, TextPrinter.UNARY);
  }

  @Override
  public String hadamardQuotient(Expr.HadamardQuotient e) {
    return wrap(e.numerator(), TextPrinter.UNARY) + " \\oslash " + wrap(e.denominator(), TextPrinter.UNARY);
  }

  @Override
  public String transpose(Expr.Transpose e) {
    if (e.argument() instanceof Expr.Inverse inv) {
      return raised(inv.argument()) + "^{-\\top}";
    }
    if (e.argument() instanceof Expr.Power p && p.exponent() == -1) {
      return raised(p.base()) + "^{-\\top}";
    }
    return raised(e.argument()) + "^{\\top}";
  }

  /**
   * The base of a superscript: in parentheses when it has one of its own, (X^{\top})^{2} and
   * (a^{\top})^{\top}, since TeX refuses X^{\top}^{2} (MathJax shows "Double exponent").
   */
  private String raised(Expr base) {
    boolean hasSuperscript = base instanceof Expr.Transpose || base instanceof Expr.Power
        || base instanceof Expr.ScalarPower || base instanceof Expr.ElementPower || base instanceof Expr.Inverse;
    return hasSuperscript ? "\\left(" + base.accept(this) + "\\right)" : wrap(base, TextPrinter.POSTFIX);
  }

  private String function(String name, Expr argument) {
    return name + "\\left(" + argument.accept(this) + "\\right)";
  }

  @Override
  public String inverse(Expr.Inverse e) {
    if (e.argument() instanceof Expr.Transpose t) { // inv(X') = inv(X)'
      return raised(t.argument()) + "^{-\\top}";
    }
    return raised(e.argument()) + "^{-1}";
  }

  @Override
  public String trace(Expr.Trace e) {
    return function("\\operatorname{tr}", e.argument());
  }

  @Override
  public String det(Expr.Det e) {
    return function("\\det", e.argument());
  }

  @Override
  public String logDet(Expr.LogDet e) {
    return "\\log\\left|" + e.argument().accept(this) + "\\right|";
  }

  @Override
  public String norm(Expr.Norm e) {
    return "\\left\\lVert " + e.argument().accept(this) + " \\right\\rVert";
  }

  @Override
  public String sumAll(Expr.SumAll e) {
    return function("\\operatorname{sum}", e.argument());
  }

  @Override
  public String diag(Expr.Diag e) {
    return function("\\operatorname{diag}", e.argument());
  }

  @Override
  public String softmax(Expr.Softmax e) {
    return function("\\operatorname{softmax}", e.argument());
  }

  @Override
  public String logSumExp(Expr.LogSumExp e) {
    return function("\\operatorname{logsumexp}", e.argument());
  }

  @Override
  public String vec(Expr.Vec e) {
    return function("\\operatorname{vec}", e.argument());
  }

  @Override
  public String kron(Expr.Kron e) {
    return wrap(e.left(), TextPrinter.UNARY) + " \\otimes " + wrap(e.right(), TextPrinter.UNARY);
  }

  @Override
  public String commutation(Expr.Commutation e) {
    return "\\mathbf{K}_{" + size(e.rows()) + "," + size(e.cols()) + "}";
  }

  @Override
  public String apply(Expr.Apply e) {
    String name = switch (e.function()) {
      case EXP -> "\\exp";
      case LOG -> "\\log";
      case SIN -> "\\sin";
      case COS -> "\\cos";
      case TAN -> "\\tan";
      case TANH -> "\\tanh";
      case SIGMOID -> "\\sigma";
      case SQRT -> null;
      case ABS -> null;
    };
    if (e.function() == Expr.Function.SQRT) {
      return "\\sqrt{" + e.argument().accept(this) + "}";
    }
    if (e.function() == Expr.Function.ABS) {
      return "\\left|" + e.argument().accept(this) + "\\right|";
    }
    return function(name, e.argument());
  }

  @Override
  public String inner(Expr.Inner e) {
    return "\\left\\langle " + e.left().accept(this) + ", " + e.right().accept(this) + " \\right\\rangle";
  }

  @Override
  public String matrixLiteral(Expr.MatrixLiteral e) {
    return e.rows().stream()
        .map(row -> row.stream().map(x -> x.accept(this)).collect(Collectors.joining(" & ")))
        .collect(Collectors.joining(" \\\\ ", "\\begin{bmatrix} ", " \\end{bmatrix}"));
  }

  @Override
  public String differential(Expr.Differential e) {
    Expr inner = unexpanded.get(e.variable());
    if (inner != null && !(inner instanceof Expr.Symbol)) {
      if (delimited(inner)) { // d tr(AXB), d log|X|: the function's own brackets suffice
        return "\\mathrm{d}" + inner.accept(this);
      }
      return "\\mathrm{d}\\left(" + inner.accept(this) + "\\right)";
    }
    return "\\mathrm{d}" + (inner == null ? name(e.variable().name()) : inner.accept(this));
  }
}
