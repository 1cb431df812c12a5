package org.matrixcalculustutor.algebra;

import java.util.IdentityHashMap;

/**
 * Shapes of expressions built during simplification and differentiation, for symbols whose
 * declarations are complete. Cached by node identity: rebuilt trees share their unchanged nodes.
 */
public final class Shapes {

  private final Declarations declarations;
  private final IdentityHashMap<Expr, Shape> cache = new IdentityHashMap<>();

  public Shapes(Declarations declarations) {
    this.declarations = declarations;
  }

  public Declarations declarations() {
    return declarations;
  }

  public Shape of(Expr e) {
    Shape known = cache.get(e);
    if (known == null) {
      Typing typing = ShapeChecker.check(e, declarations);
      cache.putAll(typing.shapes());
      known = typing.shape();
    }
    return known;
  }

  /**
   * Whether factor, a product, can be spliced into a product around it: not when it is a scalar
   * made of non-scalars, such as x'*x, since 2*B*(x'*x) spliced is 2*B*x'*x, B times a row vector.
   */
  public boolean splices(Expr factor) {
    return factor instanceof Expr.Product inner
        && !(isScalar(inner) && inner.factors().stream().anyMatch(f -> !isScalar(f)))
        && !startsWithScalarRun(inner);
  }

  /**
   * Whether the product starts with a row that a later column turns into a scalar, as x'*a in
   * x'*a*B: spliced after a matrix M it would read M*x', which does not multiply.
   */
  private boolean startsWithScalarRun(Expr.Product p) {
    Expr first = p.factors().stream().filter(f -> !isScalar(f)).findFirst().orElse(null);
    return first != null && of(first).rows().isOne() && !of(p).rows().isOne();
  }

  /** Whether the factors of e multiply to a scalar on their own; false for a run such as dx*y that does not multiply. */
  public boolean multipliesToScalar(Expr e) {
    try {
      return isScalar(e);
    } catch (ExpressionException notAProduct) {
      return false;
    }
  }

  public boolean isScalar(Expr e) {
    return e instanceof Expr.Number || of(e).isScalar();
  }

  /** Whether e is a symbol declared orthogonal: Q'Q = QQ' = I. */
  public boolean isOrthogonal(Expr e) {
    return e instanceof Expr.Symbol s && declarations.has(s.name(), Property.ORTHOGONAL);
  }

  /** Whether e equals its transpose: declared symmetric, spd or diagonal, or built so (X'X, inv(S)). */
  public boolean isSymmetric(Expr e) {
    if (e instanceof Expr.Symbol s) {
      return declarations.has(s.name(), Property.SYMMETRIC) || of(e).isScalar();
    }
    if (e instanceof Expr.Identity || e instanceof Expr.Number) {
      return true;
    }
    if (e instanceof Expr.Inverse inv) {
      return isSymmetric(inv.argument());
    }
    if (e instanceof Expr.Power p) {
      return isSymmetric(p.base());
    }
    if (e instanceof Expr.Diag d) {
      return of(d.argument()).isColumn();
    }
    if (e instanceof Expr.Sum s) {
      return s.terms().stream().allMatch(this::isSymmetric);
    }
    if (e instanceof Expr.Kron k) {
      return isSymmetric(k.left()) && isSymmetric(k.right());
    }
    if (e instanceof Expr.Commutation k) {
      return k.rows().equals(k.cols()); // K(n, n)' = K(n, n)
    }
    if (e instanceof Expr.Product p) {
      // A palindrome up to transposes: B' M B with M symmetric, X'X, c*S.
      var factors = p.factors().stream().filter(f -> !isScalar(f)).toList();
      int n = factors.size();
      for (int i = 0; i < n / 2; i++) {
        if (!new Expr.Transpose(factors.get(i)).equals(factors.get(n - 1 - i))
            && !factors.get(i).equals(new Expr.Transpose(factors.get(n - 1 - i)))) {
          return false;
        }
      }
      return n == 0 || n % 2 == 0 || isSymmetric(factors.get(n / 2));
    }
    return isScalar(e);
  }
}
