package org.matrixcalculustutor.numeric;

import java.util.ArrayList;
import java.util.List;
import org.matrixcalculustutor.algebra.Children;
import org.matrixcalculustutor.algebra.Declaration;
import org.matrixcalculustutor.algebra.Declarations;
import org.matrixcalculustutor.algebra.Expr;
import org.matrixcalculustutor.algebra.ExpressionException;
import org.matrixcalculustutor.algebra.Shape;
import org.matrixcalculustutor.algebra.ShapeChecker;
import org.matrixcalculustutor.algebra.Size;

/**
 * What a numeric check evaluates: a whole-number size larger than the random points draw (such as
 * X: matrix 64 x 64) becomes a size name, in the declarations and in the expressions alike, so
 * the check costs what sizes 2..7 cost whatever the declarations say. Every rule of the engine
 * holds for all sizes, so agreement at small sizes is the same evidence. Where a size is part of
 * the expression itself (a matrix literal of that size), the declared sizes are kept.
 */
final class SampleSizes {

  /** The declarations and expressions to evaluate, in the order given. */
  record Problem(Declarations declarations, List<Expr> exprs) {}

  private SampleSizes() {}

  static Problem of(Declarations declarations, Expr... exprs) {
    List<Expr> given = List.of(exprs);
    if (!resizes(declarations)) {
      return new Problem(declarations, given);
    }
    List<Declaration> renamed = new ArrayList<>();
    for (Declaration d : declarations.all()) {
      renamed.add(new Declaration(d.name(), new Shape(small(d.shape().rows()), small(d.shape().cols())),
          d.properties()));
    }
    Declarations sampled = Declarations.of(renamed);
    List<Expr> rewritten = given.stream().map(SampleSizes::small).toList();
    try {
      for (Expr e : rewritten) {
        ShapeChecker.check(e, sampled);
      }
    } catch (ExpressionException sizeIsPartOfTheExpression) {
      return new Problem(declarations, given);
    }
    return new Problem(sampled, rewritten);
  }

  /** Whether some declared whole-number size is larger than the points draw: then expressions are rewritten. */
  static boolean resizes(Declarations declarations) {
    for (Declaration d : declarations.all()) {
      if (isLarge(d.shape().rows()) || isLarge(d.shape().cols())) {
        return true;
      }
    }
    return false;
  }

  private static boolean isLarge(Size size) {
    return size instanceof Size.Fixed f && f.value() > RandomBindings.LARGEST_SIZE;
  }

  /** A large whole-number size as a name that no declaration can use (names are letters and digits). */
  private static Size small(Size size) {
    return isLarge(size) ? new Size.Named("n=" + size) : size;
  }

  private static Expr small(Expr e) {
    return Children.bottomUp(e, node -> {
      if (node instanceof Expr.Identity i && i.size() != null && isLarge(i.size())) {
        return new Expr.Identity(small(i.size()));
      }
      if (node instanceof Expr.Ones o && o.size() != null && isLarge(o.size())) {
        return new Expr.Ones(small(o.size()));
      }
      if (node instanceof Expr.Zeros z && ((z.rows() != null && isLarge(z.rows()))
          || (z.cols() != null && isLarge(z.cols())))) {
        return new Expr.Zeros(z.rows() == null ? null : small(z.rows()), z.cols() == null ? null : small(z.cols()));
      }
      return node;
    });
  }
}
