package org.matrixcalculustutor.algebra;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/** The children of a node, and the node rebuilt with its children mapped (same instance if unchanged). */
public final class Children implements Expr.Visitor<Expr> {

  private final UnaryOperator<Expr> f;

  private Children(UnaryOperator<Expr> f) {
    this.f = f;
  }

  /** e with f applied to each direct child. */
  public static Expr map(Expr e, UnaryOperator<Expr> f) {
    return isLeaf(e) ? e : e.accept(new Children(f)); // half of a tree's nodes are leaves
  }

  /** Whether e has no children. */
  public static boolean isLeaf(Expr e) {
    return e instanceof Expr.Symbol || e instanceof Expr.Number || e instanceof Expr.Identity
        || e instanceof Expr.Ones || e instanceof Expr.Zeros || e instanceof Expr.Commutation
        || e instanceof Expr.Differential;
  }

  /**
   * The direct children of e, in order: the lists a node holds as they are, no copy. Always the one
   * list class, so that the walks over children call it directly, not through an interface stub.
   */
  public static List<Expr> of(Expr e) {
    return e.accept(LISTING);
  }

  private static final Expr.Visitor<List<Expr>> LISTING = new Listing();

  /** root with the node target (this very instance) replaced by replacement: an edit of one place. */
  public static Expr replace(Expr root, Expr target, Expr replacement) {
    if (root == target) {
      return replacement;
    }
    return map(root, child -> replace(child, target, replacement));
  }

  /** A place in a tree: a node, and which of its occurrences, as a tree may share one node in several places. */
  public record Place(Expr node, int occurrence) {}

  /** Every place of e whose node matches test, parents before children, left to right. */
  public static List<Place> places(Expr e, Predicate<Expr> test) {
    Map<Expr, Integer> seen = new IdentityHashMap<>();
    List<Place> places = new ArrayList<>();
    for (Expr node : nodes(e, test)) {
      places.add(new Place(node, seen.merge(node, 1, Integer::sum) - 1));
    }
    return places;
  }

  /** root with its node at place replaced by replacement, there only: x - a in (x - a)/||x - a|| once. */
  public static Expr replace(Expr root, Place place, Expr replacement) {
    return replaceAt(root, place.node(), new int[] {place.occurrence()}, replacement);
  }

  private static Expr replaceAt(Expr e, Expr target, int[] before, Expr replacement) {
    if (e == target) {
      return before[0]-- == 0 ? replacement : e; // a node does not hold itself: no need to look inside
    }
    if (before[0] < 0) {
      return e;
    }
    return map(e, child -> replaceAt(child, target, before, replacement));
  }

  /** Every node of e matching test, parents before children, left to right. */
  public static List<Expr> nodes(Expr e, Predicate<Expr> test) {
    List<Expr> found = new ArrayList<>();
    collect(e, test, found);
    return found;
  }

  private static void collect(Expr e, Predicate<Expr> test, List<Expr> into) {
    if (test.test(e)) {
      into.add(e);
    }
    List<Expr> children = of(e);
    for (int i = 0; i < children.size(); i++) {
      collect(children.get(i), test, into);
    }
  }

  /** Whether e or any node below it satisfies test. */
  public static boolean any(Expr e, Predicate<Expr> test) {
    if (test.test(e)) {
      return true;
    }
    List<Expr> children = of(e); // by index: no iterator per node
    for (int i = 0; i < children.size(); i++) {
      Expr child = children.get(i);
      if (any(child, test)) {
        return true;
      }
    }
    return false;
  }

  /** Whether every direct child of e satisfies test (a leaf has none). */
  public static boolean all(Expr e, Predicate<Expr> test) {
    List<Expr> children = of(e); // by index: no iterator per node
    for (int i = 0; i < children.size(); i++) {
      Expr child = children.get(i);
      if (!test.test(child)) {
        return false;
      }
    }
    return true;
  }

  /** e with every node rebuilt bottom-up through f. */
  public static Expr bottomUp(Expr e, UnaryOperator<Expr> f) {
    return f.apply(map(e, child -> bottomUp(child, f)));
  }

  /** f on each element; list itself when nothing changed (copied only from the first change on). */
  private List<Expr> all(List<Expr> list) {
    List<Expr> out = null;
    for (int i = 0; i < list.size(); i++) {
      Expr x = list.get(i);
      Expr y = f.apply(x);
      if (out == null && y != x) {
        out = new ArrayList<>(list.size());
        out.addAll(list.subList(0, i));
      }
      if (out != null) {
        out.add(y);
      }
    }
    return out == null ? list : out;
  }

  @Override
  public Expr symbol(Expr.Symbol e) {
    return e;
  }

  @Override
  public Expr number(Expr.Number e) {
    return e;
  }

  @Override
  public Expr identity(Expr.Identity e) {
    return e;
  }

  @Override
  public Expr ones(Expr.Ones e) {
    return e;
  }

  @Override
  public Expr zeros(Expr.Zeros e) {
    return e;
  }

  @Override
  public Expr sum(Expr.Sum e) {
    List<Expr> terms = all(e.terms());
    return terms == e.terms() ? e : new Expr.Sum(terms);
  }

  @Override
  public Expr product(Expr.Product e) {
    List<Expr> factors = all(e.factors());
    return factors == e.factors() ? e : new Expr.Product(factors);
  }

  @Override
  public Expr power(Expr.Power e) {
    Expr base = f.apply(e.base());
    return base == e.base() ? e : new Expr.Power(base, e.exponent());
  }

  @Override
  public Expr scalarPower(Expr.ScalarPower e) {
    Expr base = f.apply(e.base());
    Expr exponent = f.apply(e.exponent());
    return base == e.base() && exponent == e.exponent() ? e : new Expr.ScalarPower(base, exponent);
  }

  @Override
  public Expr elementPower(Expr.ElementPower e) {
    Expr base = f.apply(e.base());
    return base == e.base() ? e : new Expr.ElementPower(base, e.exponent());
  }

  @Override
  public Expr hadamard(Expr.Hadamard e) {
    List<Expr> factors = all(e.factors());
    return factors == e.factors() ? e : new Expr.Hadamard(factors);
  }

  @Override
  public Expr hadamardQuotient(Expr.HadamardQuotient e) {
    Expr n = f.apply(e.numerator());
    Expr d = f.apply(e.denominator());
    return n == e.numerator() && d == e.denominator() ? e : new Expr.HadamardQuotient(n, d);
  }

  @Override
  public Expr transpose(Expr.Transpose e) {
    Expr a = f.apply(e.argument());
    return a == e.argument() ? e : new Expr.Transpose(a);
  }

  @Override
  public Expr inverse(Expr.Inverse e) {
    Expr a = f.apply(e.argument());
    return a == e.argument() ? e : new Expr.Inverse(a);
  }

  @Override
  public Expr trace(Expr.Trace e) {
    Expr a = f.apply(e.argument());
    return a == e.argument() ? e : new Expr.Trace(a);
  }

  @Override
  public Expr det(Expr.Det e) {
    Expr a = f.apply(e.argument());
    return a == e.argument() ? e : new Expr.Det(a);
  }

  @Override
  public Expr logDet(Expr.LogDet e) {
    Expr a = f.apply(e.argument());
    return a == e.argument() ? e : new Expr.LogDet(a);
  }

  @Override
  public Expr norm(Expr.Norm e) {
    Expr a = f.apply(e.argument());
    return a == e.argument() ? e : new Expr.Norm(a);
  }

  @Override
  public Expr sumAll(Expr.SumAll e) {
    Expr a = f.apply(e.argument());
    return a == e.argument() ? e : new Expr.SumAll(a);
  }

  @Override
  public Expr diag(Expr.Diag e) {
    Expr a = f.apply(e.argument());
    return a == e.argument() ? e : new Expr.Diag(a);
  }

  @Override
  public Expr softmax(Expr.Softmax e) {
    Expr a = f.apply(e.argument());
    return a == e.argument() ? e : new Expr.Softmax(a);
  }

  @Override
  public Expr logSumExp(Expr.LogSumExp e) {
    Expr a = f.apply(e.argument());
    return a == e.argument() ? e : new Expr.LogSumExp(a);
  }

  @Override
  public Expr vec(Expr.Vec e) {
    Expr a = f.apply(e.argument());
    return a == e.argument() ? e : new Expr.Vec(a);
  }

  @Override
  public Expr kron(Expr.Kron e) {
    Expr l = f.apply(e.left());
    Expr r = f.apply(e.right());
    return l == e.left() && r == e.right() ? e : new Expr.Kron(l, r);
  }

  @Override
  public Expr commutation(Expr.Commutation e) {
    return e;
  }

  @Override
  public Expr apply(Expr.Apply e) {
    Expr a = f.apply(e.argument());
    return a == e.argument() ? e : new Expr.Apply(e.function(), a);
  }

  @Override
  public Expr inner(Expr.Inner e) {
    Expr l = f.apply(e.left());
    Expr r = f.apply(e.right());
    return l == e.left() && r == e.right() ? e : new Expr.Inner(l, r);
  }

  @Override
  public Expr matrixLiteral(Expr.MatrixLiteral e) {
    List<List<Expr>> rows = new ArrayList<>();
    boolean changed = false;
    for (List<Expr> row : e.rows()) {
      List<Expr> mapped = all(row);
      changed |= mapped != row;
      rows.add(mapped);
    }
    return changed ? new Expr.MatrixLiteral(rows) : e;
  }

  @Override
  public Expr differential(Expr.Differential e) {
    return e;
  }

  /** The children of each kind of node, as a list (a list per call for the binary nodes and the literal). */
  private static final class Listing implements Expr.Visitor<List<Expr>> {

    @Override
    public List<Expr> symbol(Expr.Symbol e) {
      return ExprList.EMPTY;
    }

    @Override
    public List<Expr> number(Expr.Number e) {
      return ExprList.EMPTY;
    }

    @Override
    public List<Expr> identity(Expr.Identity e) {
      return ExprList.EMPTY;
    }

    @Override
    public List<Expr> ones(Expr.Ones e) {
      return ExprList.EMPTY;
    }

    @Override
    public List<Expr> zeros(Expr.Zeros e) {
      return ExprList.EMPTY;
    }

    @Override
    public List<Expr> commutation(Expr.Commutation e) {
      return ExprList.EMPTY;
    }

    @Override
    public List<Expr> differential(Expr.Differential e) {
      return ExprList.EMPTY;
    }

    @Override
    public List<Expr> sum(Expr.Sum e) {
      return e.terms();
    }

    @Override
    public List<Expr> product(Expr.Product e) {
      return e.factors();
    }

    @Override
    public List<Expr> hadamard(Expr.Hadamard e) {
      return e.factors();
    }

    @Override
    public List<Expr> power(Expr.Power e) {
      return ExprList.of(e.base());
    }

    @Override
    public List<Expr> elementPower(Expr.ElementPower e) {
      return ExprList.of(e.base());
    }

    @Override
    public List<Expr> scalarPower(Expr.ScalarPower e) {
      return ExprList.of(e.base(), e.exponent());
    }

    @Override
    public List<Expr> hadamardQuotient(Expr.HadamardQuotient e) {
      return ExprList.of(e.numerator(), e.denominator());
    }

    @Override
    public List<Expr> kron(Expr.Kron e) {
      return ExprList.of(e.left(), e.right());
    }

    @Override
    public List<Expr> inner(Expr.Inner e) {
      return ExprList.of(e.left(), e.right());
    }

    @Override
    public List<Expr> matrixLiteral(Expr.MatrixLiteral e) {
      List<Expr> entries = new ArrayList<>();
      e.rows().forEach(entries::addAll);
      return ExprList.of(entries);
    }

    @Override
    public List<Expr> transpose(Expr.Transpose e) {
      return ExprList.of(e.argument());
    }

    @Override
    public List<Expr> inverse(Expr.Inverse e) {
      return ExprList.of(e.argument());
    }

    @Override
    public List<Expr> trace(Expr.Trace e) {
      return ExprList.of(e.argument());
    }

    @Override
    public List<Expr> det(Expr.Det e) {
      return ExprList.of(e.argument());
    }

    @Override
    public List<Expr> logDet(Expr.LogDet e) {
      return ExprList.of(e.argument());
    }

    @Override
    public List<Expr> norm(Expr.Norm e) {
      return ExprList.of(e.argument());
    }

    @Override
    public List<Expr> sumAll(Expr.SumAll e) {
      return ExprList.of(e.argument());
    }

    @Override
    public List<Expr> diag(Expr.Diag e) {
      return ExprList.of(e.argument());
    }

    @Override
    public List<Expr> softmax(Expr.Softmax e) {
      return ExprList.of(e.argument());
    }

    @Override
    public List<Expr> logSumExp(Expr.LogSumExp e) {
      return ExprList.of(e.argument());
    }

    @Override
    public List<Expr> vec(Expr.Vec e) {
      return ExprList.of(e.argument());
    }

    @Override
    public List<Expr> apply(Expr.Apply e) {
      return ExprList.of(e.argument());
    }
  }
}
