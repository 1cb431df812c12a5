package org.matrixcalculustutor.calculus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.matrixcalculustutor.algebra.Children;
import org.matrixcalculustutor.algebra.Expr;
import org.matrixcalculustutor.algebra.ExpressionException;
import org.matrixcalculustutor.algebra.Exprs;
import org.matrixcalculustutor.algebra.NodeCounter;
import org.matrixcalculustutor.algebra.Shape;
import org.matrixcalculustutor.algebra.Shapes;
import org.matrixcalculustutor.algebra.Size;
import org.matrixcalculustutor.algebra.TextPrinter;

/**
 * Reads a derivative off a differential through vec (Magnus and Neudecker's first identification
 * theorem): for dF linear in dX, vec(dF) = J vec(dX) gives the Jacobian J, pq x mn for F p x q and
 * X m x n, in numerator layout. Each term is taken apart with one rule at a time, and each rule
 * that fires is one step of the derivation:
 *
 * <ul>
 *   <li>vec(A U B) = (B' ⊗ A) vec(U), and vec(A u) = A u for a column u;
 *   <li>vec(dX') = K vec(dX), K the commutation matrix;
 *   <li>vec(A ⊙ U) = diag(vec(A)) vec(U), vec(U ⊘ A) = diag(vec(A .^ -1)) vec(U);
 *   <li>vec(s M) = vec(M) s for a scalar s, and a scalar s = vec(G)' vec(dX) with G its gradient;
 *   <li>vec(diag(u)) = diag(vec(I)) (1 ⊗ I) u and diag(M) = (1 ⊗ I)' diag(vec(I)) vec(M);
 *   <li>the chain rule: when U is not dX itself, J = J_outer J_U, a product of Jacobians.
 * </ul>
 */
final class VecJacobian {

  static final String KRONECKER = "vec(AXB) = (B' ⊗ A) vec(X)";
  static final String COMMUTATION = "vec(dX') = K vec(dX) (the commutation matrix)";
  static final String HADAMARD = "vec(A ⊙ dX) = diag(vec(A)) vec(dX)";
  static final String CHAIN = "chain rule: the Jacobian of a composition is the product of the Jacobians";

  private final Expr.Differential dx;
  private final Shapes shapes;
  /** Symbols printed as others in the steps: a second differential's mark printed as the variable. */
  private final Map<Expr.Symbol, Expr> shownAs;
  private final Size vecSize;
  private final List<Step> steps = new ArrayList<>();

  VecJacobian(Expr.Differential dx, Shapes shapes, Map<Expr.Symbol, Expr> shownAs) {
    this.dx = dx;
    this.shapes = shapes;
    this.shownAs = Map.copyOf(shownAs);
    Shape x = shapes.of(dx);
    this.vecSize = Size.product(x.rows(), x.cols());
  }

  /** The steps the readings so far took, outermost rule first. */
  List<Step> steps() {
    return steps;
  }

  /** J with vec(q) = J vec(dX), for q linear in dX; 0 when q has no dX. */
  Expr of(Expr q) {
    Expr j = read(q);
    return NodeCounter.requireWithinLimit(j, "the vec Jacobian");
  }

  private boolean hasDx(Expr e) {
    return Children.any(e, x -> x.equals(dx));
  }

  private Expr read(Expr q) {
    if (!hasDx(q)) {
      return Exprs.ZERO;
    }
    if (q.equals(dx)) {
      return new Expr.Identity(vecSize);
    }
    if (q instanceof Expr.Sum s) {
      List<Expr> terms = new ArrayList<>();
      for (Expr term : s.terms()) {
        Expr j = read(term);
        if (!Exprs.isZero(j)) {
          terms.add(j);
        }
      }
      return NodeCounter.requireWithinLimit(Exprs.sum(terms), "the vec Jacobian");
    }
    if (shapes.isScalar(q)) {
      return scalar(q);
    }
    if (q instanceof Expr.Transpose t) {
      return transpose(q, t.argument());
    }
    if (q instanceof Expr.Product p) {
      return product(q, p.factors());
    }
    if (q instanceof Expr.Hadamard h) {
      List<Expr> others = h.factors().stream().filter(f -> !hasDx(f)).toList();
      if (h.factors().size() - others.size() != 1) {
        throw notLinear(q);
      }
      Expr inner = h.factors().stream().filter(this::hasDx).findFirst().orElseThrow();
      Expr scale = others.size() == 1 ? others.get(0) : new Expr.Hadamard(others);
      return outer(HADAMARD, q, new Expr.Diag(new Expr.Vec(scale)), inner);
    }
    if (q instanceof Expr.HadamardQuotient hq && !hasDx(hq.denominator())) {
      Expr scale = new Expr.Diag(new Expr.Vec(new Expr.ElementPower(hq.denominator(), -1)));
      return outer("vec(dX ⊘ A) = diag(vec(A .^ -1)) vec(dX)", q, scale, hq.numerator());
    }
    if (q instanceof Expr.Vec v) {
      return read(v.argument());
    }
    if (q instanceof Expr.Diag d) {
      Shape inner = shapes.of(d.argument());
      Size n = inner.rows();
      Expr selector = new Expr.Diag(new Expr.Vec(new Expr.Identity(n)));
      Expr copies = new Expr.Kron(new Expr.Ones(n), new Expr.Identity(n));
      if (inner.isColumn()) {
        return outer("vec(diag(u)) = diag(vec(I)) (1 ⊗ I) u", q, Exprs.product(selector, copies), d.argument());
      }
      return outer("diag(M) = (1 ⊗ I)' diag(vec(I)) vec(M)", q,
          Exprs.product(Exprs.transpose(copies), selector), d.argument());
    }
    if (q instanceof Expr.MatrixLiteral m && m.rows().stream().flatMap(List::stream).allMatch(shapes::isScalar)) {
      // vec stacks the columns: entry (i, j) is row i + p j of the Jacobian
      List<List<Expr>> rows = new ArrayList<>();
      int width = m.rows().get(0).size();
      for (int j = 0; j < width; j++) {
        for (List<Expr> row : m.rows()) {
          Expr entry = read(row.get(j));
          rows.add(List.of(Exprs.isZero(entry) ? zeroRow() : entry));
        }
      }
      return new Expr.MatrixLiteral(rows);
    }
    throw new ExpressionException("cannot read the vec Jacobian off through " + describe(q)
        + ": the engine reads off sums, products, transposes, entry-wise products and quotients, diag,"
        + " vec and scalar terms");
  }

  /** A scalar term s = <G, dX> = vec(G)' vec(dX): its Jacobian is the row vec(G)'. */
  private Expr scalar(Expr q) {
    TraceTrick reading = new TraceTrick(dx, shapes);
    Expr gradient = Exprs.sum(reading.gradientTerms(Exprs.ONE, q));
    Expr j = Exprs.transpose(new Expr.Vec(gradient));
    record("a scalar term: s = <G, dX> = vec(G)' vec(dX)", q, j, dx);
    return j;
  }

  private Expr transpose(Expr q, Expr inner) {
    Shape shape = shapes.of(inner);
    if (shape.cols().isOne() && inner.equals(dx)) {
      return new Expr.Identity(vecSize); // vec(dx') = dx
    }
    Expr k = new Expr.Commutation(shape.rows(), shape.cols());
    return outer(inner.equals(dx) ? COMMUTATION : "vec(A') = K vec(A) (the commutation matrix)", q, k, inner);
  }

  /** vec(s A U B) for the one factor U that holds dX. */
  private Expr product(Expr q, List<Expr> factors) {
    int index = -1;
    for (int i = 0; i < factors.size(); i++) {
      if (hasDx(factors.get(i))) {
        if (index >= 0) {
          throw notLinear(q);
        }
        index = i;
      }
    }
    Expr inner = factors.get(index);
    if (inner instanceof Expr.Sum s) {
      // L (a + b) R = L a R + L b R
      List<Expr> terms = new ArrayList<>();
      for (Expr term : s.terms()) {
        List<Expr> distributed = new ArrayList<>(factors);
        distributed.set(index, term);
        terms.add(Exprs.product(distributed));
      }
      return read(NodeCounter.requireWithinLimit(Exprs.sum(terms), "the vec Jacobian"));
    }
    List<Expr> others = new ArrayList<>(factors);
    others.remove(index);
    if (shapes.isScalar(inner)) {
      // vec(s M) = vec(M) s, and s = vec(G)' vec(dX)
      Expr rest = Exprs.product(others);
      return outer("vec(s M) = vec(M) s for a scalar s", q, new Expr.Vec(rest), inner);
    }
    List<Expr> scalars = new ArrayList<>();
    List<Expr> left = new ArrayList<>();
    List<Expr> right = new ArrayList<>();
    for (int i = 0; i < factors.size(); i++) {
      Expr f = factors.get(i);
      if (i == index) {
        continue;
      }
      if (shapes.isScalar(f)) {
        scalars.add(f);
      } else {
        (i < index ? left : right).add(f);
      }
    }
    Shape u = shapes.of(inner);
    if (left.isEmpty() && right.isEmpty()) {
      List<Expr> scaled = new ArrayList<>(scalars);
      scaled.add(new Expr.Identity(Size.product(u.rows(), u.cols()))); // c I: a matrix, even when U is dX
      return outer("vec(c U) = c vec(U) for a scalar c", q, Exprs.product(scaled), inner);
    }
    Expr a = left.isEmpty() ? null : Exprs.product(left);
    Expr b = right.isEmpty() ? null : Exprs.product(right);
    String rule = KRONECKER;
    Expr j;
    if (b == null && u.cols().isOne()) {
      rule = "vec(A u) = A u for a column u";
      j = a;
    } else {
      j = new Expr.Kron(b == null ? new Expr.Identity(u.cols()) : Exprs.transpose(b),
          a == null ? new Expr.Identity(u.rows()) : a);
    }
    if (!scalars.isEmpty()) {
      List<Expr> scaled = new ArrayList<>(scalars);
      scaled.add(j);
      j = Exprs.product(scaled);
    }
    return outer(rule, q, j, inner);
  }

  /** vec(q) = outer vec(inner): the rule's step, then the chain rule through inner unless it is dX. */
  private Expr outer(String rule, Expr q, Expr outer, Expr inner) {
    record(rule, q, outer, inner);
    if (inner.equals(dx)) {
      return outer;
    }
    Expr innerJacobian = read(inner);
    Expr j = NodeCounter.requireWithinLimit(Exprs.product(outer, innerJacobian), "the vec Jacobian");
    steps.add(line(CHAIN, q, j, dx));
    return j;
  }

  private void record(String rule, Expr q, Expr j, Expr inner) {
    steps.add(line(rule, q, j, inner));
  }

  private Expr zeroRow() {
    return new Expr.Transpose(new Expr.Zeros(vecSize, Size.ONE));
  }

  /** vec(q) = J vec(u), by rule; a product J is written out, so that only a sum or a Kronecker factor has brackets. */
  private Step line(String rule, Expr q, Expr j, Expr u) {
    List<Expr> factors = new ArrayList<>(j instanceof Expr.Product p ? p.factors() : List.of(j));
    factors.add(new Expr.Vec(u));
    return Step.of(rule, new Expr.Vec(q), new Expr.Product(factors), shownAs);
  }

  private static String describe(Expr e) {
    String text = TextPrinter.print(e);
    return text.length() > 60 ? text.substring(0, 57) + "..." : text;
  }

  private static ExpressionException notLinear(Expr q) {
    return new ExpressionException("the differential " + describe(q) + " is not linear in the variable's differential");
  }
}
