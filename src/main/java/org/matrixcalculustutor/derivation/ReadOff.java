package org.matrixcalculustutor.derivation;

import java.util.ArrayList;
import java.util.List;
import org.matrixcalculustutor.algebra.Children;
import org.matrixcalculustutor.algebra.Expr;
import org.matrixcalculustutor.algebra.ExpressionException;
import org.matrixcalculustutor.algebra.Exprs;
import org.matrixcalculustutor.algebra.Shape;
import org.matrixcalculustutor.algebra.Shapes;

/**
 * Whether a line is written so that the derivative can be read off it without another step, and
 * what it reads: &lt;G, dX&gt; (also tr(G' dX), g' dx, dx' g, and sums and scalar multiples of
 * these) gives the gradient G; J dx the Jacobian J; c dt a derivative by a scalar. The reading is in
 * denominator layout, as {@link Problem#reading()}; a line in another form reads nothing (null).
 */
final class ReadOff {

  private final Expr.Symbol dX;
  private final Shapes shapes;

  private ReadOff(Expr.Symbol dX, Shapes shapes) {
    this.dX = dX;
    this.shapes = shapes;
  }

  /** The derivative the line reads off, in denominator layout, or null. */
  static Expr of(Problem problem, Expr line) {
    ReadOff reader = new ReadOff(problem.dX(), problem.shapes());
    try {
      return switch (problem.kind()) {
        case SCALAR_BY_VECTOR, SCALAR_BY_MATRIX -> reader.gradient(line);
        case VECTOR_BY_VECTOR -> transposed(reader.jacobian(line));
        case VECTOR_BY_SCALAR -> transposed(reader.byScalar(line));
        case SCALAR_BY_SCALAR, MATRIX_BY_SCALAR -> reader.byScalar(line);
        default -> null;
      };
    } catch (ExpressionException notTyped) {
      return null; // a part the shapes do not type reads nothing
    }
  }

  private static Expr transposed(Expr e) {
    return e == null ? null : Exprs.transpose(e);
  }

  private boolean free(Expr e) {
    return !Children.any(e, node -> node.equals(dX));
  }

  private boolean free(List<Expr> factors) {
    return factors.stream().allMatch(this::free);
  }

  private boolean isDx(Expr e) {
    return e.equals(dX);
  }

  private boolean isDxTransposed(Expr e) {
    return e instanceof Expr.Transpose t && isDx(t.argument());
  }

  /** G of df = &lt;G, dX&gt;, or null. */
  private Expr gradient(Expr e) {
    if (e instanceof Expr.Sum sum) {
      return each(sum.terms(), this::gradient);
    }
    if (e instanceof Expr.Inner inner) {
      if (isDx(inner.right()) && free(inner.left())) {
        return inner.left(); // <G, dX>
      }
      if (isDx(inner.left()) && free(inner.right())) {
        return inner.right(); // <dX, G>
      }
      return null;
    }
    if (e instanceof Expr.Trace trace) {
      return traceForm(trace.argument());
    }
    if (e instanceof Expr.Product product) {
      List<Expr> f = product.factors();
      Expr first = f.get(0);
      Expr last = f.get(f.size() - 1);
      List<Expr> rest = f.subList(1, f.size());
      List<Expr> prefix = f.subList(0, f.size() - 1);
      if (isDx(last) && free(prefix) && shapes.of(Exprs.product(prefix)).isRow()) {
        return Exprs.transpose(Exprs.product(prefix)); // g' dx
      }
      if (isDxTransposed(first) && free(rest) && shapes.of(Exprs.product(rest)).isColumn()) {
        return Exprs.product(rest); // dx' g
      }
      return scaled(f, this::gradient);
    }
    return null;
  }

  /** G of tr(M), M a product with dX (or dX') first or last. */
  private Expr traceForm(Expr m) {
    if (isDx(m)) {
      return new Expr.Identity(shapes.of(m).rows()); // tr(dX) = <I, dX>
    }
    if (!(m instanceof Expr.Product product)) {
      return null;
    }
    List<Expr> f = product.factors();
    List<Expr> rest = f.subList(1, f.size());
    List<Expr> prefix = f.subList(0, f.size() - 1);
    Expr first = f.get(0);
    Expr last = f.get(f.size() - 1);
    if (isDx(last) && free(prefix)) {
      return Exprs.transpose(Exprs.product(prefix)); // tr(G' dX)
    }
    if (isDxTransposed(first) && free(rest)) {
      return Exprs.product(rest); // tr(dX' G)
    }
    if (isDx(first) && free(rest)) {
      return Exprs.transpose(Exprs.product(rest)); // tr(dX M) = tr(M dX)
    }
    if (isDxTransposed(last) && free(prefix)) {
      return Exprs.product(prefix); // tr(G dX') = tr(dX G')
    }
    return null;
  }

  /** c * form: the scalars c times what form reads, when one factor reads and the others are scalars. */
  private Expr scaled(List<Expr> factors, java.util.function.Function<Expr, Expr> form) {
    int reading = -1;
    for (int i = 0; i < factors.size(); i++) {
      Expr factor = factors.get(i);
      if (!free(factor)) {
        if (reading >= 0) {
          return null;
        }
        reading = i;
      } else if (!shapes.of(factor).isScalar()) {
        return null;
      }
    }
    if (reading < 0) {
      return null;
    }
    Expr inner = form.apply(factors.get(reading));
    if (inner == null) {
      return null;
    }
    List<Expr> scalars = new ArrayList<>(factors);
    scalars.remove(reading);
    scalars.add(inner);
    return Exprs.product(scalars);
  }

  /** J of dy = J dx, or null. */
  private Expr jacobian(Expr e) {
    if (e instanceof Expr.Sum sum) {
      return each(sum.terms(), this::jacobian);
    }
    if (isDx(e)) {
      return new Expr.Identity(shapes.of(e).rows());
    }
    if (e instanceof Expr.Product product) {
      List<Expr> f = product.factors();
      List<Expr> prefix = f.subList(0, f.size() - 1);
      if (isDx(f.get(f.size() - 1)) && free(prefix)) {
        return Exprs.product(prefix);
      }
    }
    return null;
  }

  /** T of df = T dt for a scalar t (its place in the product is free: dt is a number), or null. */
  private Expr byScalar(Expr e) {
    if (e instanceof Expr.Sum sum) {
      return each(sum.terms(), this::byScalar);
    }
    if (isDx(e)) {
      return Exprs.ONE;
    }
    if (e instanceof Expr.Product product) {
      List<Expr> others = new ArrayList<>();
      int found = 0;
      for (Expr factor : product.factors()) {
        if (isDx(factor)) {
          found++;
        } else if (free(factor)) {
          others.add(factor);
        } else {
          return null;
        }
      }
      return found == 1 ? Exprs.product(others) : null;
    }
    return null;
  }

  private static Expr each(List<Expr> terms, java.util.function.Function<Expr, Expr> form) {
    List<Expr> read = new ArrayList<>();
    for (Expr term : terms) {
      Expr r = form.apply(term);
      if (r == null) {
        return null;
      }
      read.add(r);
    }
    return Exprs.sum(read);
  }

  /** Whether the line is of a form the derivative is read off. */
  static boolean isReadOff(Problem problem, Expr line) {
    return of(problem, line) != null;
  }

  /** The shape a reading must have: of X for a gradient (denominator layout). */
  static Shape shapeOf(Problem problem, Expr reading) {
    return problem.shapes().of(reading);
  }
}
