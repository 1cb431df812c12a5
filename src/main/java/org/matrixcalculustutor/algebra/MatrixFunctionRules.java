package org.matrixcalculustutor.algebra;

import java.util.ArrayList;
import java.util.List;

/** The rules for determinants, vec, Kronecker products and commutation matrices. */
final class MatrixFunctionRules {

  private MatrixFunctionRules() {}

  static final Rule<Expr.Apply> TRANSPOSE_OUT_OF_FUNCTION = Rule.of("transposeOutOfFunction", Expr.Apply.class,
      "f(A') = f(A)', where that has fewer transposes", MatrixFunctionRules::transposeOutOfFunction);
  static final Rule<Expr.Det> DET_OF_TRANSPOSE = Rule.of("detOfTranspose", Expr.Det.class,
      "det(A') = det(A)", (d, run) -> d.argument() instanceof Expr.Transpose t ? new Expr.Det(t.argument()) : d);
  static final Rule<Expr.LogDet> LOGDET_OF_TRANSPOSE = Rule.of("logdetOfTranspose", Expr.LogDet.class,
      "logdet(A') = logdet(A)",
      (d, run) -> d.argument() instanceof Expr.Transpose t ? new Expr.LogDet(t.argument()) : d);
  static final Rule<Expr.Vec> VEC_OF_VECTOR = Rule.of("vecOfVector", Expr.Vec.class,
      "vec(u) = u, vec(u') = u", MatrixFunctionRules::vecOfVector);
  static final Rule<Expr.Vec> SCALARS_OUT_OF_VEC = Rule.of("scalarsOutOfVec", Expr.Vec.class,
      "vec(c A) = c vec(A)", MatrixFunctionRules::scalarsOutOfVec);
  static final Rule<Expr.Kron> KRON_OF_SCALAR = Rule.of("kronOfScalar", Expr.Kron.class,
      "s ⊗ B = s B", MatrixFunctionRules::kronOfScalar);
  static final Rule<Expr.Kron> KRON_OF_IDENTITIES = Rule.of("kronOfIdentities", Expr.Kron.class,
      "I(m) ⊗ I(n) = I(mn)", MatrixFunctionRules::kronOfIdentities);
  static final Rule<Expr.Kron> SCALARS_OUT_OF_KRON = Rule.of("scalarsOutOfKron", Expr.Kron.class,
      "(c A) ⊗ B = c (A ⊗ B)", MatrixFunctionRules::scalarsOutOfKron);
  static final Rule<Expr.Kron> DISTRIBUTE_KRON = Rule.of("distributeKron", Expr.Kron.class,
      "(A + B) ⊗ C = A ⊗ C + B ⊗ C", MatrixFunctionRules::distributeKron);
  static final Rule<Expr.Commutation> TRIVIAL_COMMUTATION = Rule.of("trivialCommutation", Expr.Commutation.class,
      "K(1, n) = K(n, 1) = I(n)", MatrixFunctionRules::trivialCommutation);

  /** sigmoid(x'*W') = sigmoid(W*x)': the transpose outside an entry-wise function, where that is shorter. */
  static Expr transposeOutOfFunction(Expr.Apply f, Rewriting run) {
    if (Terms.transposes(f.argument()) == 0 || run.shapes().isScalar(f)) {
      return f;
    }
    Expr out = new Expr.Transpose(new Expr.Apply(f.function(), run.run(Exprs.transpose(f.argument()))));
    return Terms.transposes(out) < Terms.transposes(f) ? out : f;
  }

  /** vec(u) = u for a column u; vec(r) = r' for a row r; vec(s) = s. */
  static Expr vecOfVector(Expr.Vec v, Rewriting run) {
    Shape shape = run.shapes().of(v.argument());
    if (shape.cols().isOne()) {
      return v.argument();
    }
    if (shape.rows().isOne()) {
      return Exprs.transpose(v.argument());
    }
    return v;
  }

  /**
   * vec is linear: vec(-X/norm(X)^3) = -vec(X)/norm(X)^3, so that the halves of a Hessian such as
   * norm(X)'s meet as like terms.
   */
  static Expr scalarsOutOfVec(Expr.Vec v, Rewriting run) {
    List<Expr> scalars = new ArrayList<>();
    Expr inside = withoutScalars(v.argument(), scalars, run.shapes());
    if (scalars.isEmpty()) {
      return v;
    }
    scalars.add(new Expr.Vec(inside));
    return Exprs.product(scalars);
  }

  static Expr kronOfScalar(Expr.Kron k, Rewriting run) {
    Shapes shapes = run.shapes();
    if (shapes.isScalar(k.left())) {
      return Exprs.product(k.left(), k.right());
    }
    if (shapes.isScalar(k.right())) {
      return Exprs.product(k.right(), k.left());
    }
    return k;
  }

  static Expr kronOfIdentities(Expr.Kron k, Rewriting run) {
    if (k.left() instanceof Expr.Identity a && k.right() instanceof Expr.Identity b
        && a.size() != null && b.size() != null) {
      return new Expr.Identity(Size.product(a.size(), b.size()));
    }
    return k;
  }

  static Expr scalarsOutOfKron(Expr.Kron k, Rewriting run) {
    List<Expr> scalars = new ArrayList<>();
    Expr left = withoutScalars(k.left(), scalars, run.shapes());
    Expr right = withoutScalars(k.right(), scalars, run.shapes());
    if (scalars.isEmpty()) {
      return k;
    }
    scalars.add(new Expr.Kron(left, right));
    return Exprs.product(scalars);
  }

  /** e without its scalar factors, which are added to scalars; e itself when it has none. */
  private static Expr withoutScalars(Expr e, List<Expr> scalars, Shapes shapes) {
    if (!(e instanceof Expr.Product p) || ExprLists.noneMatch(p.factors(), shapes::isScalar)
        || ExprLists.allMatch(p.factors(), shapes::isScalar)) {
      return e;
    }
    scalars.addAll(ExprLists.filter(p.factors(), shapes::isScalar));
    return Exprs.product(ExprLists.filter(p.factors(), f -> !shapes.isScalar(f)));
  }

  /** (A + B) ⊗ C = A ⊗ C + B ⊗ C and A ⊗ (B + C) = A ⊗ B + A ⊗ C, for the normal form. */
  static Expr distributeKron(Expr.Kron k, Rewriting run) {
    if (k.left() instanceof Expr.Sum s) {
      ProductRules.requireDistributable(k, s);
      return new Expr.Sum(s.terms().stream().map(t -> (Expr) new Expr.Kron(t, k.right())).toList());
    }
    if (k.right() instanceof Expr.Sum s) {
      ProductRules.requireDistributable(k, s);
      return new Expr.Sum(s.terms().stream().map(t -> (Expr) new Expr.Kron(k.left(), t)).toList());
    }
    return k;
  }

  static Expr trivialCommutation(Expr.Commutation k, Rewriting run) {
    return k.rows().isOne() || k.cols().isOne() ? new Expr.Identity(Size.product(k.rows(), k.cols())) : k;
  }
}
