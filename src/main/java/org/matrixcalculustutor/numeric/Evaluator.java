package org.matrixcalculustutor.numeric;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.ejml.MatrixDimensionException;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.decomposition.LUDecomposition_F64;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.ejml.simple.SimpleMatrix;
import org.matrixcalculustutor.algebra.Deadline;
import org.matrixcalculustutor.algebra.Expr;
import org.matrixcalculustutor.algebra.ExpressionException;
import org.matrixcalculustutor.algebra.Shape;
import org.matrixcalculustutor.algebra.TextPrinter;
import org.matrixcalculustutor.algebra.Typing;

/**
 * Evaluates an expression with EJML for given values (the semantics of LANGUAGE.md). Context-sized
 * constants (I, ones, zeros without sizes) take their size from the Typing of the same tree.
 * Anything that has no value here (a singular matrix to invert, the log of a non-positive entry, a
 * non-finite result, shapes that do not fit) is an ExpressionException, never an EJML one.
 * Values are EJML's plain row-major matrices, each operation writing a new one (values are shared,
 * never changed in place); SimpleMatrix is only the wrapper callers get and give.
 */
public final class Evaluator implements Expr.Visitor<DMatrixRMaj> {

  /** Beyond this condition number (1-norm) a matrix counts as singular. */
  static final double MAX_CONDITION = 1e12;

  /** The most entries of one matrix evaluated (8 MB of doubles): bounds a request's memory. */
  public static final long MAX_ENTRIES = 1_000_000;

  /**
   * The most scalar multiplications of one matrix product (about 0.1 s): sizes up to 64 and their
   * Kronecker products stay far below, two 1000 x 1000 blocks of a Kronecker product do not.
   */
  static final long MAX_MULTIPLICATIONS = 100_000_000;

  private final Typing typing;
  private final Bindings bindings;
  /** Values already known at these bindings, by node identity; null when none are kept. */
  private final PartValues known;

  /** The request's deadline, looked up once per evaluation: a product checks it at every factor. */
  private final Deadline deadline = Deadline.current();

  private Evaluator(Typing typing, Bindings bindings, PartValues known) {
    this.typing = typing;
    this.bindings = bindings;
    this.known = known;
  }

  /**
   * The value of expr.
   *
   * @param typing the shapes of expr's nodes (ShapeChecker.check of this same tree); may be null
   *     when expr has no context-sized constant
   * @throws ExpressionException when expr has no finite value for these bindings
   */
  public static SimpleMatrix evaluate(Expr expr, Typing typing, Bindings bindings) {
    return evaluate(expr, typing, bindings, null);
  }

  /**
   * The value of expr, reading and adding to known: the values of nodes (by identity) at these same
   * bindings, so that comparisons of expressions sharing parts (e, -e, e - 2t) evaluate each part
   * once. Only for trees without a constant sized by its context, whose values do not depend on
   * the tree around them; values are never changed in place, so they may be shared.
   */
  static SimpleMatrix evaluate(Expr expr, Typing typing, Bindings bindings, PartValues known) {
    Deadline.check();
    DMatrixRMaj value;
    try {
      value = new Evaluator(typing, bindings, known).value(expr);
    } catch (MatrixDimensionException | IllegalArgumentException unexpected) {
      throw new ExpressionException("cannot evaluate " + TextPrinter.print(expr) + ": " + unexpected.getMessage());
    }
    requireFinite(value, expr);
    return SimpleMatrix.wrap(value);
  }

  /** A node's value: known already, or computed (and kept when values are kept). */
  private DMatrixRMaj value(Expr node) {
    if (known == null) {
      return node.accept(this);
    }
    DMatrixRMaj value = known.get(node);
    if (value == null) {
      value = node.accept(this);
      known.put(node, value);
    }
    return value;
  }

  // ---------------------------------------------------------------- leaves

  @Override
  public DMatrixRMaj symbol(Expr.Symbol e) {
    return bindings.value(e.name()).getDDRM();
  }

  @Override
  public DMatrixRMaj number(Expr.Number e) {
    return scalar(e.value());
  }

  @Override
  public DMatrixRMaj identity(Expr.Identity e) {
    int n = e.size() == null ? rows(e) : bindings.size(e.size());
    requireEvaluable(n, n, e);
    return CommonOps_DDRM.identity(n); // I
  }

  @Override
  public DMatrixRMaj ones(Expr.Ones e) {
    int n = e.size() == null ? rows(e) : bindings.size(e.size());
    requireEvaluable(n, 1, e);
    return filled(n, 1, 1); // (1, ..., 1)'
  }

  @Override
  public DMatrixRMaj zeros(Expr.Zeros e) {
    int rows = e.rows() == null ? rows(e) : bindings.size(e.rows());
    int cols = e.cols() == null ? cols(e) : bindings.size(e.cols());
    requireEvaluable(rows, cols, e);
    return new DMatrixRMaj(rows, cols); // 0
  }

  @Override
  public DMatrixRMaj differential(Expr.Differential e) {
    return bindings.value("d" + e.variable().name()).getDDRM(); // dX: the direction bound to "dX"
  }

  // ---------------------------------------------------------------- sums and products

  @Override
  public DMatrixRMaj sum(Expr.Sum e) {
    DMatrixRMaj total = null;
    for (Expr term : e.terms()) {
      if (term instanceof Expr.Number n && n.value() == 0) {
        continue; // a literal 0 is the zero of any shape
      }
      DMatrixRMaj value = value(term);
      if (total == null) {
        total = value;
      } else {
        requireSameShape(total, value, "a sum", e);
        total = CommonOps_DDRM.add(total, value, null); // a + b
      }
    }
    return total == null ? new DMatrixRMaj(rows(e), cols(e)) : total;
  }

  @Override
  public DMatrixRMaj product(Expr.Product e) {
    DMatrixRMaj acc = null;
    for (Expr factor : e.factors()) {
      DMatrixRMaj value = value(factor);
      acc = acc == null ? value : times(acc, value, e);
    }
    return acc;
  }

  @Override
  public DMatrixRMaj power(Expr.Power e) {
    DMatrixRMaj base = value(e.base());
    double k = e.exponent();
    if (isScalar(base)) {
      return requireFinite(scalar(Math.pow(base.data[0], k)), e); // a^k
    }
    requireSquare(base, "a matrix power", e);
    if (k != Math.rint(k)) {
      throw new ExpressionException(TextPrinter.print(e) + ": only a scalar takes a fractional power");
    }
    DMatrixRMaj factor = k < 0 ? invert(base, e.base()) : base; // X^-k = (X^-1)^k
    return integerPower(factor, (long) Math.abs(k));
  }

  /** X^k by repeated squaring: X^k = (X^2)^(k/2) X^(k mod 2). */
  private static DMatrixRMaj integerPower(DMatrixRMaj x, long k) {
    DMatrixRMaj result = CommonOps_DDRM.identity(x.numRows); // X^0 = I
    DMatrixRMaj square = x;
    for (long rest = k; rest > 0; rest >>= 1) {
      Deadline.check();
      if ((rest & 1) == 1) {
        result = multiply(result, square); // result X^(2^i)
      }
      if (rest > 1) {
        square = multiply(square, square); // X^(2^(i+1)) = X^(2^i) X^(2^i)
      }
    }
    return result;
  }

  @Override
  public DMatrixRMaj scalarPower(Expr.ScalarPower e) {
    DMatrixRMaj base = value(e.base());
    DMatrixRMaj exponent = value(e.exponent());
    if (!isScalar(base) || !isScalar(exponent)) {
      throw new ExpressionException(TextPrinter.print(e) + ": a power with an expression as its exponent takes scalars, not "
          + describe(base) + " ^ " + describe(exponent));
    }
    return requireFinite(scalar(Math.pow(base.data[0], exponent.data[0])), e); // a^b
  }

  @Override
  public DMatrixRMaj elementPower(Expr.ElementPower e) {
    double k = e.exponent();
    return map(value(e.base()), v -> Math.pow(v, k), e); // (A .^ k)_ij = A_ij^k
  }

  @Override
  public DMatrixRMaj hadamard(Expr.Hadamard e) {
    DMatrixRMaj acc = null;
    for (Expr factor : e.factors()) {
      DMatrixRMaj value = value(factor);
      if (acc == null) {
        acc = value;
      } else {
        requireSameShape(acc, value, "an entry-wise product", e);
        acc = CommonOps_DDRM.elementMult(acc, value, null); // (A .* B)_ij = A_ij B_ij
      }
    }
    return acc;
  }

  @Override
  public DMatrixRMaj hadamardQuotient(Expr.HadamardQuotient e) {
    DMatrixRMaj n = value(e.numerator());
    DMatrixRMaj d = value(e.denominator());
    requireSameShape(n, d, "an entry-wise division", e);
    return requireFinite(CommonOps_DDRM.elementDiv(n, d, null), e); // (A ./ B)_ij = A_ij / B_ij
  }

  @Override
  public DMatrixRMaj kron(Expr.Kron e) {
    DMatrixRMaj a = value(e.left());
    DMatrixRMaj b = value(e.right());
    requireEvaluable((long) a.numRows * b.numRows, (long) a.numCols * b.numCols, e);
    return CommonOps_DDRM.kron(a, b, null); // [A_ij B]
  }

  @Override
  public DMatrixRMaj commutation(Expr.Commutation e) {
    int m = bindings.size(e.rows());
    int n = bindings.size(e.cols());
    requireEvaluable((long) m * n, (long) m * n, e);
    DMatrixRMaj k = new DMatrixRMaj(m * n, m * n);
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        k.set(j + n * i, i + m * j, 1); // vec(A')[j + n i] = A[i, j] = vec(A)[i + m j]
      }
    }
    return k;
  }

  @Override
  public DMatrixRMaj inner(Expr.Inner e) {
    DMatrixRMaj a = value(e.left());
    DMatrixRMaj b = value(e.right());
    requireSameShape(a, b, "an inner product", e);
    double sum = 0;
    for (int i = 0; i < a.getNumElements(); i++) {
      sum += a.data[i] * b.data[i]; // <A, B> = sum_ij A_ij B_ij = tr(A'B)
    }
    return scalar(sum);
  }

  // ---------------------------------------------------------------- matrix functions

  @Override
  public DMatrixRMaj transpose(Expr.Transpose e) {
    return CommonOps_DDRM.transpose(value(e.argument()), null); // A'
  }

  @Override
  public DMatrixRMaj inverse(Expr.Inverse e) {
    return invert(value(e.argument()), e.argument());
  }

  @Override
  public DMatrixRMaj trace(Expr.Trace e) {
    DMatrixRMaj a = value(e.argument());
    requireSquare(a, "tr(...)", e);
    return scalar(CommonOps_DDRM.trace(a)); // tr A = sum_i A_ii
  }

  @Override
  public DMatrixRMaj det(Expr.Det e) {
    DMatrixRMaj a = value(e.argument());
    requireSquare(a, "det(...)", e);
    requireFactorable(a, e);
    return scalar(CommonOps_DDRM.det(a)); // det A
  }

  @Override
  public DMatrixRMaj logDet(Expr.LogDet e) {
    DMatrixRMaj a = value(e.argument());
    requireSquare(a, "logdet(...)", e);
    requireFactorable(a, e);
    requireFinite(a, e.argument());
    LUDecomposition_F64<DMatrixRMaj> lu = DecompositionFactory_DDRM.lu(a.numRows, a.numCols);
    if (!lu.decompose(a.copy())) {
      throw singular("logdet", e.argument());
    }
    DMatrixRMaj u = lu.getUpper(null); // P A = L U, L with unit diagonal
    double largest = 0;
    double smallest = Double.POSITIVE_INFINITY;
    double logDet = 0;
    for (int i = 0; i < u.numRows; i++) {
      double pivot = Math.abs(u.get(i, i));
      largest = Math.max(largest, pivot);
      smallest = Math.min(smallest, pivot);
      logDet += Math.log(pivot); // log|det A| = sum_i log|U_ii|
    }
    if (!(smallest * MAX_CONDITION > largest)) {
      throw singular("logdet", e.argument());
    }
    return scalar(logDet);
  }

  @Override
  public DMatrixRMaj norm(Expr.Norm e) {
    return scalar(NormOps_DDRM.normF(value(e.argument()))); // ||A|| = sqrt(sum_ij A_ij^2)
  }

  @Override
  public DMatrixRMaj sumAll(Expr.SumAll e) {
    return scalar(CommonOps_DDRM.elementSum(value(e.argument()))); // sum_ij A_ij
  }

  @Override
  public DMatrixRMaj diag(Expr.Diag e) {
    DMatrixRMaj a = value(e.argument());
    if (isScalar(a)) {
      return a;
    }
    if (a.numCols == 1) {
      requireEvaluable(a.numRows, a.numRows, e); // diag(vec(X)) of a large X grows fast
      DMatrixRMaj d = new DMatrixRMaj(a.numRows, a.numRows);
      for (int i = 0; i < a.numRows; i++) {
        d.set(i, i, a.data[i]); // diag(x)_ii = x_i
      }
      return d;
    }
    requireSquare(a, "diag(...) of a matrix", e);
    DMatrixRMaj d = new DMatrixRMaj(a.numRows, 1);
    for (int i = 0; i < a.numRows; i++) {
      d.set(i, 0, a.get(i, i)); // diag(A)_i = A_ii
    }
    return d;
  }

  @Override
  public DMatrixRMaj softmax(Expr.Softmax e) {
    DMatrixRMaj x = value(e.argument());
    if (x.numCols != 1) {
      throw new ExpressionException(TextPrinter.print(e) + ": softmax(...) takes a vector, but "
          + TextPrinter.print(e.argument()) + " is " + describe(x));
    }
    requireFinite(x, e.argument());
    double max = CommonOps_DDRM.elementMax(x);
    DMatrixRMaj exp = map(x, v -> Math.exp(v - max), e); // exp(x - max x), at most 1: no overflow
    return CommonOps_DDRM.divide(exp, CommonOps_DDRM.elementSum(exp), null); // softmax(x) = exp(x) / sum(exp(x))
  }

  @Override
  public DMatrixRMaj logSumExp(Expr.LogSumExp e) {
    DMatrixRMaj x = value(e.argument());
    requireFinite(x, e.argument());
    double max = CommonOps_DDRM.elementMax(x);
    double sum = 0;
    for (int i = 0; i < x.getNumElements(); i++) {
      sum += Math.exp(x.data[i] - max); // sum_i exp(x_i - max x)
    }
    return scalar(max + Math.log(sum)); // log sum_i exp(x_i) = max x + log sum_i exp(x_i - max x)
  }

  @Override
  public DMatrixRMaj vec(Expr.Vec e) {
    DMatrixRMaj a = value(e.argument());
    DMatrixRMaj v = new DMatrixRMaj(a.getNumElements(), 1);
    int k = 0;
    for (int j = 0; j < a.numCols; j++) {
      for (int i = 0; i < a.numRows; i++) {
        v.data[k++] = a.get(i, j); // vec(A) = (A_11, A_21, ..., A_12, ...)': columns stacked
      }
    }
    return v;
  }

  @Override
  public DMatrixRMaj apply(Expr.Apply e) {
    DMatrixRMaj a = value(e.argument());
    DoubleUnaryOperator f = switch (e.function()) {
      case EXP -> Math::exp;
      case LOG -> v -> {
        if (!(v > 0)) {
          throw new ExpressionException("log of a non-positive entry (" + v + ") in " + TextPrinter.print(e));
        }
        return Math.log(v);
      };
      case SIN -> Math::sin;
      case COS -> Math::cos;
      case TAN -> Math::tan;
      case TANH -> Math::tanh;
      case SIGMOID -> v -> 1 / (1 + Math.exp(-v)); // sigma(v) = 1 / (1 + e^-v)
      case SQRT -> v -> {
        if (!(v >= 0)) {
          throw new ExpressionException("sqrt of a negative entry (" + v + ") in " + TextPrinter.print(e));
        }
        return Math.sqrt(v);
      };
      case ABS -> Math::abs;
    };
    return map(a, f, e); // f(A)_ij = f(A_ij)
  }

  @Override
  public DMatrixRMaj matrixLiteral(Expr.MatrixLiteral e) {
    List<List<Expr>> rows = e.rows();
    DMatrixRMaj[][] blocks = new DMatrixRMaj[rows.size()][];
    int totalRows = 0;
    int totalCols = -1;
    for (int i = 0; i < rows.size(); i++) {
      List<Expr> row = rows.get(i);
      blocks[i] = new DMatrixRMaj[row.size()];
      int width = 0;
      for (int j = 0; j < row.size(); j++) {
        DMatrixRMaj block = value(row.get(j));
        if (j > 0 && block.numRows != blocks[i][0].numRows) {
          throw new ExpressionException(TextPrinter.print(e) + ": the entries of row " + (i + 1)
              + " have different heights (" + blocks[i][0].numRows + " and " + block.numRows + ")");
        }
        blocks[i][j] = block;
        width += block.numCols;
      }
      if (totalCols >= 0 && width != totalCols) {
        throw new ExpressionException(TextPrinter.print(e) + ": row " + (i + 1) + " is " + width
            + " wide but the rows above are " + totalCols + " wide");
      }
      totalCols = width;
      totalRows += blocks[i][0].numRows;
    }
    DMatrixRMaj out = new DMatrixRMaj(totalRows, totalCols);
    int top = 0;
    for (DMatrixRMaj[] row : blocks) {
      int left = 0;
      for (DMatrixRMaj block : row) {
        CommonOps_DDRM.insert(block, out, top, left); // [A, B; C, D]: blocks side by side, rows stacked
        left += block.numCols;
      }
      top += row[0].numRows;
    }
    return out;
  }

  // ---------------------------------------------------------------- helpers

  private int rows(Expr node) {
    return bindings.size(shape(node).rows());
  }

  private int cols(Expr node) {
    return bindings.size(shape(node).cols());
  }

  private Shape shape(Expr node) {
    Shape shape = typing == null ? null : typing.shapeOf(node);
    if (shape == null) {
      throw new ExpressionException("the size of " + TextPrinter.print(node)
          + " is not known here: check the shapes of the expression first");
    }
    return shape;
  }

  /** a b, where a 1 x 1 side multiplies as a scalar. */
  private DMatrixRMaj times(DMatrixRMaj a, DMatrixRMaj b, Expr node) {
    deadline.checkNow();
    if (isScalar(a)) {
      return scaled(a.data[0], b); // a B
    }
    if (isScalar(b)) {
      return scaled(b.data[0], a); // A b
    }
    if (a.numCols != b.numRows) {
      throw new ExpressionException(TextPrinter.print(node) + ": cannot multiply " + describe(a) + " by "
          + describe(b));
    }
    requireEvaluable(a.numRows, b.numCols, node);
    if ((long) a.numRows * a.numCols * b.numCols > MAX_MULTIPLICATIONS) {
      throw new ExpressionException(TextPrinter.print(node) + ": multiplying " + describe(a) + " by " + describe(b)
          + " takes more than " + String.format(java.util.Locale.ROOT, "%,d", MAX_MULTIPLICATIONS)
          + " multiplications, more than the tutor evaluates");
    }
    return multiply(a, b); // A B
  }

  /** c A into a new matrix. */
  private static DMatrixRMaj scaled(double c, DMatrixRMaj a) {
    DMatrixRMaj out = new DMatrixRMaj(a.numRows, a.numCols);
    CommonOps_DDRM.scale(c, a, out);
    return out;
  }

  /** A B into a new matrix (EJML's product may not write into either side). */
  private static DMatrixRMaj multiply(DMatrixRMaj a, DMatrixRMaj b) {
    DMatrixRMaj out = new DMatrixRMaj(a.numRows, b.numCols);
    CommonOps_DDRM.mult(a, b, out);
    return out;
  }

  /** inv(A), or an ExpressionException when A is not square or its condition number is too large. */
  private static DMatrixRMaj invert(DMatrixRMaj a, Expr argument) {
    requireSquare(a, "inv(...)", argument);
    requireFactorable(a, argument);
    requireFinite(a, argument);
    if (isScalar(a)) {
      if (a.data[0] == 0) {
        throw new ExpressionException("division by zero: " + TextPrinter.print(argument) + " is 0");
      }
      return scalar(1 / a.data[0]); // 1 / a
    }
    LinearSolverDense<DMatrixRMaj> lu = LinearSolverFactory_DDRM.lu(a.numRows);
    if (!lu.setA(a.copy())) { // P A = L U, partial pivoting
      throw singular("inv", argument);
    }
    DMatrixRMaj inverse = new DMatrixRMaj(a.numRows, a.numCols);
    lu.invert(inverse); // A^-1 = U^-1 L^-1 P
    if (!finite(inverse)) {
      throw singular("inv", argument);
    }
    double condition = NormOps_DDRM.inducedP1(a) * NormOps_DDRM.inducedP1(inverse); // ||A|| ||A^-1||
    if (!(condition < MAX_CONDITION)) {
      throw singular("inv", argument);
    }
    return inverse;
  }

  private static ExpressionException singular(String function, Expr argument) {
    return new ExpressionException(function + "(...) of a singular matrix: " + TextPrinter.print(argument)
        + " is singular here");
  }

  /** Refuses a matrix beyond MAX_ENTRIES before it is allocated: kron(kron(X, X), X) grows fast. */
  private static void requireEvaluable(long rows, long cols, Expr node) {
    if (rows * cols > MAX_ENTRIES) {
      throw new ExpressionException(TextPrinter.print(node) + " is " + rows + " x " + cols + " here, more than the "
          + String.format(java.util.Locale.ROOT, "%,d", MAX_ENTRIES) + " entries the tutor evaluates");
    }
  }

  /** An LU factorisation costs about n^3 multiplications: bounded like a product, before it starts. */
  private static void requireFactorable(DMatrixRMaj a, Expr node) {
    long n = a.numRows;
    if (n * n * n > MAX_MULTIPLICATIONS) {
      throw new ExpressionException(TextPrinter.print(node) + ": factoring a " + describe(a)
          + " takes more than " + String.format(java.util.Locale.ROOT, "%,d", MAX_MULTIPLICATIONS)
          + " multiplications, more than the tutor evaluates");
    }
  }

  private static void requireSquare(DMatrixRMaj a, String operation, Expr node) {
    if (a.numRows != a.numCols) {
      throw new ExpressionException(TextPrinter.print(node) + ": " + operation + " needs a square matrix, not "
          + describe(a));
    }
  }

  private static void requireSameShape(DMatrixRMaj a, DMatrixRMaj b, String operation, Expr node) {
    if (a.numRows != b.numRows || a.numCols != b.numCols) {
      throw new ExpressionException(TextPrinter.print(node) + ": " + operation + " of " + describe(a) + " and "
          + describe(b));
    }
  }

  private static DMatrixRMaj requireFinite(DMatrixRMaj value, Expr node) {
    if (!finite(value)) {
      throw new ExpressionException(TextPrinter.print(node) + " has no finite value here");
    }
    return value;
  }

  private static boolean finite(DMatrixRMaj m) {
    for (int i = 0; i < m.getNumElements(); i++) {
      if (!Double.isFinite(m.data[i])) {
        return false;
      }
    }
    return true;
  }

  /** f applied to every entry; a non-finite entry is an error about node. */
  private static DMatrixRMaj map(DMatrixRMaj a, DoubleUnaryOperator f, Expr node) {
    DMatrixRMaj out = new DMatrixRMaj(a.numRows, a.numCols);
    for (int i = 0; i < a.getNumElements(); i++) {
      out.data[i] = f.applyAsDouble(a.data[i]);
    }
    return requireFinite(out, node);
  }

  private static boolean isScalar(DMatrixRMaj m) {
    return m.numRows == 1 && m.numCols == 1;
  }

  private static String describe(DMatrixRMaj m) {
    return m.numRows + " x " + m.numCols;
  }

  private static DMatrixRMaj filled(int rows, int cols, double value) {
    DMatrixRMaj m = new DMatrixRMaj(rows, cols);
    m.fill(value);
    return m;
  }

  private static DMatrixRMaj scalar(double value) {
    DMatrixRMaj m = new DMatrixRMaj(1, 1);
    m.data[0] = value;
    return m;
  }
}
