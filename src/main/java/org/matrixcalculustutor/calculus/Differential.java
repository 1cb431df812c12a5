package org.matrixcalculustutor.calculus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.matrixcalculustutor.algebra.Children;
import org.matrixcalculustutor.algebra.Deadline;
import org.matrixcalculustutor.algebra.Expr;
import org.matrixcalculustutor.algebra.Exprs;
import org.matrixcalculustutor.algebra.Limits;
import org.matrixcalculustutor.algebra.NodeCounter;
import org.matrixcalculustutor.algebra.Shape;
import org.matrixcalculustutor.algebra.Shapes;
import org.matrixcalculustutor.algebra.Size;

/**
 * d(e) with respect to one variable: one case per node, each the textbook rule. The result is
 * linear in the differential dX. Every named rule that fires on a node that depends on the variable
 * adds one step "d(node) = ..." to the derivation, showing that rule alone: the differentials of
 * the node's parts stay written as d(part) there, and their own steps follow, as on a blackboard.
 */
final class Differential implements Expr.Visitor<Expr> {

  private final Expr.Symbol variable;
  /** How d(variable) is written: dX, or another mark for a second differential's new dX. */
  private final Expr.Differential dx;
  private final Shapes shapes;
  private final List<Step> steps = new ArrayList<>();
  /** Sizes of the trees built, shared with the instances that show one rule: they build the same parts. */

  /**
   * Null when differentiating; when showing one rule, the parts whose differentials are left
   * unexpanded, each under the placeholder symbol its dM stands in for.
   */
  private final Map<Expr.Symbol, Expr> unexpanded;

  /** Where a step's left side d(node) keeps its node: a name no expression of the language can use. */
  private static final Expr.Symbol WHOLE = new Expr.Symbol("\u00b7node");

  /**
   * The differentials already worked out, by node: a part that occurs twice (X^-1 in X^-1 X^-1) is
   * worked out, and shown, once; where it occurs again its line above is the reference.
   */
  private final Map<Expr, Expr> worked;

  /**
   * The nodes whose lines an earlier differential of the same derivation showed (df's, when this is
   * d(df)): d||X|| again in d(<X, dX> / ||X||) is worked out but not shown twice; its line above is
   * the reference.
   */
  private final Set<Expr> shownBefore;

  /** The nodes this differential showed a line for. */
  private final Set<Expr> shown = new HashSet<>();

  /** A student's slip in one function's chain rule, to derive as they would; null for the right rules. */
  private final ChainRuleSlip slip;

  /** The step of the node being visited, put in front of its parts' steps when the visit ends. */
  private Step pendingStep;

  private Differential(Expr.Symbol variable, Expr.Differential dx, Shapes shapes,
      Map<Expr.Symbol, Expr> unexpanded, Set<Expr> shownBefore, ChainRuleSlip slip) {
    this.variable = variable;
    this.dx = dx;
    this.shapes = shapes;
    this.unexpanded = unexpanded;
    this.shownBefore = shownBefore;
    this.slip = slip;
    this.worked = unexpanded == null ? new HashMap<>() : Map.of(); // showing one rule works nothing out twice
  }

  /**
   * The differential of e and the named steps taken, outermost rule first; with slip (when not
   * null) in place of one function's chain rule.
   */
  static Differential.Result of(Expr e, Expr.Symbol variable, Shapes shapes, ChainRuleSlip slip) {
    return of(e, variable, new Expr.Differential(variable), shapes, Set.of(), slip);
  }

  /**
   * The differential of e with d(variable) written as dx: for d(df), a mark that keeps the new dX
   * apart from the dX of df, which is held fixed (its differential is 0). Steps print dx as
   * d(variable) all the same, so a node that shownBefore holds (df's result's shown) gets no line
   * again.
   */
  static Differential.Result of(Expr e, Expr.Symbol variable, Expr.Differential dx, Shapes shapes,
      Set<Expr> shownBefore, ChainRuleSlip slip) {
    Differential d = new Differential(variable, dx, shapes, null, shownBefore, slip);
    Expr result = d.d(e);
    return new Result(result, List.copyOf(d.steps), Set.copyOf(d.shown));
  }

  /** The differential, its lines, and the nodes they are the differentials of. */
  record Result(Expr differential, List<Step> steps, Set<Expr> shown) {}

  private Expr d(Expr e) {
    Deadline.check();
    if (!dependsOnVariable(e)) {
      return Exprs.ZERO;
    }
    if (unexpanded != null) {
      return unexpandedIfItHasARule(e);
    }
    Expr done = worked.get(e);
    if (done != null) {
      return done;
    }
    int at = steps.size();
    Expr result = NodeCounter.requireWithinLimit(e.accept(this), "the differential");
    if (pendingStep != null) {
      steps.add(at, pendingStep); // the outer rule before the rules of its parts
      pendingStep = null;
    }
    worked.put(e, result);
    return result;
  }

  /**
   * d(e) for showing one rule: written d(e) when e has a rule of its own (its step comes next),
   * else worked through (dX' is the transpose of dX, not a rule worth a line).
   */
  private Expr unexpandedIfItHasARule(Expr e) {
    Step outer = pendingStep;
    pendingStep = null;
    Expr through = e.accept(this);
    boolean hasRule = pendingStep != null;
    pendingStep = outer;
    if (!hasRule) {
      return through;
    }
    Expr.Symbol placeholder = new Expr.Symbol("part" + unexpanded.size());
    unexpanded.put(placeholder, e);
    return new Expr.Differential(placeholder);
  }

  private boolean dependsOnVariable(Expr e) {
    return Children.any(e, x -> x.equals(variable));
  }

  private Expr step(String rule, Expr node, Expr result) {
    if (unexpanded != null) {
      pendingStep = Step.of(rule, null, Exprs.ZERO); // only marks that node has a rule
      return result;
    }
    if (shownBefore.contains(node)) {
      return result;
    }
    shown.add(node);
    NodeCounter.requireWithinLimit(result, "the differential"); // before the step prints a line as large
    Map<Expr.Symbol, Expr> parts = new HashMap<>();
    if (!dx.variable().equals(variable)) {
      parts.put(dx.variable(), variable); // the mark prints as dX
    }
    Expr once = node.accept(new Differential(variable, dx, shapes, parts, Set.of(), slip));
    parts.put(WHOLE, node);
    pendingStep = Step.of(rule, new Expr.Differential(WHOLE), once, parts);
    return result;
  }

  private static Expr neg(Expr e) {
    return Exprs.negate(e);
  }

  /** ones of the shape of e: the vector ones, ones' for a row, or ones*ones' for a matrix. */
  private Expr onesLike(Expr e) {
    // sizes come from the context: ones - tanh(W*x) .^ 2
    Shape shape = shapes.of(e);
    if (shape.cols().isOne()) {
      return new Expr.Ones(null);
    }
    if (shape.rows().isOne()) {
      return new Expr.Transpose(new Expr.Ones(null));
    }
    return Exprs.product(new Expr.Ones(null), new Expr.Transpose(new Expr.Ones(null)));
  }

  /** f'(a), entry-wise; for a scalar a the ordinary derivative (or as the slip has it). */
  private Expr derivativeOf(Expr.Function f, Expr a) {
    Expr ones = shapes.isScalar(a) ? null : onesLike(a);
    if (slip != null && slip.function() == f) {
      return switch (slip.kind()) {
        case FUNCTION_FOR_DERIVATIVE -> new Expr.Apply(f, a);
        case FACTOR_LEFT_OUT -> ones == null ? Exprs.ONE : ones;
      };
    }
    return derivativeOf(f, a, ones);
  }

  /** f'(a), entry-wise, with ones the ones of a's shape; for a scalar a (ones null) the ordinary derivative. */
  static Expr derivativeOf(Expr.Function f, Expr a, Expr ones) {
    boolean scalar = ones == null;
    Expr self = new Expr.Apply(f, a);
    return switch (f) {
      case EXP -> self;
      case LOG -> scalar ? new Expr.Power(a, -1) : new Expr.ElementPower(a, -1);
      case SIN -> new Expr.Apply(Expr.Function.COS, a);
      case COS -> neg(new Expr.Apply(Expr.Function.SIN, a));
      case TAN -> scalar ? new Expr.Power(new Expr.Apply(Expr.Function.COS, a), -2)
          : new Expr.ElementPower(new Expr.Apply(Expr.Function.COS, a), -2);
      case TANH -> scalar ? Exprs.sum(Exprs.ONE, neg(new Expr.Power(self, 2)))
          : Exprs.sum(ones, neg(new Expr.ElementPower(self, 2)));
      case SIGMOID -> scalar ? Exprs.product(self, Exprs.sum(Exprs.ONE, neg(self)))
          : new Expr.Hadamard(List.of(self, Exprs.sum(ones, neg(self))));
      case SQRT -> scalar ? Exprs.product(Exprs.number(0.5), new Expr.Power(self, -1))
          : Exprs.product(Exprs.number(0.5), new Expr.ElementPower(self, -1));
      case ABS -> scalar ? Exprs.product(a, new Expr.Power(self, -1))
          : new Expr.HadamardQuotient(a, self);
    };
  }

  @Override
  public Expr symbol(Expr.Symbol e) {
    return e.equals(variable) ? dx : Exprs.ZERO;
  }

  @Override
  public Expr number(Expr.Number e) {
    return Exprs.ZERO;
  }

  @Override
  public Expr identity(Expr.Identity e) {
    return Exprs.ZERO;
  }

  @Override
  public Expr ones(Expr.Ones e) {
    return Exprs.ZERO;
  }

  @Override
  public Expr zeros(Expr.Zeros e) {
    return Exprs.ZERO;
  }

  @Override
  public Expr sum(Expr.Sum e) {
    return Exprs.sum(e.terms().stream().map(this::d).filter(t -> !Exprs.isZero(t)).toList());
  }

  /** d(f1 f2 ... fk) = Σ f1 .. d(fi) .. fk, the order of the factors kept; one term per factor that varies. */
  private List<Expr> productRule(List<Expr> factors, java.util.function.Function<List<Expr>, Expr> rebuild) {
    List<Expr> differentials = factors.stream().map(this::d).toList();
    // one copy of the product per factor that varies: its size is known before any copy is made
    long all = 1 + factors.stream().mapToLong(NodeCounter::count).sum();
    long size = 1;
    for (int i = 0; i < factors.size(); i++) {
      if (!Exprs.isZero(differentials.get(i))) {
        size += all - NodeCounter.count(factors.get(i)) + NodeCounter.count(differentials.get(i));
      }
    }
    if (size > Limits.MAX_EXPRESSION_SIZE) {
      throw NodeCounter.tooLarge("the differential");
    }
    List<Expr> terms = new ArrayList<>();
    for (int i = 0; i < factors.size(); i++) {
      Expr di = differentials.get(i);
      if (!Exprs.isZero(di)) {
        List<Expr> varied = new ArrayList<>(factors);
        varied.set(i, di);
        terms.add(rebuild.apply(varied));
      }
    }
    return terms;
  }

  @Override
  public Expr product(Expr.Product e) {
    List<Expr> terms = productRule(e.factors(), Exprs::product);
    Expr result = Exprs.sum(terms);
    return terms.size() > 1 ? step("product rule: d(XY) = dX Y + X dY", e, result) : result;
  }

  @Override
  public Expr power(Expr.Power e) {
    Expr base = e.base();
    double k = e.exponent();
    if (base instanceof Expr.Norm norm && k == 2) {
      // the way the notes write it, and defined where X = 0, unlike going through d||X||
      Expr result = Exprs.product(Exprs.number(2), new Expr.Inner(norm.argument(), d(norm.argument())));
      return step("squared norm: d||X||^2 = 2<X, dX>", e, result);
    }
    Expr db = d(base);
    if (shapes.isScalar(base)) {
      Expr power = k - 1 == 1 ? base : new Expr.Power(base, k - 1);
      Expr result = k - 1 == 0 ? Exprs.product(Exprs.number(k), db) : Exprs.product(Exprs.number(k), power, db);
      return step("power rule: d(u^k) = k u^(k-1) du", e, result);
    }
    if (k < 0) {
      Expr inverse = new Expr.Inverse(k == -1 ? base : new Expr.Power(base, -k));
      Expr dInner = k == -1 ? db : d(new Expr.Power(base, -k));
      Expr result = neg(Exprs.product(inverse, dInner, inverse));
      return step("inverse: d(X^-1) = -X^-1 dX X^-1", e, result);
    }
    // d(X^k) has k terms, each with X twice and dX once: bounded before any term is built
    long n = (long) k;
    long size = n * (2 * NodeCounter.count(base) + NodeCounter.count(db) + 3);
    if (n > Limits.MAX_EXPRESSION_SIZE || size > Limits.MAX_EXPRESSION_SIZE) {
      throw NodeCounter.tooLarge("the differential");
    }
    List<Expr> terms = new ArrayList<>();
    for (int j = 0; j < n; j++) {
      List<Expr> factors = new ArrayList<>();
      if (j > 0) {
        factors.add(j == 1 ? base : new Expr.Power(base, j));
      }
      factors.add(db);
      if (n - 1 - j > 0) {
        factors.add(n - 1 - j == 1 ? base : new Expr.Power(base, (double) (n - 1 - j)));
      }
      terms.add(Exprs.product(factors));
    }
    return step("product rule for a matrix power: d(X^k) = sum of X^j dX X^(k-1-j)", e, Exprs.sum(terms));
  }

  @Override
  public Expr scalarPower(Expr.ScalarPower e) {
    Expr u = e.base();
    Expr v = e.exponent();
    Expr du = d(u);
    Expr dv = d(v);
    List<Expr> terms = new ArrayList<>();
    if (!Exprs.isZero(du)) {
      // v u^(v-1) du
      terms.add(Exprs.product(v, new Expr.ScalarPower(u, Exprs.sum(v, Exprs.number(-1))), du));
    }
    if (!Exprs.isZero(dv)) {
      // u^v log(u) dv
      terms.add(Exprs.product(e, new Expr.Apply(Expr.Function.LOG, u), dv));
    }
    String rule = Exprs.isZero(dv) ? "power rule: d(u^c) = c u^(c-1) du"
        : Exprs.isZero(du) ? "exponential: d(a^v) = a^v log(a) dv"
        : "power rule: d(u^v) = v u^(v-1) du + u^v log(u) dv";
    return step(rule, e, Exprs.sum(terms));
  }

  @Override
  public Expr elementPower(Expr.ElementPower e) {
    Expr result = Exprs.product(Exprs.number(e.exponent()), new Expr.Hadamard(List.of(
        new Expr.ElementPower(e.base(), e.exponent() - 1), d(e.base()))));
    return step("entry-wise power: d(u .^ k) = k u .^ (k-1) ⊙ du", e, result);
  }

  @Override
  public Expr hadamard(Expr.Hadamard e) {
    List<Expr> terms = productRule(e.factors(), Expr.Hadamard::new);
    Expr result = Exprs.sum(terms);
    return terms.size() > 1 ? step("product rule: d(X ⊙ Y) = dX ⊙ Y + X ⊙ dY", e, result) : result;
  }

  @Override
  public Expr hadamardQuotient(Expr.HadamardQuotient e) {
    Expr dn = d(e.numerator());
    Expr dd = d(e.denominator());
    List<Expr> terms = new ArrayList<>();
    if (!Exprs.isZero(dn)) {
      terms.add(new Expr.HadamardQuotient(dn, e.denominator()));
    }
    if (!Exprs.isZero(dd)) {
      terms.add(neg(new Expr.HadamardQuotient(new Expr.Hadamard(List.of(e.numerator(), dd)),
          new Expr.ElementPower(e.denominator(), 2))));
    }
    return step("quotient rule: d(X ⊘ Y) = dX ⊘ Y - (X ⊙ dY) ⊘ Y^2", e, Exprs.sum(terms));
  }

  @Override
  public Expr transpose(Expr.Transpose e) {
    return new Expr.Transpose(d(e.argument()));
  }

  @Override
  public Expr inverse(Expr.Inverse e) {
    Expr result = neg(Exprs.product(e, d(e.argument()), e));
    return step("inverse: d(X^-1) = -X^-1 dX X^-1", e, result);
  }

  @Override
  public Expr trace(Expr.Trace e) {
    return step("d tr = tr d", e, new Expr.Trace(d(e.argument())));
  }

  @Override
  public Expr det(Expr.Det e) {
    Expr result = Exprs.product(e, new Expr.Trace(
        Exprs.product(new Expr.Inverse(e.argument()), d(e.argument()))));
    return step("Jacobi's formula: d|X| = |X| tr(X^-1 dX)", e, result);
  }

  @Override
  public Expr logDet(Expr.LogDet e) {
    Expr result = new Expr.Trace(Exprs.product(new Expr.Inverse(e.argument()), d(e.argument())));
    return step("d log|X| = tr(X^-1 dX)", e, result);
  }

  @Override
  public Expr norm(Expr.Norm e) {
    Expr result = Exprs.product(new Expr.Inner(e.argument(), d(e.argument())), new Expr.Power(e, -1));
    return step("norm: d||X|| = <X, dX> / ||X||", e, result);
  }

  @Override
  public Expr sumAll(Expr.SumAll e) {
    return new Expr.SumAll(d(e.argument()));
  }

  @Override
  public Expr diag(Expr.Diag e) {
    return new Expr.Diag(d(e.argument()));
  }

  @Override
  public Expr softmax(Expr.Softmax e) {
    Expr dx = d(e.argument());
    Expr result = Exprs.sum(new Expr.Hadamard(List.of(e, dx)),
        neg(Exprs.product(e, new Expr.Transpose(e), dx)));
    return step("softmax: d softmax(x) = (diag(s) - s s') dx with s = softmax(x)", e, result);
  }

  @Override
  public Expr logSumExp(Expr.LogSumExp e) {
    Expr result = new Expr.Inner(new Expr.Softmax(e.argument()), d(e.argument()));
    return step("d logsumexp(x) = <softmax(x), dx>", e, result);
  }

  @Override
  public Expr kron(Expr.Kron e) {
    List<Expr> terms = new ArrayList<>();
    Expr dl = d(e.left());
    Expr dr = d(e.right());
    if (!Exprs.isZero(dl)) {
      terms.add(new Expr.Kron(dl, e.right()));
    }
    if (!Exprs.isZero(dr)) {
      terms.add(new Expr.Kron(e.left(), dr));
    }
    return step("product rule: d(A ⊗ B) = dA ⊗ B + A ⊗ dB", e, Exprs.sum(terms));
  }

  @Override
  public Expr vec(Expr.Vec e) {
    return new Expr.Vec(d(e.argument()));
  }

  @Override
  public Expr commutation(Expr.Commutation e) {
    return Exprs.ZERO;
  }

  @Override
  public Expr apply(Expr.Apply e) {
    Expr da = d(e.argument());
    Expr derivative = derivativeOf(e.function(), e.argument());
    boolean scalar = shapes.isScalar(e.argument());
    Expr result = scalar ? Exprs.product(derivative, da) : new Expr.Hadamard(List.of(derivative, da));
    // of a scalar the ordinary chain rule, as a teacher writes it: no ⊙, no "entry-wise"
    String rule;
    if (scalar) {
      String u = scalarLetter();
      rule = "chain rule, " + e.function().word() + " of a scalar: d f(" + u + ") = f'(" + u + ") d" + u;
    } else {
      rule = "chain rule, entry-wise " + e.function().word() + ": d f(X) = f'(X) ⊙ dX";
    }
    return step(RuleLetters.apart(rule, shapes.declarations(), variable.name()), e, result);
  }

  /** The scalar of the ordinary chain rule's formula: u, unless the problem names a u of its own. */
  private String scalarLetter() {
    for (String letter : List.of("u", "t", "s", "r")) {
      if (shapes.declarations().get(letter).isEmpty() && !letter.equals(variable.name())) {
        return letter;
      }
    }
    return "u";
  }

  @Override
  public Expr inner(Expr.Inner e) {
    Expr dl = d(e.left());
    Expr dr = d(e.right());
    List<Expr> terms = new ArrayList<>();
    if (!Exprs.isZero(dl)) {
      terms.add(new Expr.Inner(dl, e.right()));
    }
    if (!Exprs.isZero(dr)) {
      terms.add(new Expr.Inner(e.left(), dr));
    }
    Expr result = Exprs.sum(terms);
    return terms.size() > 1 ? step("product rule: d<X, Y> = <dX, Y> + <X, dY>", e, result) : result;
  }

  @Override
  public Expr matrixLiteral(Expr.MatrixLiteral e) {
    List<List<Expr>> rows = new ArrayList<>();
    for (List<Expr> row : e.rows()) {
      rows.add(row.stream().map(this::d).toList());
    }
    return new Expr.MatrixLiteral(rows);
  }

  @Override
  public Expr differential(Expr.Differential e) {
    return Exprs.ZERO;
  }

  static Size rowsOf(Shapes shapes, Expr e) {
    return shapes.of(e).rows();
  }
}
