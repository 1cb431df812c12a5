package org.matrixcalculustutor.algebra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Prints an expression in the language of LANGUAGE.md. A child is parenthesised only when it
 * binds looser than its place needs (one precedence table), so the text re-parses to an equal
 * expression.
 */
public final class TextPrinter implements Expr.Visitor<String> {

  /** Binding strength, loosest first, as in LANGUAGE.md's operator table. */
  static final int SUM = 1;
  static final int PRODUCT = 2;
  static final int UNARY = 3;
  static final int POWER = 4;
  static final int POSTFIX = 5;
  static final int PRIMARY = 6;

  private static final TextPrinter INSTANCE = new TextPrinter(Map.of(), TextPrinter::surelyScalar);

  /** Differentials that stand for d(expression), not yet expanded: dM for the symbol M in the keys. */
  private final Map<Expr.Symbol, Expr> parts;
  /** Whether a divisor is known to be 1 x 1, so that M*s^-1 may print as M/s. */
  private final Predicate<Expr> scalar;

  private TextPrinter(Map<Expr.Symbol, Expr> parts, Predicate<Expr> scalar) {
    this.parts = parts;
    this.scalar = scalar;
  }

  public static String print(Expr e) {
    return e.accept(INSTANCE);
  }

  /**
   * e with what its declarations say of its shapes: a scalar divisor such as x'*x, which no printer
   * can tell from a matrix by its look, is written as a division, (A + A')*x/(x'*A*x).
   */
  public static String print(Expr e, Declarations declarations) {
    return e.accept(new TextPrinter(Map.of(), scalarsUnder(declarations)));
  }

  /** e where a differential dM with M a key of parts is written d(parts.get(M)), as in a derivation's line. */
  public static String print(Expr e, Map<Expr.Symbol, Expr> parts) {
    return e.accept(parts.isEmpty() ? INSTANCE : new TextPrinter(Map.copyOf(parts), TextPrinter::surelyScalar));
  }

  /**
   * A line of a derivation in plain text, left = right (see {@link LeftSide}): "d(x'*x) = dx'*x + x'*dx";
   * declarations, when given, tell scalar divisors as in {@link #print(Expr, Declarations)}.
   */
  public static String line(LeftSide left, Expr before, Expr after, Map<Expr.Symbol, Expr> parts,
      Declarations declarations) {
    TextPrinter printer = parts.isEmpty() && declarations == null ? INSTANCE
        : new TextPrinter(Map.copyOf(parts),
            declarations == null ? TextPrinter::surelyScalar : scalarsUnder(declarations));
    String right = after.accept(printer);
    String x = before == null ? "" : before.accept(printer);
    return switch (left) {
      case EXPRESSION -> x + " = " + right;
      case DERIVATIVE -> "df/d" + x + " = " + right;
      case GRADIENT -> "grad_" + x + " f = " + right;
      case JACOBIAN -> "J = df/d" + x + "' = " + right;
      case VEC_JACOBIAN -> "J = dvec(f)/dvec(" + x + ")' = " + right;
      case LAYOUT -> "df/d" + x + " = " + right;
      case SECOND_DIFFERENTIAL -> "d2f = " + right;
      case QUADRATIC_FORM -> "d2f = (" + x + ")'*B*" + x + ", B = " + right;
      case HESSIAN -> "H = (B + B')/2 = " + right;
    };
  }

  static int precedence(Expr e) {
    if (e instanceof Expr.Sum) {
      return SUM;
    }
    if (e instanceof Expr.Product || e instanceof Expr.Hadamard || e instanceof Expr.HadamardQuotient) {
      return PRODUCT;
    }
    if (e instanceof Expr.Number n && n.value() < 0) {
      return UNARY;
    }
    if (e instanceof Expr.Power || e instanceof Expr.ElementPower || e instanceof Expr.ScalarPower) {
      return POWER;
    }
    if (e instanceof Expr.Transpose) {
      return POSTFIX;
    }
    return PRIMARY;
  }

  /** Whether a term prints with a leading minus: -3, -x, -2*x (but not -1*2). */
  static boolean isNegative(Expr e) {
    if (e instanceof Expr.Number n) {
      return n.value() < 0;
    }
    if (e instanceof Expr.Product p && p.factors().get(0) instanceof Expr.Number c && c.value() < 0) {
      return !(c.value() == -1 && p.factors().get(1) instanceof Expr.Number);
    }
    return false;
  }

  /**
   * Whether e is a scalar whatever the declarations: a number, a lower-case symbol (the language's
   * default for a vector or scalar; one raised to -1 is a scalar), or a function with a scalar value.
   * Only such a divisor prints as a division: A*X^-1 is not A/X, since matrices do not divide.
   */
  static boolean surelyScalar(Expr e) {
    if (e instanceof Expr.Symbol s) {
      return !Character.isUpperCase(s.name().charAt(0));
    }
    if (e instanceof Expr.Power p) {
      return surelyScalar(p.base());
    }
    if (e instanceof Expr.Apply a) {
      return surelyScalar(a.argument());
    }
    if (e instanceof Expr.Product p) {
      return p.factors().stream().allMatch(TextPrinter::surelyScalar);
    }
    if (e instanceof Expr.Sum s) {
      return s.terms().stream().allMatch(TextPrinter::surelyScalar);
    }
    return e instanceof Expr.Number || e instanceof Expr.Trace || e instanceof Expr.Det
        || e instanceof Expr.LogDet || e instanceof Expr.Norm || e instanceof Expr.SumAll
        || e instanceof Expr.LogSumExp || e instanceof Expr.Inner;
  }

  /**
   * Whether a node is 1 x 1 under declarations: by its look, or by its shape. A node without a shape
   * there (a part of a derivation that stands for a longer expression) is taken as not known.
   */
  static Predicate<Expr> scalarsUnder(Declarations declarations) {
    Shapes[] shapes = {null}; // made at the first divisor: most expressions have none
    return e -> {
      if (surelyScalar(e)) {
        return true;
      }
      try {
        shapes[0] = shapes[0] == null ? new Shapes(declarations) : shapes[0];
        return shapes[0].isScalar(e);
      } catch (ExpressionException noShape) {
        return false;
      }
    };
  }

  /** Whether a factor is a power to a negative exponent: only such a product may print as a division. */
  static boolean anyNegativePower(List<Expr> factors) {
    for (Expr factor : factors) {
      if (factor instanceof Expr.Power p && p.exponent() < 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * A factor that divides, s^-k with s known to be 1 x 1 (scalar) and k whole: written /s or /s^k
   * after the rest of its product, or below a fraction's line in TeX.
   */
  static boolean divides(Expr factor, Predicate<Expr> scalar) {
    return factor instanceof Expr.Power p && p.exponent() < 0 && p.exponent() == Math.rint(p.exponent())
        && scalar.test(p.base());
  }

  private String wrap(Expr child, int needed) {
    String text = child.accept(this);
    return precedence(child) < needed ? "(" + text + ")" : text;
  }

  static String number(double value) {
    if (value == Math.PI) {
      return "pi";
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return Double.toString(value).replace(".0E", "E").replace('E', 'e'); // 1e308, 1.5e-7
  }

  /**
   * A coefficient between -1 and 1 that is a fraction with a small denominator, as {p, q} (q at least
   * 2), when p/q computes exactly this double; else null. The TeX of an answer writes it as \frac{p}{q};
   * the text keeps the decimal the language reads back as the same number (LANGUAGE.md: .5*x is 0.5*x).
   */
  static long[] fraction(double value) {
    if (!(Math.abs(value) < 1) || value == 0) { // 2/5 and -1/3; 2.5 stays a decimal
      return null;
    }
    for (long q = 2; q <= 100; q++) {
      long p = Math.round(value * q);
      if ((double) p / q == value) {
        return new long[] {p, q};
      }
    }
    return null;
  }

  @Override
  public String symbol(Expr.Symbol e) {
    return e.name();
  }

  @Override
  public String number(Expr.Number e) {
    return number(e.value());
  }

  @Override
  public String identity(Expr.Identity e) {
    return e.size() == null ? "I" : "I(" + e.size() + ")";
  }

  @Override
  public String ones(Expr.Ones e) {
    return e.size() == null ? "ones" : "ones(" + e.size() + ")";
  }

  @Override
  public String zeros(Expr.Zeros e) {
    return e.rows() == null || e.cols() == null ? "0" : "zeros(" + e.rows() + ", " + e.cols() + ")";
  }

  @Override
  public String sum(Expr.Sum e) {
    StringBuilder out = new StringBuilder(wrap(e.terms().get(0), PRODUCT));
    for (Expr term : e.terms().subList(1, e.terms().size())) {
      if (isNegative(term)) {
        out.append(" - ").append(wrap(Exprs.negate(term), PRODUCT));
      } else {
        out.append(" + ").append(wrap(term, PRODUCT));
      }
    }
    return out.toString();
  }

  @Override
  public String product(Expr.Product e) {
    List<Expr> factors = e.factors();
    List<Expr> below = new ArrayList<>(); // each written /d, after the rest: M/s, M/s^2, a/c/d
    if (anyNegativePower(factors)) {
      List<Expr> divisors = factors.stream().filter(f -> divides(f, scalar)).toList();
      if (!divisors.isEmpty() && divisors.size() < factors.size()) { // scalars commute: divisors last
        factors = factors.stream().filter(f -> !divides(f, scalar)).toList();
        for (Expr d : divisors) {
          Expr.Power p = (Expr.Power) d;
          below.add(p.exponent() == -1 ? p.base() : new Expr.Power(p.base(), -p.exponent()));
        }
        long[] pq = factors.get(0) instanceof Expr.Number c ? fraction(c.value()) : null;
        if (pq != null) { // 0.5*A*x/(x'*x) = A*x/(2*x'*x), as the fraction in TeX
          List<Expr> above = new ArrayList<>(factors.subList(1, factors.size()));
          if (pq[0] != 1 || above.isEmpty()) {
            above.add(0, Exprs.number(pq[0]));
          }
          factors = above;
          List<Expr> first = new ArrayList<>(List.of(Exprs.number(pq[1])));
          first.addAll(below.get(0) instanceof Expr.Product inner ? inner.factors() : List.of(below.get(0)));
          below.set(0, new Expr.Product(first)); // 2*x'*x, not 2*(x'*x)
        }
      }
    }
    StringBuilder out = new StringBuilder();
    int start = 0;
    if (factors.size() == 2 && factors.get(0) instanceof Expr.Number c && c.value() == -1
        && factors.get(1) instanceof Expr.Hadamard h && below.isEmpty()) {
      return "-" + hadamard(h, UNARY); // -y .* (X*w): the minus on the first factor, as the lecture writes it
    }
    if (factors.size() > 1 && factors.get(0) instanceof Expr.Number c && c.value() == -1
        && !(factors.get(1) instanceof Expr.Number)) {
      out.append('-').append(wrap(factors.get(1), UNARY));
      start = 2;
    } else {
      Expr first = factors.get(0);
      boolean sameLevelLeft = first instanceof Expr.Hadamard || first instanceof Expr.HadamardQuotient;
      out.append(wrap(first, sameLevelLeft ? PRODUCT : UNARY));
      start = 1;
    }
    for (Expr factor : factors.subList(start, factors.size())) {
      if (factor instanceof Expr.Power p && p.exponent() == -1 && surelyScalar(p.base())) {
        out.append('/').append(wrap(p.base(), POWER + 1));
      } else {
        out.append('*').append(wrap(factor, UNARY));
      }
    }
    for (Expr divisor : below) {
      out.append('/').append(wrap(divisor, divisor instanceof Expr.Power ? POWER : POWER + 1));
    }
    return out.toString();
  }

  @Override
  public String power(Expr.Power e) {
    return wrap(e.base(), POSTFIX) + "^" + number(e.exponent());
  }

  @Override
  public String scalarPower(Expr.ScalarPower e) {
    // a bare name reads back as the exponent, except T, which after ^ means the transpose
    boolean bare = e.exponent() instanceof Expr.Symbol s && !s.name().equals("T");
    String exponent = e.exponent().accept(this);
    return wrap(e.base(), POSTFIX) + "^" + (bare ? exponent : "(" + exponent + ")");
  }

  @Override
  public String elementPower(Expr.ElementPower e) {
    return wrap(e.base(), POSTFIX) + " .^ " + number(e.exponent());
  }

  @Override
  public String hadamard(Expr.Hadamard e) {
    return hadamard(e, PRODUCT);
  }

  /** The entry-wise product, its first factor wrapped as an operand at firstLevel (UNARY after a minus). */
  private String hadamard(Expr.Hadamard e, int firstLevel) {
    List<Expr> above = dividends(e);
    Expr first = above.get(0);
    StringBuilder out = new StringBuilder(
        wrap(first, first instanceof Expr.Hadamard ? PRIMARY : firstLevel));
    for (Expr factor : above.subList(1, above.size())) {
      out.append(" .* ").append(wrap(factor, UNARY));
    }
    for (Expr divisor : divisors(e, above)) {
      out.append(" ./ ").append(wrap(divisor, UNARY));
    }
    return out.toString();
  }

  /** u .^ -1, which an entry-wise product beside other factors writes as a division: x ./ u. */
  private static boolean isEntrywiseReciprocal(Expr e) {
    return e instanceof Expr.ElementPower p && p.exponent() == -1;
  }

  /** What an entry-wise product written with the dividends above divides by: u of each u .^ -1 left out. */
  static List<Expr> divisors(Expr.Hadamard e, List<Expr> above) {
    if (above.size() == e.factors().size()) {
      return List.of();
    }
    return ExprLists.filter(e.factors(), TextPrinter::isEntrywiseReciprocal).stream()
        .map(f -> ((Expr.ElementPower) f).base()).toList();
  }

  /**
   * The factors of an entry-wise product written before ./ : all but the reciprocals, or every
   * factor when nothing else stands above the line (u .^ -1 .* v .^ -1 stays as it is).
   */
  static List<Expr> dividends(Expr.Hadamard e) {
    if (ExprLists.noneMatch(e.factors(), TextPrinter::isEntrywiseReciprocal)
        || ExprLists.allMatch(e.factors(), TextPrinter::isEntrywiseReciprocal)) {
      return e.factors();
    }
    return ExprLists.filter(e.factors(), f -> !isEntrywiseReciprocal(f));
  }

  @Override
  public String hadamardQuotient(Expr.HadamardQuotient e) {
    return wrap(e.numerator(), PRODUCT) + " ./ " + wrap(e.denominator(), UNARY);
  }

  @Override
  public String transpose(Expr.Transpose e) {
    return wrap(e.argument(), POSTFIX) + "'";
  }

  private String call(String name, Expr... arguments) {
    return name + "(" + List.of(arguments).stream().map(a -> a.accept(this))
        .collect(Collectors.joining(", ")) + ")";
  }

  @Override
  public String inverse(Expr.Inverse e) {
    return call("inv", e.argument());
  }

  @Override
  public String trace(Expr.Trace e) {
    return call("tr", e.argument());
  }

  @Override
  public String det(Expr.Det e) {
    return call("det", e.argument());
  }

  @Override
  public String logDet(Expr.LogDet e) {
    return call("logdet", e.argument());
  }

  @Override
  public String norm(Expr.Norm e) {
    return call("norm", e.argument());
  }

  @Override
  public String sumAll(Expr.SumAll e) {
    return call("sum", e.argument());
  }

  @Override
  public String diag(Expr.Diag e) {
    return call("diag", e.argument());
  }

  @Override
  public String softmax(Expr.Softmax e) {
    return call("softmax", e.argument());
  }

  @Override
  public String logSumExp(Expr.LogSumExp e) {
    return call("logsumexp", e.argument());
  }

  @Override
  public String vec(Expr.Vec e) {
    return call("vec", e.argument());
  }

  @Override
  public String kron(Expr.Kron e) {
    return call("kron", e.left(), e.right());
  }

  @Override
  public String commutation(Expr.Commutation e) {
    return "commutation(" + e.rows() + ", " + e.cols() + ")";
  }

  @Override
  public String apply(Expr.Apply e) {
    return call(e.function().word(), e.argument());
  }

  @Override
  public String inner(Expr.Inner e) {
    return "<" + e.left().accept(this) + ", " + e.right().accept(this) + ">";
  }

  @Override
  public String matrixLiteral(Expr.MatrixLiteral e) {
    return e.rows().stream()
        .map(row -> row.stream().map(x -> x.accept(this)).collect(Collectors.joining(", ")))
        .collect(Collectors.joining("; ", "[", "]"));
  }

  @Override
  public String differential(Expr.Differential e) {
    Expr inner = parts.get(e.variable());
    if (inner == null) {
      return "d" + e.variable().name();
    }
    return inner instanceof Expr.Symbol s ? "d" + s.name() : "d(" + inner.accept(this) + ")";
  }
}
