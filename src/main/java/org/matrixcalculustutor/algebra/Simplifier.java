package org.matrixcalculustutor.algebra;

import java.util.List;

/**
 * Writes results as a person would, and decides equality: two tables of small named rules (each
 * rule a value of {@link Rule}, kept in a class named after the node it rewrites: SumRules,
 * ProductRules, TransposeRules, ...) and one strategy each, {@code exhaust(bottomUp(typed(table)))}
 * in the manner of SymPy's strategies. {@link #simplify} keeps factored forms such as (A + A')*x;
 * {@link #normalForm} expands everything into a canonical sum ordered by {@link ExprOrder}, so that
 * two expressions with equal normal forms are equal.
 */
public final class Simplifier {

  /** The most nodes one simplification works on; see {@link Rewriting#MAX_APPLICATIONS}. */
  static final int MAX_APPLICATIONS = Rewriting.MAX_APPLICATIONS;

  /** The rules of the simplified form, by node type, in priority order within a type. */
  static final RuleTable SIMPLIFY = RuleTable.of(List.of(
      SumRules.FLATTEN,
      SumRules.FOLD_NUMBERS,
      SumRules.COLLECT_LIKE_TERMS,
      SumRules.NUMBER_LAST,
      SumRules.POSITIVE_FIRST,
      SumRules.FACTOR_COMMON,
      SumRules.FACTOR_COMMON_ENTRYWISE,
      SumRules.FACTOR_COMMON_IN_PART,
      SumRules.EXPAND_WHEN_SHORTER,
      SumRules.EXPAND_NUMBER_WHEN_SHORTER,
      SumRules.DIAG_OF_SUM,
      ProductRules.FLATTEN,
      ProductRules.SCALARS_OUT_OF_FACTOR,
      ProductRules.FOLD_NUMBERS,
      ProductRules.NUMBERS_OUT,
      ProductRules.NUMBER_OUT_OF_SUM,
      ProductRules.SCALARS_FIRST,
      ProductRules.COMBINE_SCALAR_POWERS,
      ProductRules.COMBINE_SYMBOLIC_POWERS,
      ProductRules.COMBINE_MATRIX_POWERS,
      ProductRules.REPEATED_BLOCKS,
      ProductRules.REMOVE_IDENTITY,
      ProductRules.CANCEL_INVERSES,
      ProductRules.CANCEL_COMMUTATIONS,
      ProductRules.COMMUTATION_PAST_KRON,
      ProductRules.RECOGNIZE_SOFTMAX,
      ProductRules.RECOGNIZE_SIGMOID,
      ProductRules.DIAG_TIMES_VECTOR,
      ProductRules.ONES_INNER_IS_SUM,
      HadamardRules.FLATTEN,
      HadamardRules.REMOVE_ONES,
      HadamardRules.CANCEL_RECIPROCALS,
      HadamardRules.COMBINE_POWERS,
      HadamardRules.RECOGNIZE_SIGMOID,
      HadamardRules.SCALARS_OUT,
      HadamardRules.TRANSPOSE_OUT,
      TransposeRules.OF_IDENTITY,
      TransposeRules.OF_TRANSPOSE,
      TransposeRules.OF_SYMMETRIC,
      TransposeRules.OF_SUM,
      TransposeRules.OF_PRODUCT,
      TransposeRules.INTO_ENTRYWISE_WHEN_SHORTER,
      TransposeRules.OF_POWER,
      TransposeRules.OF_ZEROS,
      TransposeRules.OF_LITERAL,
      TransposeRules.OF_KRON,
      TransposeRules.OF_COMMUTATION,
      InverseRules.OF_IDENTITY,
      InverseRules.OF_TRANSPOSE,
      InverseRules.OF_INVERSE,
      InverseRules.OF_NUMBER,
      InverseRules.OF_ORTHOGONAL,
      InverseRules.OF_SCALAR,
      InverseRules.OF_COMMUTATION,
      PowerRules.OF_NUMBER,
      PowerRules.MATRIX_RECIPROCAL,
      PowerRules.FIRST_POWER,
      PowerRules.ZEROTH_POWER,
      PowerRules.POWER_OF_POWER,
      PowerRules.NUMBER_OUT,
      PowerRules.CONSTANT_EXPONENT,
      PowerRules.FIRST_ELEMENT_POWER,
      PowerRules.ZEROTH_ELEMENT_POWER,
      TraceRules.OF_SCALAR,
      TraceRules.OF_SUM,
      TraceRules.OF_TRANSPOSE,
      TraceRules.OF_KRON,
      TraceRules.SCALARS_OUT,
      TraceRules.INNER_TO_PRODUCT,
      MatrixFunctionRules.TRANSPOSE_OUT_OF_FUNCTION,
      MatrixFunctionRules.DET_OF_TRANSPOSE,
      MatrixFunctionRules.LOGDET_OF_TRANSPOSE,
      MatrixFunctionRules.VEC_OF_VECTOR,
      MatrixFunctionRules.SCALARS_OUT_OF_VEC,
      MatrixFunctionRules.KRON_OF_SCALAR,
      MatrixFunctionRules.KRON_OF_IDENTITIES,
      MatrixFunctionRules.SCALARS_OUT_OF_KRON,
      MatrixFunctionRules.TRIVIAL_COMMUTATION));

  /** The rules of the normal form: everything expanded, sums and commutative products sorted. */
  static final RuleTable NORMAL_FORM = RuleTable.of(List.of(
      SumRules.FLATTEN,
      SumRules.FOLD_NUMBERS,
      SumRules.COLLECT_LIKE_TERMS,
      SumRules.SORT_TERMS,
      ProductRules.FLATTEN,
      ProductRules.FOLD_NUMBERS,
      ProductRules.SCALARS_FIRST,
      ProductRules.SORT_SCALARS,
      ProductRules.COMBINE_SCALAR_POWERS,
      ProductRules.COMBINE_SYMBOLIC_POWERS,
      ProductRules.REMOVE_IDENTITY,
      ProductRules.CANCEL_INVERSES,
      ProductRules.CANCEL_COMMUTATIONS,
      ProductRules.COMMUTATION_PAST_KRON,
      ProductRules.RECOGNIZE_SOFTMAX,
      ProductRules.RECOGNIZE_SIGMOID,
      ProductRules.DIAG_TIMES_VECTOR,
      ProductRules.ONES_INNER_IS_SUM,
      ProductRules.DISTRIBUTE,
      HadamardRules.FLATTEN,
      HadamardRules.REMOVE_ONES,
      HadamardRules.CANCEL_RECIPROCALS,
      HadamardRules.COMBINE_POWERS,
      HadamardRules.RECOGNIZE_SIGMOID,
      HadamardRules.SCALARS_OUT,
      HadamardRules.DISTRIBUTE,
      HadamardRules.SORT_FACTORS,
      TransposeRules.OF_IDENTITY,
      TransposeRules.OF_TRANSPOSE,
      TransposeRules.OF_SYMMETRIC,
      TransposeRules.DISTRIBUTE_OVER_SUM,
      TransposeRules.OF_PRODUCT,
      TransposeRules.OF_ENTRYWISE,
      TransposeRules.OF_POWER,
      TransposeRules.OF_ZEROS,
      TransposeRules.OF_LITERAL,
      TransposeRules.OF_KRON,
      TransposeRules.OF_COMMUTATION,
      InverseRules.OF_IDENTITY,
      InverseRules.OF_TRANSPOSE,
      InverseRules.OF_INVERSE,
      InverseRules.OF_NUMBER,
      InverseRules.OF_ORTHOGONAL,
      InverseRules.OF_SCALAR,
      InverseRules.OF_COMMUTATION,
      PowerRules.OF_NUMBER,
      PowerRules.MATRIX_RECIPROCAL,
      PowerRules.FIRST_POWER,
      PowerRules.ZEROTH_POWER,
      PowerRules.POWER_OF_POWER,
      PowerRules.NUMBER_OUT,
      PowerRules.CONSTANT_EXPONENT,
      PowerRules.FIRST_ELEMENT_POWER,
      PowerRules.ZEROTH_ELEMENT_POWER,
      TraceRules.OF_SCALAR,
      TraceRules.OF_SUM,
      TraceRules.OF_TRANSPOSE,
      TraceRules.OF_KRON,
      TraceRules.SCALARS_OUT,
      TraceRules.CYCLIC_ORDER,
      TraceRules.INNER_TO_PRODUCT,
      TraceRules.INNER_TO_TRACE,
      MatrixFunctionRules.DET_OF_TRANSPOSE,
      MatrixFunctionRules.LOGDET_OF_TRANSPOSE,
      MatrixFunctionRules.VEC_OF_VECTOR,
      MatrixFunctionRules.SCALARS_OUT_OF_VEC,
      MatrixFunctionRules.KRON_OF_SCALAR,
      MatrixFunctionRules.KRON_OF_IDENTITIES,
      MatrixFunctionRules.SCALARS_OUT_OF_KRON,
      MatrixFunctionRules.DISTRIBUTE_KRON,
      MatrixFunctionRules.TRIVIAL_COMMUTATION));

  static final Strategy SIMPLIFIED = Strategies.exhaust(Strategies.bottomUp(Strategies.typed(SIMPLIFY)));
  static final Strategy NORMALIZED = Strategies.exhaust(Strategies.bottomUp(Strategies.typed(NORMAL_FORM)));

  private Simplifier() {}

  public static Expr simplify(Expr e, Typing typing) {
    return simplify(e, Shapes.of(typing));
  }

  public static Expr simplify(Expr e, Shapes shapes) {
    return new Rewriting(shapes, SIMPLIFIED, "simplifying").run(e);
  }

  public static Expr normalForm(Expr e, Typing typing) {
    return normalForm(e, Shapes.of(typing));
  }

  public static Expr normalForm(Expr e, Shapes shapes) {
    return new Rewriting(shapes, NORMALIZED, "expanding").run(e);
  }
}
