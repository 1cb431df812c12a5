package org.matrixcalculustutor.algebra;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The rules for matrix products (a 1 x 1 factor multiplies as a scalar). */
final class ProductRules {

  private ProductRules() {}

  static final Rule<Expr.Product> FLATTEN = Rule.of("flattenProduct", Expr.Product.class,
      "a (b c) = a b c", ProductRules::flatten);
  static final Rule<Expr.Product> FOLD_NUMBERS = Rule.of("foldNumbersInProduct", Expr.Product.class,
      "2 * 3 x = 6 x, 1 x = x, 0 x = 0", ProductRules::foldNumbers);
  static final Rule<Expr.Product> NUMBERS_OUT = Rule.of("numbersOutOfFactors", Expr.Product.class,
      "a (c u) v = c a u v for a number c", ProductRules::numbersOut);
  static final Rule<Expr.Product> NUMBER_OUT_OF_SUM = Rule.of("numberOutOfSumFactor", Expr.Product.class,
      "c (2 u + 2 v) = 2 c (u + v) for a number c", ProductRules::numberOutOfSum);
  static final Rule<Expr.Product> SCALARS_FIRST = Rule.of("scalarsFirst", Expr.Product.class,
      "A s B = s A B for a scalar s", ProductRules::scalarsFirst);
  static final Rule<Expr.Product> SORT_SCALARS = Rule.of("sortScalarFactors", Expr.Product.class,
      "s t = t s for scalars s, t", ProductRules::sortScalars);
  static final Rule<Expr.Product> COMBINE_SCALAR_POWERS = Rule.of("combineScalarPowers", Expr.Product.class,
      "s s^-1 = 1, s s = s^2", ProductRules::combineScalarPowers);
  static final Rule<Expr.Product> COMBINE_SYMBOLIC_POWERS = Rule.of("combineSymbolicPowers", Expr.Product.class,
      "u^a u^b = u^(a+b)", ProductRules::combineSymbolicPowers);
  static final Rule<Expr.Product> COMBINE_MATRIX_POWERS = Rule.of("combineMatrixPowers", Expr.Product.class,
      "X^a X^b = X^(a+b), X^-1 X^-1 = X^-2", ProductRules::combineMatrixPowers);
  static final Rule<Expr.Product> REPEATED_BLOCKS = Rule.of("repeatedBlocksArePowers", Expr.Product.class,
      "A B A B = (A B)^2", ProductRules::repeatedBlocks);
  static final Rule<Expr.Product> REMOVE_IDENTITY = Rule.of("removeIdentity", Expr.Product.class,
      "A I = A; ones(1) = 1", ProductRules::removeIdentity);
  static final Rule<Expr.Product> CANCEL_INVERSES = Rule.of("cancelInverses", Expr.Product.class,
      "A^-1 A = I, Q'Q = I", ProductRules::cancelInverses);
  static final Rule<Expr.Product> CANCEL_COMMUTATIONS = Rule.of("cancelCommutations", Expr.Product.class,
      "K(m, n) K(n, m) = I", ProductRules::cancelCommutations);
  static final Rule<Expr.Product> COMMUTATION_PAST_KRON = Rule.of("commutationPastKron", Expr.Product.class,
      "K(p, m) (A ⊗ B) = (B ⊗ A) K(q, n) for A m x n, B p x q", ProductRules::commutationPastKron);
  static final Rule<Expr.Product> RECOGNIZE_SOFTMAX = Rule.of("recognizeSoftmax", Expr.Product.class,
      "exp(z) / sum(exp(z)) = softmax(z)", ProductRules::recognizeSoftmax);
  static final Rule<Expr.Product> RECOGNIZE_SIGMOID = Rule.of("recognizeScalarSigmoid", Expr.Product.class,
      "exp(u) / (1 + exp(u)) = sigmoid(u) for a scalar u", ProductRules::recognizeSigmoid);
  static final Rule<Expr.Product> DIAG_TIMES_VECTOR = Rule.of("diagTimesVector", Expr.Product.class,
      "diag(u) v = u ⊙ v", ProductRules::diagTimesVector);
  static final Rule<Expr.Product> ONES_INNER_IS_SUM = Rule.of("onesInnerIsSum", Expr.Product.class,
      "1'x = sum(x)", ProductRules::onesInnerIsSum);
  static final Rule<Expr.Product> SCALARS_OUT_OF_FACTOR = Rule.of("scalarsOutOfScalarFactor", Expr.Product.class,
      "a (s x'y) z = a s (x'y) z", ProductRules::scalarsOutOfFactor);
  static final Rule<Expr.Product> DISTRIBUTE = Rule.of("distributeProduct", Expr.Product.class,
      "(A + B) C = A C + B C", ProductRules::distribute);

  /**
   * The scalars of a factor that is a scalar chain, such as s in s*x'*A*x (numbers aside), join the
   * product around it; the chain stays one factor: -(s^-2*x'*A*x)*x = -s^-2*(x'*A*x)*x, which prints as
   * -(x'*A*x)*x/s^2.
   */
  static Expr scalarsOutOfFactor(Expr.Product p, Rewriting run) {
    Shapes shapes = run.shapes();
    List<Expr> factors = null;
    for (int i = 0; i < p.factors().size(); i++) {
      Expr f = p.factors().get(i);
      List<Expr> scalars = f instanceof Expr.Product inner && !shapes.splices(inner) && shapes.isScalar(inner)
          ? ExprLists.filter(inner.factors(), g -> shapes.isScalar(g) && !(g instanceof Expr.Number))
          : List.of();
      List<Expr> chain = scalars.isEmpty() ? List.of() : ((Expr.Product) f).factors().stream()
          .filter(g -> !scalars.contains(g)).toList(); // a number stays with its chain: (2*x'*x)*B
      if (scalars.isEmpty() || chain.size() < 2) {
        if (factors != null) {
          factors.add(f);
        }
        continue;
      }
      if (factors == null) {
        factors = new ArrayList<>(p.factors().subList(0, i));
      }
      factors.addAll(scalars);
      factors.add(new Expr.Product(chain));
    }
    return factors == null ? p : Exprs.product(factors);
  }

  /** a*(b*c) = a*b*c, except a scalar made of non-scalars such as x'*x, which stays one factor. */
  static Expr flatten(Expr.Product p, Rewriting run) {
    Shapes shapes = run.shapes();
    if (ExprLists.noneMatch(p.factors(), shapes::splices)) {
      return p;
    }
    List<Expr> factors = new ArrayList<>();
    p.factors().forEach(f -> factors.addAll(shapes.splices(f) ? ((Expr.Product) f).factors() : List.of(f)));
    return Exprs.product(factors);
  }

  /** 2*3*x = 6*x; 1*x = x; 0*x = 0. A product beyond the doubles (1e308*1e308) is left as it is. */
  static Expr foldNumbers(Expr.Product p, Rewriting run) {
    double coefficient = 1;
    int numbers = 0;
    for (Expr f : p.factors()) {
      if (f instanceof Expr.Number n) {
        coefficient *= n.value();
        numbers++;
      } else if (Exprs.isZero(f)) {
        return Exprs.ZERO;
      }
    }
    if (coefficient == 0) {
      return Exprs.ZERO;
    }
    if (!Double.isFinite(coefficient)) {
      return p;
    }
    boolean leading = p.factors().get(0) instanceof Expr.Number;
    if (numbers == 0 || (numbers == 1 && leading && coefficient != 1)) {
      return p; // the usual case: decided before building anything
    }
    List<Expr> rest = new ArrayList<>(ExprLists.filter(p.factors(), f -> !(f instanceof Expr.Number)));
    if (coefficient != 1) {
      rest.add(0, Exprs.number(coefficient));
    }
    return Exprs.product(rest);
  }

  /**
   * 4*(-(u*v))*x = -4*(u*v)*x: the number of a factor that stays a group of its own (a scalar
   * made of non-scalars) joins the product's coefficient, where it can fold and cancel.
   */
  static Expr numbersOut(Expr.Product p, Rewriting run) {
    if (!(p.factors().get(0) instanceof Expr.Number)) {
      return p; // (2*x'*x)*B stays: only a coefficient to fold with draws the number out
    }
    for (int i = 0; i < p.factors().size(); i++) {
      if (p.factors().get(i) instanceof Expr.Product inner && inner.factors().get(0) instanceof Expr.Number c
          && inner.factors().size() > 1) {
        List<Expr> factors = new ArrayList<>(p.factors());
        factors.set(i, Exprs.product(inner.factors().subList(1, inner.factors().size())));
        factors.add(0, c);
        return new Expr.Product(factors);
      }
    }
    return p;
  }

  /**
   * The number common to a sum factor's terms joins the coefficient, where it can fold with it:
   * 0.5*(2*A' + 2*A)*s = (A' + A)*s, and -(-A - A')*B = (A + A')*B. Without a coefficient the sum
   * stays as it is written, as numbersOut leaves (2*x'*x)*B.
   */
  static Expr numberOutOfSum(Expr.Product p, Rewriting run) {
    if (!(p.factors().get(0) instanceof Expr.Number)) {
      return p;
    }
    for (int i = 1; i < p.factors().size(); i++) {
      if (p.factors().get(i) instanceof Expr.Sum sum) {
        double g = commonNumber(sum.terms());
        if (g != 1) {
          List<Expr> terms = new ArrayList<>(sum.terms().size());
          for (Expr t : sum.terms()) {
            terms.add(Terms.withCoefficient(Terms.coefficient(t) / g, Terms.rest(t)));
          }
          List<Expr> factors = new ArrayList<>(p.factors());
          factors.set(i, Exprs.sum(terms));
          factors.add(0, Exprs.number(g));
          return new Expr.Product(factors);
        }
      }
    }
    return p;
  }

  /**
   * The number every term's coefficient is a multiple of, negative when every term is: 2 of
   * 2*x + 4*y, 0.5 of x/2 + y/2, -1 of -x - y; 1 when there is none.
   */
  private static double commonNumber(List<Expr> terms) {
    double first = Math.abs(Terms.coefficient(terms.get(0)));
    boolean same = true;
    boolean negative = true;
    boolean whole = true;
    long gcd = 0;
    for (Expr t : terms) {
      double c = Terms.coefficient(t);
      double size = Math.abs(c);
      same &= size == first;
      negative &= c < 0;
      if (whole && size >= 1 && size < 1e15 && size == Math.rint(size)) {
        gcd = gcd(gcd, (long) size);
      } else {
        whole = false;
      }
    }
    double g = whole && gcd > 1 ? gcd : same && first > 0 && Double.isFinite(first) ? first : 1;
    return negative ? -g : g;
  }

  private static long gcd(long a, long b) {
    return b == 0 ? a : gcd(b, a % b);
  }

  /**
   * Scalars commute: c*A*s*B = c*s*A*B, so a product reads coefficient, scalars, the chain, then
   * reciprocals (which print as a division: x/norm(x)).
   */
  static Expr scalarsFirst(Expr.Product p, Rewriting run) {
    Shapes shapes = run.shapes();
    if (inScalarsFirstOrder(p, shapes)) { // the usual case, decided without building lists
      return p;
    }
    List<Expr> scalars = new ArrayList<>();
    List<Expr> chain = new ArrayList<>();
    List<Expr> reciprocals = new ArrayList<>();
    for (Expr f : p.factors()) {
      if (f instanceof Expr.Power pw && pw.exponent() == -1 && shapes.isScalar(f)) {
        reciprocals.add(f);
      } else {
        (shapes.isScalar(f) ? scalars : chain).add(f);
      }
    }
    if (chain.isEmpty() && (reciprocals.isEmpty() || scalars.isEmpty())) {
      return p;
    }
    List<Expr> ordered = new ArrayList<>(scalars);
    ordered.addAll(chain);
    ordered.addAll(reciprocals);
    return ordered.equals(p.factors()) ? p : new Expr.Product(ordered);
  }

  /**
   * Scalars commute, so a normal form writes them in the structural order: (x'*A*x)*(x'*x)^-2*x and
   * (x'*x)^-2*(x'*A*x)*x are one product. Sorts the scalars before the chain (after the
   * coefficient) and the scalar reciprocals after it, each run on its own, as scalarsFirst groups them.
   */
  static Expr sortScalars(Expr.Product p, Rewriting run) {
    Shapes shapes = run.shapes();
    List<Expr> factors = p.factors();
    int n = factors.size();
    int start = factors.get(0) instanceof Expr.Number ? 1 : 0;
    int end = start;
    while (end < n && shapes.isScalar(factors.get(end)) && !isScalarReciprocal(factors.get(end), shapes)) {
      end++;
    }
    int tail = n;
    while (tail > end && isScalarReciprocal(factors.get(tail - 1), shapes)) {
      tail--;
    }
    if (inOrder(factors, start, end) && inOrder(factors, tail, n)) {
      return p; // the usual case: decided without a copy
    }
    List<Expr> sorted = new ArrayList<>(factors);
    sorted.subList(start, end).sort(ExprOrder.INSTANCE);
    sorted.subList(tail, n).sort(ExprOrder.INSTANCE);
    return new Expr.Product(sorted);
  }

  private static boolean isScalarReciprocal(Expr f, Shapes shapes) {
    return f instanceof Expr.Power pw && pw.exponent() == -1 && shapes.isScalar(f);
  }

  private static boolean inOrder(List<Expr> factors, int from, int to) {
    for (int i = from + 1; i < to; i++) {
      if (ExprOrder.INSTANCE.compare(factors.get(i - 1), factors.get(i)) > 0) {
        return false;
      }
    }
    return true;
  }

  /** Whether p already reads scalars, then the chain, then scalar reciprocals. */
  private static boolean inScalarsFirstOrder(Expr.Product p, Shapes shapes) {
    int group = 0; // 0 scalars, 1 chain, 2 reciprocals
    for (Expr f : p.factors()) {
      boolean scalar = shapes.isScalar(f);
      int g = scalar && f instanceof Expr.Power pw && pw.exponent() == -1 ? 2 : scalar ? 0 : 1;
      if (g < group) {
        return false;
      }
      group = g;
    }
    return true;
  }

  /** s * s^-1 = 1 and s * s = s^2 for scalar factors s. */
  static Expr combineScalarPowers(Expr.Product p, Rewriting run) {
    Shapes shapes = run.shapes();
    if (fewerThanTwoScalars(p, shapes)) { // the usual case: nothing to combine, decided without a map
      return p;
    }
    Map<Expr, Double> exponents = new LinkedHashMap<>();
    List<Expr> others = new ArrayList<>();
    int scalarFactors = 0;
    for (Expr f : p.factors()) {
      if (f instanceof Expr.Number || !shapes.isScalar(f)) {
        others.add(f);
        continue;
      }
      scalarFactors++;
      Expr base = f instanceof Expr.Power pw ? pw.base() : f;
      double k = f instanceof Expr.Power pw ? pw.exponent() : 1;
      exponents.merge(base, k, Double::sum);
    }
    if (exponents.size() == scalarFactors) {
      return p;
    }
    List<Expr> factors = new ArrayList<>();
    p.factors().stream().filter(f -> f instanceof Expr.Number).forEach(factors::add);
    exponents.forEach((base, k) -> {
      if (k != 0) {
        factors.add(k == 1 ? base : new Expr.Power(base, k));
      }
    });
    others.stream().filter(f -> !(f instanceof Expr.Number)).forEach(factors::add);
    return Exprs.product(factors);
  }

  /** Whether p has fewer than two scalar factors other than numbers. */
  private static boolean fewerThanTwoScalars(Expr.Product p, Shapes shapes) {
    int scalars = 0;
    List<Expr> factors = p.factors();
    for (int i = 0; i < factors.size(); i++) {
      Expr f = factors.get(i);
      if (!(f instanceof Expr.Number) && shapes.isScalar(f) && ++scalars == 2) {
        return false;
      }
    }
    return true;
  }

  /**
   * u^a u^b = u^(a+b) where an exponent is an expression: j det(X)^(j-1) det(X) = j det(X)^j; a
   * number exponent makes a plain power: u^(j - j + 2) = u^2.
   */
  static Expr combineSymbolicPowers(Expr.Product p, Rewriting run) {
    Shapes shapes = run.shapes();
    if (ExprLists.noneMatch(p.factors(), f -> f instanceof Expr.ScalarPower)) {
      return p;
    }
    Map<Expr, List<Expr>> exponents = new LinkedHashMap<>();
    for (Expr f : p.factors()) {
      if (f instanceof Expr.ScalarPower sp) {
        exponents.computeIfAbsent(sp.base(), b -> new ArrayList<>()).add(sp.exponent());
      } else if (f instanceof Expr.Power pw && shapes.isScalar(f)) {
        exponents.computeIfAbsent(pw.base(), b -> new ArrayList<>()).add(Exprs.number(pw.exponent()));
      } else if (!(f instanceof Expr.Number) && shapes.isScalar(f)) {
        exponents.computeIfAbsent(f, b -> new ArrayList<>()).add(Exprs.ONE);
      }
    }
    for (Map.Entry<Expr, List<Expr>> entry : exponents.entrySet()) {
      Expr base = entry.getKey();
      if (entry.getValue().size() < 2) {
        continue;
      }
      List<Expr> factors = new ArrayList<>();
      boolean placed = false;
      for (Expr f : p.factors()) {
        boolean ofBase = (f instanceof Expr.ScalarPower sp && sp.base().equals(base))
            || (f instanceof Expr.Power pw && pw.base().equals(base) && shapes.isScalar(f))
            || (f.equals(base));
        if (!ofBase) {
          factors.add(f);
        } else if (!placed) {
          factors.add(new Expr.ScalarPower(base, Exprs.sum(entry.getValue())));
          placed = true;
        }
      }
      return Exprs.product(factors);
    }
    return p;
  }

  /** A*I = A, except where the identity carries the shape: x'*a*I is a matrix, x'*a a scalar. */
  static Expr removeIdentity(Expr.Product p, Rewriting run) {
    if (ExprLists.noneMatch(p.factors(), ProductRules::isUnit)) {
      return p;
    }
    List<Expr> kept = ExprLists.filter(p.factors(), f -> !isUnit(f));
    if (kept.isEmpty()) {
      return p;
    }
    Expr without = Exprs.product(kept);
    return run.shapes().of(without).equals(run.shapes().of(p)) ? without : p;
  }

  /** I, or ones(1): the vector of one 1 is the number 1 (from the sum of a row, ones(1)'*v*ones). */
  private static boolean isUnit(Expr f) {
    return f instanceof Expr.Identity || f instanceof Expr.Ones o && o.size() != null && o.size().isOne();
  }

  /** inv(A)*A = A*inv(A) = I inside a product; Q'Q = QQ' = I for an orthogonal Q. */
  static Expr cancelInverses(Expr.Product p, Rewriting run) {
    Shapes shapes = run.shapes();
    List<Expr> factors = p.factors();
    for (int i = 0; i + 1 < factors.size(); i++) {
      Expr a = factors.get(i);
      Expr b = factors.get(i + 1);
      boolean cancels = (a instanceof Expr.Inverse inv && inv.argument().equals(b))
          || (b instanceof Expr.Inverse inv2 && inv2.argument().equals(a))
          || (a instanceof Expr.Transpose ta && ta.argument().equals(b) && shapes.isOrthogonal(b))
          || (b instanceof Expr.Transpose tb && tb.argument().equals(a) && shapes.isOrthogonal(a));
      if (cancels && !shapes.isScalar(a)) {
        List<Expr> rest = new ArrayList<>(factors.subList(0, i));
        rest.addAll(factors.subList(i + 2, factors.size()));
        if (ExprLists.allMatch(rest, shapes::isScalar)) {
          rest.add(new Expr.Identity(shapes.of(a).rows())); // sized: nothing around it tells its size
        }
        return Exprs.product(rest);
      }
    }
    return p;
  }

  /** K(m, n) K(n, m) = I(mn). */
  static Expr cancelCommutations(Expr.Product p, Rewriting run) {
    List<Expr> factors = p.factors();
    for (int i = 0; i + 1 < factors.size(); i++) {
      if (factors.get(i) instanceof Expr.Commutation a && factors.get(i + 1) instanceof Expr.Commutation b
          && a.rows().equals(b.cols()) && a.cols().equals(b.rows())) {
        List<Expr> rest = new ArrayList<>(factors.subList(0, i));
        rest.add(new Expr.Identity(Size.product(a.rows(), a.cols())));
        rest.addAll(factors.subList(i + 2, factors.size()));
        return Exprs.product(rest);
      }
    }
    return p;
  }

  /**
   * K(p, m) (A ⊗ B) = (B ⊗ A) K(q, n) for A m x n and B p x q: a commutation matrix stands after the
   * Kronecker products it meets, so that terms of a vec Hessian that differ only in where it stands
   * are alike, as -K(X^-1 ⊗ X^-1)/2 - (X^-1 ⊗ X^-1)K/2 of logdet(X) is -(X^-1 ⊗ X^-1)K.
   */
  static Expr commutationPastKron(Expr.Product p, Rewriting run) {
    List<Expr> factors = p.factors();
    for (int i = 0; i + 1 < factors.size(); i++) {
      if (factors.get(i) instanceof Expr.Commutation k && factors.get(i + 1) instanceof Expr.Kron kron) {
        Expr.Commutation after = commutationAfter(k, kron, run.shapes());
        if (after != null) {
          return replaced(factors, i, i + 2, Exprs.product(new Expr.Kron(kron.right(), kron.left()), after));
        }
      }
      if (factors.get(i) instanceof Expr.Commutation k && factors.get(i + 1) instanceof Expr.Sum sum) {
        Expr passed = pastSumOfKrons(k, sum, run.shapes());
        if (passed != null) {
          return replaced(factors, i, i + 2, passed);
        }
      }
    }
    return p;
  }

  /** K(q, n), where K(p, m) (A ⊗ B) = (B ⊗ A) K(q, n) for A m x n and B p x q; null where K does not fit. */
  private static Expr.Commutation commutationAfter(Expr.Commutation k, Expr.Kron kron, Shapes shapes) {
    Shape a = shapes.of(kron.left());
    Shape b = shapes.of(kron.right());
    return k.rows().equals(b.rows()) && k.cols().equals(a.rows()) ? new Expr.Commutation(b.cols(), a.cols()) : null;
  }

  /**
   * K (c1 A1 ⊗ B1 + c2 A2 ⊗ B2 + ...) = (c1 B1 ⊗ A1 + ...) K', where K passes every term to the same
   * K', as the two halves of the Hessian of tr(inv(X)) need to meet; null otherwise.
   */
  private static Expr pastSumOfKrons(Expr.Commutation k, Expr.Sum sum, Shapes shapes) {
    List<Expr> terms = new ArrayList<>(sum.terms().size());
    Expr.Commutation after = null;
    for (Expr t : sum.terms()) {
      if (!(Terms.rest(t) instanceof Expr.Kron kron)) {
        return null;
      }
      Expr.Commutation next = commutationAfter(k, kron, shapes);
      if (next == null || after != null && !after.equals(next)) {
        return null;
      }
      after = next;
      terms.add(Terms.withCoefficient(Terms.coefficient(t), new Expr.Kron(kron.right(), kron.left())));
    }
    return Exprs.product(Exprs.sum(terms), after);
  }

  /**
   * exp(z) / (ones'*exp(z)) = exp(z) / sum(exp(z)) = softmax(z); each power of the divisor makes one
   * factor exp(z), exp(z)' or diag(exp(z)) a softmax, as a Hessian of logsumexp has them:
   * exp(z)*exp(z)'/sum(exp(z))^2 = softmax(z)*softmax(z)', diag(exp(z))/sum(exp(z)) = diag(softmax(z)).
   */
  static Expr recognizeSoftmax(Expr.Product p, Rewriting run) {
    for (Expr f : p.factors()) {
      // a whole power no larger than the factors it could turn: sum(exp(z))^-1e10 keeps its exponent
      if (f instanceof Expr.Power pw && pw.exponent() < 0 && pw.exponent() == Math.rint(pw.exponent())
          && -pw.exponent() <= p.factors().size()) {
        Expr z = sumOfExp(pw.base());
        if (z == null) {
          continue;
        }
        Expr exp = new Expr.Apply(Expr.Function.EXP, z);
        Expr expOfRow = new Expr.Apply(Expr.Function.EXP, new Expr.Transpose(z)); // exp(z)' as exp(z')
        Expr softmax = new Expr.Softmax(z);
        List<Expr> factors = new ArrayList<>(p.factors());
        int powers = (int) -pw.exponent();
        int used = 0;
        for (int i = 0; i < factors.size() && used < powers; i++) {
          Expr g = factors.get(i);
          Expr as = g.equals(exp) ? softmax
              : g instanceof Expr.Transpose t && t.argument().equals(exp) || g.equals(expOfRow)
                  ? new Expr.Transpose(softmax)
              : g instanceof Expr.Diag d && d.argument().equals(exp) ? new Expr.Diag(softmax)
              : null;
          if (as != null) {
            factors.set(i, as);
            used++;
          }
        }
        if (used > 0) {
          int at = factors.indexOf(f);
          if (used == powers) {
            factors.remove(at);
          } else {
            factors.set(at, new Expr.Power(pw.base(), -(powers - used)));
          }
          return Exprs.product(factors);
        }
      }
    }
    return p;
  }

  /**
   * exp(u)^k / (1 + exp(u))^k = sigmoid(u)^k for a scalar u, k = 1, 2, ...: what the derivatives of
   * log(1 + exp(a'x)) come to, written as the lecture writes the logistic function (the entry-wise
   * counterpart is HadamardRules.recognizeSigmoid).
   */
  static Expr recognizeSigmoid(Expr.Product p, Rewriting run) {
    List<Expr> factors = p.factors();
    for (int j = 0; j < factors.size(); j++) {
      if (factors.get(j) instanceof Expr.Power divisor && divisor.exponent() < 0
          && divisor.base() instanceof Expr.Sum sum && sum.terms().size() == 2
          && ExprLists.anyMatch(sum.terms(), t -> Exprs.isNumber(t, 1))) {
        Expr exp = sum.terms().get(Exprs.isNumber(sum.terms().get(0), 1) ? 1 : 0);
        if (!(exp instanceof Expr.Apply a && a.function() == Expr.Function.EXP) || !run.shapes().isScalar(exp)) {
          continue; // the language has 1 + exp(U) only for a scalar U; built otherwise, it is not entry-wise
        }
        double k = -divisor.exponent();
        Expr above = k == 1 ? exp : new Expr.Power(exp, k);
        int i = factors.indexOf(above);
        if (i >= 0) {
          Expr sigmoid = new Expr.Apply(Expr.Function.SIGMOID, ((Expr.Apply) exp).argument());
          List<Expr> rest = new ArrayList<>(factors);
          rest.set(i, k == 1 ? sigmoid : new Expr.Power(sigmoid, k));
          rest.remove(j);
          return Exprs.product(rest);
        }
      }
    }
    return p;
  }

  /** z when e is sum(exp(z)), ones'*exp(z) or exp(z)'*ones; otherwise null. */
  private static Expr sumOfExp(Expr e) {
    Expr inside = null;
    if (e instanceof Expr.SumAll s) {
      inside = s.argument();
    } else if (e instanceof Expr.Product p && p.factors().size() == 2) {
      if (p.factors().get(0) instanceof Expr.Transpose t && t.argument() instanceof Expr.Ones) {
        inside = p.factors().get(1);
      } else if (p.factors().get(1) instanceof Expr.Ones
          && p.factors().get(0) instanceof Expr.Transpose t) {
        inside = t.argument();
      }
    }
    return inside instanceof Expr.Apply a && a.function() == Expr.Function.EXP ? a.argument() : null;
  }

  /**
   * diag(u) v = u ⊙ v for column vectors u and v: the gradient of x'*diag(a)*x reads 2*(a .* x), as
   * the lecture writes it. A matrix after diag(u), as in X'*diag(s)*X, keeps it.
   */
  static Expr diagTimesVector(Expr.Product p, Rewriting run) {
    List<Expr> factors = p.factors();
    for (int i = 0; i + 1 < factors.size(); i++) {
      if (factors.get(i) instanceof Expr.Diag d && run.shapes().of(d.argument()).isColumn()
          && run.shapes().of(factors.get(i + 1)).isColumn()) {
        return replaced(factors, i, i + 2, new Expr.Hadamard(List.of(d.argument(), factors.get(i + 1))));
      }
    }
    return p;
  }

  /**
   * a'*(b .* a.^-1) = ones'*b = sum(b): the inner product moves a across, and it cancels; so does
   * (b .* a.^-1)'*a, as in the Hessian of -y'*log(softmax(z)), where (y ./ s)'*s is sum(y).
   */
  static Expr onesInnerIsSum(Expr.Product p, Rewriting run) {
    Shapes shapes = run.shapes();
    List<Expr> factors = p.factors();
    for (int i = 0; i + 1 < factors.size(); i++) {
      Expr left = factors.get(i);
      Expr right = factors.get(i + 1);
      Expr summed = null;
      if (left instanceof Expr.Transpose t && t.argument() instanceof Expr.Hadamard h) {
        summed = sumCancelling(right, h, shapes);
      }
      if (summed == null && left instanceof Expr.Transpose t && right instanceof Expr.Hadamard h) {
        summed = sumCancelling(t.argument(), h, shapes);
      }
      if (summed != null) {
        return replaced(factors, i, i + 2, summed);
      }
      if (left instanceof Expr.Transpose t && t.argument() instanceof Expr.Ones
          && factors.size() == 2 && shapes.of(right).isColumn()) {
        return new Expr.SumAll(right);
      }
    }
    return p;
  }

  /** sum(b), the inner product of a column a with b .* a.^-1 (h), either way round; null where a does not cancel. */
  private static Expr sumCancelling(Expr a, Expr.Hadamard h, Shapes shapes) {
    Expr inverse = new Expr.ElementPower(a, -1);
    if (!h.factors().contains(inverse) || !shapes.of(a).isColumn()) {
      return null;
    }
    List<Expr> rest = new ArrayList<>(h.factors());
    rest.remove(inverse);
    return new Expr.SumAll(rest.size() == 1 ? rest.get(0) : new Expr.Hadamard(rest));
  }

  /** (a + b)*c = a*c + b*c, for the normal form; its size is known, and checked, before it is built. */
  static Expr distribute(Expr.Product p, Rewriting run) {
    for (int i = 0; i < p.factors().size(); i++) {
      if (p.factors().get(i) instanceof Expr.Sum s) {
        requireDistributable(p, s);
        List<Expr> terms = new ArrayList<>();
        for (Expr term : s.terms()) {
          List<Expr> factors = new ArrayList<>(p.factors());
          factors.set(i, term);
          terms.add(new Expr.Product(factors));
        }
        return new Expr.Sum(terms);
      }
    }
    return p;
  }

  /**
   * Distributing product (a matrix, entry-wise or Kronecker product) over its factor sum gives one
   * copy of the rest of product per term of sum: its size is known before it is built, and checked
   * then.
   */
  static void requireDistributable(Expr product, Expr.Sum sum) {
    long rest = NodeCounter.count(product) - NodeCounter.count(sum);
    long size = 1;
    for (Expr term : sum.terms()) {
      size += rest + NodeCounter.count(term);
    }
    if (size > Limits.MAX_EXPRESSION_SIZE) {
      throw NodeCounter.tooLarge("the expanded form");
    }
  }

  /** A factor read as a power of a base: X^3 is (X, 3), inv(X^2) is (X, -2), inv(X^2)' is (X', -2). */
  private record MatrixPower(Expr base, int exponent) {

    static MatrixPower of(Expr f) {
      if (f instanceof Expr.Transpose t) {
        MatrixPower inner = of(t.argument());
        return inner.exponent() == 1 ? new MatrixPower(f, 1) : new MatrixPower(new Expr.Transpose(inner.base()),
            inner.exponent());
      }
      if (f instanceof Expr.Inverse inv) {
        MatrixPower inner = of(inv.argument());
        return new MatrixPower(inner.base(), -inner.exponent());
      }
      if (f instanceof Expr.Power p && p.exponent() == Math.rint(p.exponent()) && Math.abs(p.exponent()) <= 1_000) {
        return new MatrixPower(p.base(), (int) p.exponent());
      }
      return new MatrixPower(f, 1);
    }

    /** Written as the simplifier writes powers: X^3, (X')^3, inv(X^3), inv(X^3)'. */
    Expr expr() {
      if (exponent == 1) {
        return base;
      }
      if (exponent > 0) {
        return new Expr.Power(base, exponent);
      }
      if (base instanceof Expr.Transpose t) {
        return new Expr.Transpose(new MatrixPower(t.argument(), exponent).expr());
      }
      return new Expr.Inverse(exponent == -1 ? base : new Expr.Power(base, -exponent));
    }
  }

  /**
   * X^a X^b = X^(a+b) for neighbouring powers of one square matrix, inverses counted as negative
   * powers: inv(X) inv(X) = inv(X^2), X inv(X^2) = inv(X). Products that cancel to I are left to
   * cancelInverses, which knows the identity's size.
   */
  static Expr combineMatrixPowers(Expr.Product p, Rewriting run) {
    Shapes shapes = run.shapes();
    List<Expr> factors = p.factors();
    for (int i = 0; i + 1 < factors.size(); i++) {
      Expr a = factors.get(i);
      Expr b = factors.get(i + 1);
      if (a instanceof Expr.Number || shapes.isScalar(a) || shapes.isScalar(b)) {
        continue;
      }
      MatrixPower pa = MatrixPower.of(a);
      MatrixPower pb = MatrixPower.of(b);
      int k = pa.exponent() + pb.exponent();
      if (pa.base().equals(pb.base()) && k != 0 && Math.abs(k) <= 1_000) {
        List<Expr> out = new ArrayList<>(factors.subList(0, i));
        out.add(new MatrixPower(pa.base(), k).expr());
        out.addAll(factors.subList(i + 2, factors.size()));
        return Exprs.product(out);
      }
    }
    return p;
  }

  /**
   * A B A B = (A B)^2, and A B (A B)^2 = (A B)^3: a run of matrices written out again and again is
   * a power of the run.
   */
  static Expr repeatedBlocks(Expr.Product p, Rewriting run) {
    Shapes shapes = run.shapes();
    List<Expr> factors = p.factors();
    int n = factors.size();
    for (int j = 0; j + 1 < n; j++) { // (A B)^k A = A (B A)^k: the lone factor first, so like terms meet
      if (factors.get(j) instanceof Expr.Power pw && pw.base() instanceof Expr.Product q
          && pw.exponent() == Math.rint(pw.exponent()) && pw.exponent() >= 1
          && q.factors().get(0).equals(factors.get(j + 1)) && !shapes.isScalar(factors.get(j + 1))) {
        List<Expr> rotated = new ArrayList<>(q.factors().subList(1, q.factors().size()));
        rotated.add(q.factors().get(0));
        List<Expr> out = new ArrayList<>(factors.subList(0, j));
        out.add(q.factors().get(0));
        out.add(new Expr.Power(new Expr.Product(rotated), pw.exponent()));
        out.addAll(factors.subList(j + 2, n));
        return Exprs.product(out);
      }
    }
    for (int i = 0; i < n; i++) {
      if (shapes.isScalar(factors.get(i))) {
        continue;
      }
      for (int length = 2; i + length <= n; length++) {
        if (shapes.isScalar(factors.get(i + length - 1))) { // the block's earlier factors were checked already
          break;
        }
        if (!mayRepeat(factors, i, length)) { // decided in constant time, so a long chain costs n² at most
          continue;
        }
        List<Expr> block = factors.subList(i, i + length);
        int copies = 1;
        while (i + (copies + 1) * length <= n
            && factors.subList(i + copies * length, i + (copies + 1) * length).equals(block)) {
          copies++;
        }
        int end = i + copies * length;
        if (end < n && factors.get(end) instanceof Expr.Power pw && pw.base() instanceof Expr.Product q
            && q.factors().equals(block) && pw.exponent() == Math.rint(pw.exponent()) && pw.exponent() >= 1) {
          return replaced(factors, i, end + 1, new Expr.Power(q, pw.exponent() + copies));
        }
        if (i > 0 && factors.get(i - 1) instanceof Expr.Power pw && pw.base() instanceof Expr.Product q
            && q.factors().equals(block) && pw.exponent() == Math.rint(pw.exponent()) && pw.exponent() >= 1) {
          return replaced(factors, i - 1, end, new Expr.Power(q, pw.exponent() + copies));
        }
        if (copies >= 2) {
          return replaced(factors, i, end, new Expr.Power(new Expr.Product(List.copyOf(block)), copies));
        }
      }
    }
    return p;
  }

  /**
   * Whether the block of length factors at i can be repeated or next to a power of itself: its first
   * factor comes again right after it, or a power of a product of that length stands beside it.
   */
  private static boolean mayRepeat(List<Expr> factors, int i, int length) {
    int after = i + length;
    return after < factors.size() && (factors.get(after).equals(factors.get(i)) || powerOfLength(factors.get(after), length))
        || i > 0 && powerOfLength(factors.get(i - 1), length);
  }

  private static boolean powerOfLength(Expr e, int length) {
    return e instanceof Expr.Power pw && pw.base() instanceof Expr.Product q && q.factors().size() == length;
  }

  private static Expr replaced(List<Expr> factors, int from, int to, Expr with) {
    List<Expr> out = new ArrayList<>(factors.subList(0, from));
    out.add(with);
    out.addAll(factors.subList(to, factors.size()));
    return Exprs.product(out);
  }
}
