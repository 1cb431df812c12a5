package org.matrixcalculustutor.algebra;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Small constructors that keep the records' invariants: a one-factor product is its factor. */
public final class Exprs {

  public static final Expr ZERO = new Expr.Number(0);
  public static final Expr ONE = new Expr.Number(1);

  /** Greek letter names, printed as Greek letters. */
  static final Set<String> GREEK = Set.of("alpha", "beta", "gamma", "delta", "epsilon", "zeta",
      "eta", "theta", "iota", "kappa", "lambda", "mu", "nu", "xi", "rho", "sigma", "tau",
      "upsilon", "phi", "chi", "psi", "omega", "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi",
      "Sigma", "Upsilon", "Phi", "Psi", "Omega");

  private Exprs() {}

  public static Expr sum(List<Expr> terms) {
    if (terms.isEmpty()) {
      return ZERO;
    }
    return terms.size() == 1 ? terms.get(0) : new Expr.Sum(terms);
  }

  public static Expr sum(Expr... terms) {
    return sum(List.of(terms));
  }

  public static Expr product(List<Expr> factors) {
    if (factors.isEmpty()) {
      return ONE;
    }
    return factors.size() == 1 ? factors.get(0) : new Expr.Product(factors);
  }

  public static Expr product(Expr... factors) {
    return product(List.of(factors));
  }

  public static Expr number(double value) {
    return new Expr.Number(value == 0 ? 0 : value);
  }

  public static Expr transpose(Expr e) {
    return new Expr.Transpose(e);
  }

  public static boolean isZero(Expr e) {
    return (e instanceof Expr.Number n && n.value() == 0) || e instanceof Expr.Zeros;
  }

  public static boolean isNumber(Expr e, double value) {
    return e instanceof Expr.Number n && n.value() == value;
  }

  /** -e with the sign folded into a leading coefficient: -(2*x) is -2*x, -(-x) is x. */
  public static Expr negate(Expr e) {
    if (e instanceof Expr.Number n) {
      return number(-n.value());
    }
    if (e instanceof Expr.Product p && p.factors().get(0) instanceof Expr.Number c) {
      List<Expr> rest = p.factors().subList(1, p.factors().size());
      if (c.value() == -1 && !(rest.get(0) instanceof Expr.Number)) {
        return product(rest);
      }
      List<Expr> factors = new ArrayList<>();
      factors.add(number(-c.value()));
      factors.addAll(rest);
      return new Expr.Product(factors);
    }
    List<Expr> factors = new ArrayList<>();
    factors.add(number(-1));
    if (e instanceof Expr.Product p) {
      factors.addAll(p.factors());
    } else {
      factors.add(e);
    }
    return new Expr.Product(factors);
  }

  /** The value of an expression made of numbers only, or null. */
  static Double constantValue(Expr e) {
    if (e instanceof Expr.Number n) {
      return n.value();
    }
    if (e instanceof Expr.Product p) {
      double value = 1;
      for (Expr factor : p.factors()) {
        Double v = constantValue(factor);
        if (v == null) {
          return null;
        }
        value *= v;
      }
      return value;
    }
    if (e instanceof Expr.Sum s) {
      double value = 0;
      for (Expr term : s.terms()) {
        Double v = constantValue(term);
        if (v == null) {
          return null;
        }
        value += v;
      }
      return value;
    }
    if (e instanceof Expr.Power p) {
      Double base = constantValue(p.base());
      return base == null ? null : Math.pow(base, p.exponent());
    }
    return null;
  }

  static Expr function(String name, List<Expr> arguments, Span span, Limits limits) {
    switch (name) {
      case "I" -> {
        return new Expr.Identity(sizeArgument(name, arguments, 0, 1, span, limits));
      }
      case "ones" -> {
        return new Expr.Ones(sizeArgument(name, arguments, 0, 1, span, limits));
      }
      case "zeros" -> {
        return new Expr.Zeros(sizeArgument(name, arguments, 0, 2, span, limits),
            sizeArgument(name, arguments, 1, 2, span, limits));
      }
      case "dot" -> {
        arity(name, arguments, 2, span);
        return new Expr.Inner(arguments.get(0), arguments.get(1));
      }
      case "kron" -> {
        arity(name, arguments, 2, span);
        return new Expr.Kron(arguments.get(0), arguments.get(1));
      }
      case "commutation" -> {
        return new Expr.Commutation(sizeArgument(name, arguments, 0, 2, span, limits),
            sizeArgument(name, arguments, 1, 2, span, limits));
      }
      default -> { }
    }
    arity(name, arguments, 1, span);
    Expr a = arguments.get(0);
    return switch (name) {
      case "tr", "trace" -> new Expr.Trace(a);
      case "det" -> new Expr.Det(a);
      case "logdet" -> new Expr.LogDet(a);
      case "inv" -> new Expr.Inverse(a);
      case "norm" -> new Expr.Norm(a);
      case "sum" -> new Expr.SumAll(a);
      case "diag" -> new Expr.Diag(a);
      case "softmax" -> new Expr.Softmax(a);
      case "logsumexp" -> new Expr.LogSumExp(a);
      case "vec" -> new Expr.Vec(a);
      default -> new Expr.Apply(elementwise(name), a);
    };
  }

  static Expr.Function elementwise(String name) {
    for (Expr.Function f : Expr.Function.values()) {
      if (f.word().equals(name)) {
        return f;
      }
    }
    throw new IllegalArgumentException(name);
  }

  private static void arity(String name, List<Expr> arguments, int count, Span span) {
    if (arguments.size() != count) {
      throw new ExpressionException(name + " takes " + count + " argument" + (count == 1 ? "" : "s")
          + " but was given " + arguments.size() + " at " + span.column(), span);
    }
  }

  private static Size sizeArgument(String name, List<Expr> arguments, int index, int count,
      Span span, Limits limits) {
    arity(name, arguments, count, span);
    Expr a = arguments.get(index);
    if (a instanceof Expr.Symbol s) {
      return new Size.Named(s.name());
    }
    if (a instanceof Expr.Product p) {
      // m*n: the size of vec(X) or of a Kronecker product, as the printers write it
      Size product = Size.ONE;
      for (Expr factor : p.factors()) {
        product = Size.product(product, sizeArgument(name, List.of(factor), 0, 1, span, limits));
      }
      return product;
    }
    if (a instanceof Expr.Number n && n.value() == Math.rint(n.value()) && n.value() >= 1) {
      if (n.value() > limits.maxMatrixSize()) {
        throw new ExpressionException("the size " + (long) n.value() + " in " + name + "(...) at "
            + span.column() + " is larger than the limit " + limits.maxMatrixSize(), span);
      }
      return new Size.Fixed((int) n.value());
    }
    throw new ExpressionException(name + "(...) at " + span.column()
        + " takes sizes: whole numbers or size names such as n", span);
  }

  /** The candidate nearest to word by edit distance, if it is near enough to be a typo. */
  static String closest(String word, List<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance = editDistance(word, candidate);
      // a name spelled near another only by its first letter is another word (sech is not vec)
      if (distance < bestDistance && candidate.charAt(0) == word.charAt(0)) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return bestDistance <= Math.max(1, word.length() / 3) + 1 ? best : null;
  }

  private static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] row = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      row[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        row[j] = Math.min(substitute, Math.min(previous[j] + 1, row[j - 1] + 1));
      }
      int[] swap = previous;
      previous = row;
      row = swap;
    }
    return previous[b.length()];
  }
}
