package org.matrixcalculustutor.algebra;

import java.util.ArrayList;
import java.util.List;

/** The rules for entry-wise (Hadamard) products, which commute. */
final class HadamardRules {

  private HadamardRules() {}

  static final Rule<Expr.Hadamard> FLATTEN = Rule.of("flattenHadamard", Expr.Hadamard.class,
      "a ⊙ (b ⊙ c) = a ⊙ b ⊙ c", HadamardRules::flatten);
  static final Rule<Expr.Hadamard> REMOVE_ONES = Rule.of("removeOnes", Expr.Hadamard.class,
      "a ⊙ 1 = a", HadamardRules::removeOnes);
  static final Rule<Expr.Hadamard> CANCEL_RECIPROCALS = Rule.of("cancelReciprocals", Expr.Hadamard.class,
      "a ⊙ a.^-1 = 1", HadamardRules::cancelReciprocals);
  static final Rule<Expr.Hadamard> COMBINE_POWERS = Rule.of("combineElementPowers", Expr.Hadamard.class,
      "a.^p ⊙ a.^q = a.^(p+q)", HadamardRules::combinePowers);
  static final Rule<Expr.Hadamard> RECOGNIZE_SIGMOID = Rule.of("recognizeSigmoid", Expr.Hadamard.class,
      "exp(u) ⊘ (1 + exp(u)) = sigmoid(u)", HadamardRules::recognizeSigmoid);
  static final Rule<Expr.Hadamard> TRANSPOSE_OUT = Rule.of("transposeOutOfHadamard", Expr.Hadamard.class,
      "A' ⊙ B' = (A ⊙ B)', where that has fewer transposes", HadamardRules::transposeOut);
  static final Rule<Expr.Hadamard> SCALARS_OUT = Rule.of("scalarsOutOfHadamard", Expr.Hadamard.class,
      "(s a) ⊙ b = s (a ⊙ b)", HadamardRules::scalarsOut);
  static final Rule<Expr.Hadamard> DISTRIBUTE = Rule.of("distributeHadamard", Expr.Hadamard.class,
      "(a + b) ⊙ c = a ⊙ c + b ⊙ c", HadamardRules::distribute);
  static final Rule<Expr.Hadamard> SORT_FACTORS = Rule.of("sortHadamardFactors", Expr.Hadamard.class,
      "a ⊙ b = b ⊙ a", HadamardRules::sortFactors);

  /** sigmoid(z)' .* (ones - sigmoid(z))' = (sigmoid(z) .* (ones - sigmoid(z)))': one transpose for two. */
  static Expr transposeOut(Expr.Hadamard h, Rewriting run) {
    if (ExprLists.noneMatch(h.factors(), f -> f instanceof Expr.Transpose)) {
      return h;
    }
    Expr out = new Expr.Transpose(new Expr.Hadamard(h.factors().stream().map(f -> run.run(Exprs.transpose(f))).toList()));
    return Terms.transposes(out) < Terms.transposes(h) ? out : h;
  }

  /** a .* (b .* c) = a .* b .* c. */
  static Expr flatten(Expr.Hadamard h, Rewriting run) {
    if (ExprLists.noneMatch(h.factors(), f -> f instanceof Expr.Hadamard)) {
      return h;
    }
    List<Expr> factors = new ArrayList<>();
    h.factors().forEach(f -> factors.addAll(f instanceof Expr.Hadamard inner ? inner.factors() : List.of(f)));
    return new Expr.Hadamard(factors);
  }

  /** a .* ones = a (ones, or the matrix of ones ones*ones'). */
  static Expr removeOnes(Expr.Hadamard h, Rewriting run) {
    List<Expr> kept = ExprLists.filter(h.factors(), f -> !Terms.isAllOnes(f));
    if (kept.size() == h.factors().size() || kept.isEmpty()) {
      return h;
    }
    return kept.size() == 1 ? kept.get(0) : new Expr.Hadamard(kept);
  }

  /** a .* a.^-1 = ones, which the other factors absorb. */
  static Expr cancelReciprocals(Expr.Hadamard h, Rewriting run) {
    List<Expr> factors = h.factors();
    for (int i = 0; i < factors.size(); i++) {
      for (int j = 0; j < factors.size(); j++) {
        if (i != j && factors.get(j) instanceof Expr.ElementPower inverse && inverse.exponent() == -1
            && inverse.base().equals(factors.get(i))) {
          List<Expr> rest = new ArrayList<>(factors);
          rest.remove(Math.max(i, j));
          rest.remove(Math.min(i, j));
          if (rest.isEmpty()) {
            return new Expr.Ones(null);
          }
          return rest.size() == 1 ? rest.get(0) : new Expr.Hadamard(rest);
        }
      }
    }
    return h;
  }

  /**
   * a.^p .* a.^q = a.^(p+q), a itself counting as a.^1: sqrt(x).^-2 .* sqrt(x).^-1 = sqrt(x).^-3, as the
   * Hessian of sum(sqrt(x)) comes to. Powers that cancel are cancelReciprocals' (the ones of a shape).
   */
  static Expr combinePowers(Expr.Hadamard h, Rewriting run) {
    List<Expr> factors = h.factors();
    for (int i = 0; i < factors.size(); i++) {
      Expr base = baseOf(factors.get(i));
      for (int j = i + 1; j < factors.size(); j++) {
        if (baseOf(factors.get(j)).equals(base)) {
          double sum = exponentOf(factors.get(i)) + exponentOf(factors.get(j));
          if (sum == 0 || !Double.isFinite(sum)) {
            continue;
          }
          List<Expr> rest = new ArrayList<>(factors);
          rest.set(i, sum == 1 ? base : new Expr.ElementPower(base, sum));
          rest.remove(j);
          return rest.size() == 1 ? rest.get(0) : new Expr.Hadamard(rest);
        }
      }
    }
    return h;
  }

  private static Expr baseOf(Expr factor) {
    return factor instanceof Expr.ElementPower p ? p.base() : factor;
  }

  private static double exponentOf(Expr factor) {
    return factor instanceof Expr.ElementPower p ? p.exponent() : 1;
  }

  /** exp(u) .* (ones + exp(u)) .^ -1 = sigmoid(u). */
  static Expr recognizeSigmoid(Expr.Hadamard h, Rewriting run) {
    List<Expr> factors = h.factors();
    for (int i = 0; i < factors.size(); i++) {
      for (int j = 0; j < factors.size(); j++) {
        Expr a = factors.get(i);
        if (i != j && factors.get(j) instanceof Expr.ElementPower inverse && inverse.exponent() == -1
            && a instanceof Expr.Apply exp && exp.function() == Expr.Function.EXP
            && inverse.base() instanceof Expr.Sum sum && sum.terms().size() == 2
            && sum.terms().contains(a) && ExprLists.anyMatch(sum.terms(), Terms::isAllOnes)) {
          List<Expr> rest = new ArrayList<>(factors);
          rest.remove(Math.max(i, j));
          rest.remove(Math.min(i, j));
          rest.add(new Expr.Apply(Expr.Function.SIGMOID, exp.argument()));
          return rest.size() == 1 ? rest.get(0) : new Expr.Hadamard(rest);
        }
      }
    }
    return h;
  }

  /** Scalars come out of entry-wise products: (s a) .* b = s (a .* b). */
  static Expr scalarsOut(Expr.Hadamard h, Rewriting run) {
    Shapes shapes = run.shapes();
    List<Expr> scalars = new ArrayList<>();
    List<Expr> factors = new ArrayList<>();
    for (Expr f : h.factors()) {
      if (f instanceof Expr.Product p && ExprLists.anyMatch(p.factors(), shapes::isScalar)
          && !ExprLists.allMatch(p.factors(), shapes::isScalar)) {
        scalars.addAll(ExprLists.filter(p.factors(), shapes::isScalar));
        factors.add(Exprs.product(ExprLists.filter(p.factors(), x -> !shapes.isScalar(x))));
      } else {
        factors.add(f);
      }
    }
    if (scalars.isEmpty()) {
      return h;
    }
    scalars.add(new Expr.Hadamard(factors));
    return Exprs.product(scalars);
  }

  /** (a + b) .* c = a .* c + b .* c, for the normal form; its size is checked before it is built. */
  static Expr distribute(Expr.Hadamard h, Rewriting run) {
    for (int i = 0; i < h.factors().size(); i++) {
      if (h.factors().get(i) instanceof Expr.Sum s) {
        ProductRules.requireDistributable(h, s);
        List<Expr> terms = new ArrayList<>();
        for (Expr term : s.terms()) {
          List<Expr> factors = new ArrayList<>(h.factors());
          factors.set(i, term);
          terms.add(new Expr.Hadamard(factors));
        }
        return new Expr.Sum(terms);
      }
    }
    return h;
  }

  /** The factors in the structural order, for the normal form: the product commutes. */
  static Expr sortFactors(Expr.Hadamard h, Rewriting run) {
    List<Expr> sorted = new ArrayList<>(h.factors());
    sorted.sort(ExprOrder.INSTANCE);
    return sorted.equals(h.factors()) ? h : new Expr.Hadamard(sorted);
  }
}
