package org.matrixcalculustutor.algebra;

import static org.matrixcalculustutor.algebra.Terms.coefficient;
import static org.matrixcalculustutor.algebra.Terms.rest;
import static org.matrixcalculustutor.algebra.Terms.withCoefficient;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The rules for sums. */
final class SumRules {

  private SumRules() {}

  static final Rule<Expr.Sum> FLATTEN = Rule.of("flattenSum", Expr.Sum.class,
      "a + (b + c) = a + b + c", SumRules::flatten);
  static final Rule<Expr.Sum> FOLD_NUMBERS = Rule.of("foldNumbersInSum", Expr.Sum.class,
      "2 + 3 = 5, x + 0 = x", SumRules::foldNumbers);
  static final Rule<Expr.Sum> NUMBER_LAST = Rule.of("numberLast", Expr.Sum.class,
      "2 + x = x + 2", SumRules::numberLast);
  static final Rule<Expr.Sum> COLLECT_LIKE_TERMS = Rule.of("collectLikeTerms", Expr.Sum.class,
      "a x + b x = (a + b) x", SumRules::collectLikeTerms);
  static final Rule<Expr.Sum> POSITIVE_FIRST = Rule.of("positiveFirst", Expr.Sum.class,
      "-y + s = s - y", SumRules::positiveFirst);
  static final Rule<Expr.Sum> FACTOR_COMMON = Rule.of("factorCommon", Expr.Sum.class,
      "A x + B x = (A + B) x", SumRules::factorCommon);
  static final Rule<Expr.Sum> FACTOR_COMMON_ENTRYWISE = Rule.of("factorCommonEntrywise", Expr.Sum.class,
      "A ⊙ U + A ⊙ V = A ⊙ (U + V)", SumRules::factorCommonEntrywise);
  static final Rule<Expr.Sum> FACTOR_COMMON_IN_PART = Rule.of("factorCommonInPart", Expr.Sum.class,
      "A x + B x + C = (A + B) x + C", SumRules::factorCommonInPart);
  static final Rule<Expr.Sum> EXPAND_WHEN_SHORTER = Rule.of("expandHadamardWhenShorter", Expr.Sum.class,
      "y ⊙ (1 - s) - (1 - y) ⊙ s = y - s", SumRules::expandWhenShorter);
  static final Rule<Expr.Sum> EXPAND_NUMBER_WHEN_SHORTER = Rule.of("expandNumberWhenShorter", Expr.Sum.class,
      "2 (x + y) + x = 3 x + 2 y", SumRules::expandNumberWhenShorter);
  static final Rule<Expr.Sum> DIAG_OF_SUM = Rule.of("diagOfSum", Expr.Sum.class,
      "a diag(u) + b diag(v) = diag(a u + b v)", SumRules::diagOfSum);
  static final Rule<Expr.Sum> SORT_TERMS = Rule.of("sortTerms", Expr.Sum.class,
      null, SumRules::sortTerms);

  /** a + (b + c) = a + b + c. */
  static Expr flatten(Expr.Sum s, Rewriting run) {
    if (ExprLists.noneMatch(s.terms(), t -> t instanceof Expr.Sum)) {
      return s;
    }
    List<Expr> terms = new ArrayList<>();
    s.terms().forEach(t -> terms.addAll(t instanceof Expr.Sum inner ? inner.terms() : List.of(t)));
    return Exprs.sum(terms);
  }

  /** 2 + 3 = 5; x + 0 = x. A sum beyond the doubles (1e308 + 1e308) is left as it is. */
  static Expr foldNumbers(Expr.Sum s, Rewriting run) {
    double constant = 0;
    int numbers = 0;
    List<Expr> terms = new ArrayList<>();
    for (Expr t : s.terms()) {
      if (t instanceof Expr.Number n) {
        constant += n.value();
        numbers++;
      } else if (!Exprs.isZero(t)) {
        terms.add(t);
      }
    }
    boolean zerosDropped = numbers + terms.size() < s.terms().size();
    boolean folds = numbers >= 2 || numbers == 1 && constant == 0;
    if (!zerosDropped && !folds || !Double.isFinite(constant)) {
      return s;
    }
    if (constant != 0 || terms.isEmpty()) {
      terms.add(Exprs.number(constant));
    }
    return Exprs.sum(terms);
  }

  /** x + 2, the number last; but 1 - s, whose number is the one positive term, stays as it is. */
  static Expr numberLast(Expr.Sum s, Rewriting run) {
    List<Expr> terms = s.terms();
    int last = terms.size() - 1;
    if (ExprLists.count(terms, t -> t instanceof Expr.Number) != 1) {
      return s; // several are folded first, or left where they are when they have no finite sum
    }
    for (int i = 0; i < last; i++) {
      if (terms.get(i) instanceof Expr.Number) {
        List<Expr> moved = new ArrayList<>(terms);
        Expr number = moved.remove(i);
        if (TextPrinter.isNegative(moved.get(0)) && !TextPrinter.isNegative(number)) {
          return s;
        }
        moved.add(number);
        return new Expr.Sum(moved);
      }
    }
    return s;
  }

  /**
   * A*x + A*x = 2*A*x; 3*x - x = 2*x; a*b*x + b*a*x = 2*a*b*x (scalar factors commute, so terms
   * whose scalars differ only in order are alike; the first one's order is kept), and so do the
   * factors of an entry-wise product: x .* y + y .* x = 2*(x .* y). A factor that is
   * a sum is alike in any order of its terms, and with all of them negated it is alike with the
   * opposite sign: (-A - A')*x*x'*(A' + A) + (A + A')*x*x'*(-A - A') = -2*(A + A')*x*x'*(A' + A), as a
   * Hessian's two halves come out.
   */
  static Expr collectLikeTerms(Expr.Sum s, Rewriting run) {
    Map<Expr, Double> coefficients = new LinkedHashMap<>();
    Map<Expr, Expr> writtenAs = new HashMap<>();
    Set<Expr> merged = null; // made only where terms meet
    for (Expr term : s.terms()) {
      double c = coefficient(term);
      Expr rest = rest(term);
      Expr alike = rest instanceof Expr.Hadamard h ? factorsInOrder(h) : scalarsInOrder(rest, run.shapes());
      if (rest instanceof Expr.Product p && ExprLists.anyMatch(p.factors(), f -> f instanceof Expr.Sum)) {
        List<Expr> factors = new ArrayList<>(p.factors());
        for (int i = 0; i < factors.size(); i++) {
          if (factors.get(i) instanceof Expr.Sum sum && ExprLists.allMatch(sum.terms(), TextPrinter::isNegative)) {
            factors.set(i, Exprs.sum(sum.terms().stream().map(Exprs::negate).toList()));
            c = -c;
          }
        }
        rest = new Expr.Product(factors);
        alike = sumsInOrder(scalarsInOrder(rest, run.shapes()));
      }
      if (writtenAs.putIfAbsent(alike, rest) != null) {
        merged = merged == null ? new HashSet<>() : merged;
        merged.add(alike);
      }
      coefficients.merge(alike, c, Double::sum);
    }
    if (coefficients.size() == s.terms().size()
        || coefficients.values().stream().anyMatch(c -> !Double.isFinite(c))) {
      return s;
    }
    List<Expr> terms = new ArrayList<>();
    Set<Expr> met = merged;
    coefficients.forEach((alike, c) -> {
      if (c != 0) {
        Expr rest = writtenAs.get(alike);
        // terms that met with their sums in different orders are written with one order, the structural one
        terms.add(withCoefficient(c, met != null && met.contains(alike) ? sumsInOrder(rest) : rest));
      }
    });
    return Exprs.sum(terms);
  }

  /**
   * A number times a sum multiplied out, where its terms then meet the others: 2*x + 2*(x - y) =
   * 4*x - 2*y, 2*(x + y) + x = 3*x + 2*y. Kept only when the sum comes out smaller once simplified,
   * or as small with fewer sums inside it, so it cannot undo a factoring: 2*(x + y) + 2*z stays.
   */
  static Expr expandNumberWhenShorter(Expr.Sum s, Rewriting run) {
    if (ExprLists.noneMatch(s.terms(), SumRules::isNumberTimesSum)) { // most sums: decided here
      return s;
    }
    List<Expr> terms = new ArrayList<>();
    for (Expr t : s.terms()) {
      if (!isNumberTimesSum(t)) {
        terms.add(t);
        continue;
      }
      List<Expr> factors = ((Expr.Product) t).factors();
      double c = ((Expr.Number) factors.get(0)).value();
      for (Expr u : ((Expr.Sum) factors.get(1)).terms()) {
        double product = c * coefficient(u);
        if (!Double.isFinite(product)) {
          return s; // beyond the doubles: left as it is written
        }
        terms.add(withCoefficient(product, rest(u)));
      }
    }
    Expr candidate = run.run(Exprs.sum(terms));
    long before = NodeCounter.count(s);
    long after = NodeCounter.count(candidate);
    return after < before || after == before && sums(candidate) < sums(s) ? candidate : s;
  }

  private static boolean isNumberTimesSum(Expr t) {
    return t instanceof Expr.Product p && p.factors().size() == 2 && p.factors().get(0) instanceof Expr.Number
        && p.factors().get(1) instanceof Expr.Sum;
  }

  /** The sums in e, itself included. */
  private static int sums(Expr e) {
    int n = e instanceof Expr.Sum ? 1 : 0;
    List<Expr> children = Children.of(e);
    for (int i = 0; i < children.size(); i++) {
      n += sums(children.get(i));
    }
    return n;
  }

  /**
   * diag is linear: the terms that are numbers times diag of something join into one diag, where
   * the first of them stood. X'*(diag(u) - diag(v))*X reads X'*diag(u - v)*X, as a Hessian of a sum
   * of entry-wise functions does.
   */
  static Expr diagOfSum(Expr.Sum s, Rewriting run) {
    if (ExprLists.count(s.terms(), SumRules::isDiagTerm) < 2) { // decided without building a term's rest
      return s;
    }
    List<Expr> inside = new ArrayList<>();
    List<Expr> terms = new ArrayList<>();
    int at = -1;
    for (Expr t : s.terms()) {
      if (isDiagTerm(t) && rest(t) instanceof Expr.Diag d) {
        inside.add(withCoefficient(coefficient(t), d.argument()));
        at = at < 0 ? terms.size() : at;
      } else {
        terms.add(t);
      }
    }
    terms.add(at, new Expr.Diag(Exprs.sum(inside)));
    return Exprs.sum(terms);
  }

  /** diag(u), or a number times it. */
  private static boolean isDiagTerm(Expr t) {
    return t instanceof Expr.Diag || t instanceof Expr.Product p && p.factors().size() == 2
        && p.factors().get(0) instanceof Expr.Number && p.factors().get(1) instanceof Expr.Diag;
  }

  /** The entry-wise product with its factors in the structural order, since they commute. */
  private static Expr factorsInOrder(Expr.Hadamard h) {
    List<Expr> factors = new ArrayList<>(h.factors());
    factors.sort(ExprOrder.INSTANCE);
    return factors.equals(h.factors()) ? h : new Expr.Hadamard(factors);
  }

  /** The product with the terms of each factor that is a sum in the structural order; anything else as it is. */
  private static Expr sumsInOrder(Expr e) {
    if (!(e instanceof Expr.Product p) || ExprLists.noneMatch(p.factors(), f -> f instanceof Expr.Sum)) {
      return e;
    }
    List<Expr> factors = new ArrayList<>(p.factors());
    for (int i = 0; i < factors.size(); i++) {
      if (factors.get(i) instanceof Expr.Sum sum) {
        List<Expr> terms = new ArrayList<>(sum.terms());
        terms.sort(ExprOrder.INSTANCE);
        factors.set(i, new Expr.Sum(terms));
      }
    }
    return new Expr.Product(factors);
  }

  /** The product with its scalar factors first, in the structural order; anything else as it is. */
  private static Expr scalarsInOrder(Expr e, Shapes shapes) {
    if (!(e instanceof Expr.Product p) || ExprLists.count(p.factors(), shapes::isScalar) < 2) {
      return e; // most terms: decided without building lists
    }
    List<Expr> scalars = new ArrayList<>();
    List<Expr> others = new ArrayList<>();
    for (Expr f : p.factors()) {
      (shapes.isScalar(f) ? scalars : others).add(f);
    }
    scalars.sort(ExprOrder.INSTANCE);
    scalars.addAll(others);
    return new Expr.Product(scalars);
  }

  /** A sum reads with a positive term first: -y + s is written s - y. */
  static Expr positiveFirst(Expr.Sum s, Rewriting run) {
    if (!TextPrinter.isNegative(s.terms().get(0))) {
      return s;
    }
    for (int i = 1; i < s.terms().size(); i++) {
      if (!TextPrinter.isNegative(s.terms().get(i))) {
        List<Expr> terms = new ArrayList<>(s.terms());
        terms.add(0, terms.remove(i));
        return new Expr.Sum(terms);
      }
    }
    return s;
  }

  /**
   * A*x + A'*x = (A + A')*x and X*b + X*c = X*(b + c); -2*a - 2*b = -2*(a + b). Only when every
   * term shares the factor, so nothing is expanded to find one.
   */
  static Expr factorCommon(Expr.Sum s, Rewriting run) {
    if (!someFactorInEveryTerm(s)) { // what is taken out is a factor of every term: most sums have none
      return s;
    }
    Shapes shapes = run.shapes();
    double first = coefficient(s.terms().get(0));
    if (Math.abs(first) != 1
        && ExprLists.allMatch(s.terms(), t -> Math.abs(coefficient(t)) == Math.abs(first))) {
      // -2*X'*Y + 2*X'*X*A = -2*X'*(Y - X*A), but 2*a + 2*b stays as it is
      Expr.Sum scaled = new Expr.Sum(s.terms().stream()
          .map(t -> withCoefficient(coefficient(t) / first, rest(t))).toList());
      Expr inner = factorCommonChain(scaled, shapes);
      if (inner != null) {
        return Exprs.product(Exprs.number(first), inner);
      }
    }
    Expr factored = factorCommonChain(s, shapes);
    return factored == null ? s : factored;
  }

  /** The highest entry-wise power counted as repeated factors: beyond it a power is one factor of its own. */
  private static final int MAX_COUNTED_POWER = 1_000;

  /**
   * The entry-wise factors every term has, each to the least power a term has it, taken out of the
   * sum: σ ⊙ (1 - σ).^2 ⊙ v - σ.^2 ⊙ (1 - σ) ⊙ v = σ ⊙ (1 - σ) ⊙ v ⊙ ((1 - σ) - σ), which simplifies to
   * the lecture's σ ⊙ (1 - σ) ⊙ (1 - 2σ) ⊙ v. Only where every term keeps a factor of its own, and
   * the sum comes out shorter.
   */
  static Expr factorCommonEntrywise(Expr.Sum s, Rewriting run) {
    List<Expr> terms = s.terms();
    if (!isEntrywiseProduct(rest(terms.get(0))) || run.shapes().isScalar(s)) { // most sums: decided here
      return s;
    }
    List<Map<Expr, Integer>> powers = new ArrayList<>(terms.size());
    for (Expr t : terms) {
      Expr rest = rest(t);
      if (!isEntrywiseProduct(rest)) {
        return s;
      }
      powers.add(entrywisePowers(rest));
    }
    Map<Expr, Integer> common = new LinkedHashMap<>(powers.get(0));
    for (Map<Expr, Integer> term : powers.subList(1, powers.size())) {
      common.keySet().retainAll(term.keySet());
      common.replaceAll((base, k) -> Math.min(k, term.get(base)));
    }
    common.keySet().removeIf(run.shapes()::isScalar);
    if (common.isEmpty()) {
      return s;
    }
    List<Expr> remaining = new ArrayList<>(terms.size());
    for (int i = 0; i < terms.size(); i++) {
      List<Expr> own = new ArrayList<>();
      powers.get(i).forEach((base, k) -> addPower(own, base, k - common.getOrDefault(base, 0)));
      if (own.isEmpty()) {
        return s; // u ⊙ v + u would need a ones of u's size: left as it is
      }
      remaining.add(withCoefficient(coefficient(terms.get(i)), own.size() == 1 ? own.get(0) : new Expr.Hadamard(own)));
    }
    List<Expr> factors = new ArrayList<>();
    common.forEach((base, k) -> addPower(factors, base, k));
    // beside the other functions, before a differential: σ ⊙ (1 - σ) ⊙ (1 - 2σ) ⊙ (X dw) ⊙ (X dw)
    int at = 0;
    while (at < factors.size() && !Children.any(factors.get(at), f -> f instanceof Expr.Differential)) {
      at++;
    }
    factors.add(at, Exprs.sum(remaining));
    Expr factored = new Expr.Hadamard(factors);
    return NodeCounter.count(factored) < NodeCounter.count(s) ? factored : s;
  }

  /** Whether e is an entry-wise product or power, whose factors a sum's terms can share. */
  private static boolean isEntrywiseProduct(Expr e) {
    return e instanceof Expr.Hadamard || e instanceof Expr.ElementPower p && isCountedPower(p);
  }

  private static boolean isCountedPower(Expr.ElementPower p) {
    return p.exponent() >= 1 && p.exponent() <= MAX_COUNTED_POWER && p.exponent() == Math.rint(p.exponent());
  }

  /** The factors of an entry-wise product with their whole powers, in the order they are written: a.^2 ⊙ b is {a: 2, b: 1}. */
  private static Map<Expr, Integer> entrywisePowers(Expr e) {
    Map<Expr, Integer> powers = new LinkedHashMap<>();
    for (Expr f : e instanceof Expr.Hadamard h ? h.factors() : List.of(e)) {
      if (f instanceof Expr.ElementPower p && isCountedPower(p)) {
        powers.merge(p.base(), (int) p.exponent(), Integer::sum);
      } else {
        powers.merge(f, 1, Integer::sum);
      }
    }
    return powers;
  }

  private static void addPower(List<Expr> factors, Expr base, int k) {
    if (k > 0) {
      factors.add(k == 1 ? base : new Expr.ElementPower(base, k));
    }
  }

  /**
   * Past this many terms a sum's parts are not searched for a common factor: the search compares
   * every factor of every term with every other term.
   */
  static final int MAX_TERMS_FACTORED_IN_PART = 12;

  /**
   * A factor common to some terms (two or more, not all: that is {@link #factorCommon}) taken out
   * of them, where the whole sum comes out shorter: a x/s + b x/s - c x = (a + b) x/s - c x.
   */
  static Expr factorCommonInPart(Expr.Sum s, Rewriting run) {
    List<Expr> terms = s.terms();
    if (terms.size() < 3 || terms.size() > MAX_TERMS_FACTORED_IN_PART) {
      return s;
    }
    long before = -1;
    java.util.Set<List<Expr>> tried = new java.util.HashSet<>();
    for (int i = 0; i < terms.size() - 1; i++) {
      for (Expr candidate : factorsOf(terms.get(i))) {
        if (candidate instanceof Expr.Number) {
          continue;
        }
        List<Expr> part = new ArrayList<>();
        List<Expr> others = new ArrayList<>(terms.subList(0, i));
        for (Expr t : terms.subList(i, terms.size())) {
          (factorsOf(t).contains(candidate) ? part : others).add(t);
        }
        if (part.size() < 2 || others.isEmpty() || !tried.add(part)) { // a part shares several factors: once
          continue;
        }
        Expr.Sum sum = new Expr.Sum(part);
        Expr factored = factorCommon(sum, run);
        if (factored == sum) {
          continue;
        }
        others.add(i, factored); // where the first of its terms stood: (A + A')*x + b, not b + (A + A')*x
        Expr rewritten = run.run(Exprs.sum(others));
        before = before < 0 ? NodeCounter.count(s) : before;
        if (NodeCounter.count(rewritten) < before) {
          return rewritten;
        }
      }
    }
    return s;
  }

  /** Whether a factor of the first term (other than a number) is also a factor of every other term. */
  private static boolean someFactorInEveryTerm(Expr.Sum s) {
    List<Expr> terms = s.terms();
    for (Expr candidate : factorsOf(terms.get(0))) {
      if (!(candidate instanceof Expr.Number) && inEveryTermAfterTheFirst(terms, candidate)) {
        return true;
      }
    }
    return false;
  }

  private static boolean inEveryTermAfterTheFirst(List<Expr> terms, Expr factor) {
    for (int i = 1; i < terms.size(); i++) {
      if (!factorsOf(terms.get(i)).contains(factor)) {
        return false;
      }
    }
    return true;
  }

  private static List<Expr> factorsOf(Expr term) {
    return term instanceof Expr.Product p ? p.factors() : List.of(term);
  }

  /**
   * The sum with a factor common to every term taken out, or null: a matrix factor on the left or
   * the right of every term's chain, or a scalar factor (such as det(X)) that every term has.
   */
  private static Expr factorCommonChain(Expr.Sum s, Shapes shapes) {
    List<List<Expr>> scalars = new ArrayList<>();
    List<List<Expr>> chains = new ArrayList<>();
    for (Expr term : s.terms()) {
      List<Expr> factors = factorsOf(term);
      scalars.add(ExprLists.filter(factors, shapes::isScalar));
      chains.add(ExprLists.filter(factors, f -> !shapes.isScalar(f)));
    }
    Expr commonScalar = scalars.get(0).stream().filter(f -> !(f instanceof Expr.Number))
        .filter(f -> scalars.stream().allMatch(list -> list.contains(f))).findFirst().orElse(null);
    if (commonScalar != null) {
      List<Expr> remaining = new ArrayList<>();
      for (Expr term : s.terms()) {
        List<Expr> factors = new ArrayList<>(factorsOf(term));
        factors.remove(commonScalar);
        remaining.add(Exprs.product(factors));
      }
      return Exprs.product(commonScalar, Exprs.sum(remaining));
    }
    if (chains.stream().anyMatch(c -> c.size() < 2)) {
      return null;
    }
    Expr right = chains.get(0).get(chains.get(0).size() - 1);
    if (chains.stream().allMatch(c -> c.get(c.size() - 1).equals(right))) {
      List<Expr> remaining = new ArrayList<>();
      for (int i = 0; i < chains.size(); i++) {
        List<Expr> factors = new ArrayList<>(scalars.get(i));
        factors.addAll(chains.get(i).subList(0, chains.get(i).size() - 1));
        remaining.add(Exprs.product(factors));
      }
      return Exprs.product(Exprs.sum(remaining), right);
    }
    Expr left = chains.get(0).get(0);
    if (chains.stream().allMatch(c -> c.get(0).equals(left))) {
      List<Expr> remaining = new ArrayList<>();
      for (int i = 0; i < chains.size(); i++) {
        List<Expr> factors = new ArrayList<>(scalars.get(i));
        factors.addAll(chains.get(i).subList(1, chains.get(i).size()));
        remaining.add(Exprs.product(factors));
      }
      return Exprs.product(left, Exprs.sum(remaining));
    }
    return null;
  }

  /** The canonical order of the terms of a normal form: by the structural order of what they multiply, then by coefficient. */
  static Expr sortTerms(Expr.Sum s, Rewriting run) {
    List<Expr> sorted = new ArrayList<>(s.terms());
    sorted.sort(Comparator.comparing(Terms::rest, ExprOrder.INSTANCE).thenComparingDouble(Terms::coefficient));
    return sorted.equals(s.terms()) ? s : new Expr.Sum(sorted);
  }

  /**
   * Multiplies out the entry-wise products of sums in the terms, (1 - y) ⊙ s = s - y ⊙ s, and keeps
   * the result only when it is smaller once simplified: then terms cancel, as in the logistic loss's
   * y ⊙ (1 - σ) - (1 - y) ⊙ σ = y - σ. Strictly smaller, so it cannot undo a factoring.
   */
  static Expr expandWhenShorter(Expr.Sum s, Rewriting run) {
    List<Expr> terms = new ArrayList<>();
    boolean expanded = false;
    for (Expr t : s.terms()) {
      double c = coefficient(t);
      if (rest(t) instanceof Expr.Hadamard h) {
        int at = -1;
        for (int i = 0; i < h.factors().size() && at < 0; i++) {
          at = h.factors().get(i) instanceof Expr.Sum ? i : -1;
        }
        if (at >= 0) {
          for (Expr u : ((Expr.Sum) h.factors().get(at)).terms()) {
            List<Expr> factors = new ArrayList<>(h.factors());
            factors.set(at, u);
            terms.add(withCoefficient(c, new Expr.Hadamard(factors)));
          }
          expanded = true;
          continue;
        }
      }
      terms.add(t);
    }
    if (!expanded) {
      return s;
    }
    Expr candidate = run.run(Exprs.sum(terms));
    return NodeCounter.count(candidate) < NodeCounter.count(s) ? candidate : s;
  }
}
