package org.matrixcalculustutor.numeric;

import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.ejml.MatrixDimensionException;
import org.ejml.data.DMatrixRMaj;
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
 */
public final class Evaluator implements Expr.Visitor<SimpleMatrix> {

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
  private final Map<Expr, SimpleMatrix> known;

  private Evaluator(Typing typing, Bindings bindings, Map<Expr, SimpleMatrix> known) {
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
  static SimpleMatrix evaluate(Expr expr, Typing typing, Bindings bindings, Map<Expr, SimpleMatrix> known) {
    Deadline.check();
    SimpleMatrix value;
    try {
      value = new Evaluator(typing, bindings, known).value(expr);
    } catch (MatrixDimensionException | IllegalArgumentException unexpected) {
      throw new ExpressionException("cannot evaluate " + TextPrinter.print(expr) + ": " + unexpected.getMessage());
    }
    requireFinite(value, expr);
    return value;
  }

  /** A node's value: known already, or computed (and kept when values are kept). */
  private SimpleMatrix value(Expr node) {
    if (known == null) {
      return node.accept(this);
    }
    SimpleMatrix value = known.get(node);
    if (value == null) {
      value = node.accept(this);
      known.put(node, value);
    }
    return value;
  }

  // ---------------------------------------------------------------- leaves

  @Override
  public SimpleMatrix symbol(Expr.Symbol e) {
    return bindings.value(e.name());
  }

  @Override
  public SimpleMatrix number(Expr.Number e) {
    return scalar(e.value());
  }

  @Override
  public SimpleMatrix identity(Expr.Identity e) {
    int n = e.size() == null ? rows(e) : bindings.size(e.size());
    requireEvaluable(n, n, e);
    return SimpleMatrix.identity(n); // I
  }

  @Override
  public SimpleMatrix ones(Expr.Ones e) {
    int n = e.size() == null ? rows(e) : bindings.size(e.size());
    requireEvaluable(n, 1, e);
    return filled(n, 1, 1); // (1, ..., 1)'
  }

  @Override
  public SimpleMatrix zeros(Expr.Zeros e) {
    int rows = e.rows() == null ? rows(e) : bindings.size(e.rows());
    int cols = e.cols() == null ? cols(e) : bindings.size(e.cols());
    requireEvaluable(rows, cols, e);
    return new SimpleMatrix(rows, cols); // 0
  }

  @Override
  public SimpleMatrix differential(Expr.Differential e) {
    return bindings.value("d" + e.variable().name()); // dX: the direction bound to "dX"
  }

  // ---------------------------------------------------------------- sums and products

  @Override
  public SimpleMatrix sum(Expr.Sum e) {
    SimpleMatrix total = null;
    for (Expr term : e.terms()) {
      if (term instanceof Expr.Number n && n.value() == 0) {
        continue; // a literal 0 is the zero of any shape
      }
      SimpleMatrix value = value(term);
      if (total == null) {
        total = value;
      } else {
        requireSameShape(total, value, "a sum", e);
        total = total.plus(value); // a + b
      }
    }
    return total == null ? new SimpleMatrix(rows(e), cols(e)) : total;
  }

  @Override
  public SimpleMatrix product(Expr.Product e) {
    SimpleMatrix acc = null;
    for (Expr factor : e.factors()) {
      SimpleMatrix value = value(factor);
      acc = acc == null ? value : times(acc, value, e);
    }
    return acc;
  }

  @Override
  public SimpleMatrix power(Expr.Power e) {
    SimpleMatrix base = value(e.base());
    double k = e.exponent();
    if (isScalar(base)) {
      return requireFinite(scalar(Math.pow(base.get(0), k)), e); // a^k
    }
    requireSquare(base, "a matrix power", e);
    if (k != Math.rint(k)) {
      throw new ExpressionException(TextPrinter.print(e) + ": only a scalar takes a fractional power");
    }
    SimpleMatrix factor = k < 0 ? invert(base, e.base()) : base; // X^-k = (X^-1)^k
    return integerPower(factor, (long) Math.abs(k));
  }

  /** X^k by repeated squaring: X^k = (X^2)^(k/2) X^(k mod 2). */
  private static SimpleMatrix integerPower(SimpleMatrix x, long k) {
    SimpleMatrix result = SimpleMatrix.identity(x.getNumRows()); // X^0 = I
    SimpleMatrix square = x;
    for (long rest = k; rest > 0; rest >>= 1) {
      Deadline.check();
      if ((rest & 1) == 1) {
        result = result.mult(square); // result X^(2^i)
      }
      if (rest > 1) {
        square = square.mult(square); // X^(2^(i+1)) = X^(2^i) X^(2^i)
      }
    }
    return result;
  }

  @Override
  public SimpleMatrix scalarPower(Expr.ScalarPower e) {
    SimpleMatrix base = value(e.base());
    SimpleMatrix exponent = value(e.exponent());
    if (!isScalar(base) || !isScalar(exponent)) {
      throw new ExpressionException(TextPrinter.print(e) + ": a power with an expression as its exponent takes scalars, not "
          + describe(base) + " ^ " + describe(exponent));
    }
    return requireFinite(scalar(Math.pow(base.get(0), exponent.get(0))), e); // a^b
  }

  @Override
  public SimpleMatrix elementPower(Expr.ElementPower e) {
    double k = e.exponent();
    return map(value(e.base()), v -> Math.pow(v, k), e); // (A .^ k)_ij = A_ij^k
  }

  @Override
  public SimpleMatrix hadamard(Expr.Hadamard e) {
    SimpleMatrix acc = null;
    for (Expr factor : e.factors()) {
      SimpleMatrix value = value(factor);
      if (acc == null) {
        acc = value;
      } else {
        requireSameShape(acc, value, "an entry-wise product", e);
        acc = acc.elementMult(value); // (A .* B)_ij = A_ij B_ij
      }
    }
    return acc;
  }

  @Override
  public SimpleMatrix hadamardQuotient(Expr.HadamardQuotient e) {
    SimpleMatrix n = value(e.numerator());
    SimpleMatrix d = value(e.denominator());
    requireSameShape(n, d, "an entry-wise division", e);
    return requireFinite(n.elementDiv(d), e); // (A ./ B)_ij = A_ij / B_ij
  }

  @Override
  public SimpleMatrix kron(Expr.Kron e) {
    SimpleMatrix a = value(e.left());
    SimpleMatrix b = value(e.right());
    requireEvaluable((long) a.getNumRows() * b.getNumRows(), (long) a.getNumCols() * b.getNumCols(), e);
    return a.kron(b); // [A_ij B]
  }

  @Override
  public SimpleMatrix commutation(Expr.Commutation e) {
    int m = bindings.size(e.rows());
    int n = bindings.size(e.cols());
    requireEvaluable((long) m * n, (long) m * n, e);
    SimpleMatrix k = new SimpleMatrix(m * n, m * n);
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        k.set(j + n * i, i + m * j, 1); // vec(A')[j + n i] = A[i, j] = vec(A)[i + m j]
      }
    }
    return k;
  }

  @Override
  public SimpleMatrix inner(Expr.Inner e) {
    SimpleMatrix a = value(e.left());
    SimpleMatrix b = value(e.right());
    requireSameShape(a, b, "an inner product", e);
    double sum = 0;
    for (int i = 0; i < a.getNumElements(); i++) {
      sum += a.get(i) * b.get(i); // <A, B> = sum_ij A_ij B_ij = tr(A'B)
    }
    return scalar(sum);
  }

  // ---------------------------------------------------------------- matrix functions

  @Override
  public SimpleMatrix transpose(Expr.Transpose e) {
    return value(e.argument()).transpose(); // A'
  }

  @Override
  public SimpleMatrix inverse(Expr.Inverse e) {
    return invert(value(e.argument()), e.argument());
  }

  @Override
  public SimpleMatrix trace(Expr.Trace e) {
    SimpleMatrix a = value(e.argument());
    requireSquare(a, "tr(...)", e);
    return scalar(a.trace()); // tr A = sum_i A_ii
  }

  @Override
  public SimpleMatrix det(Expr.Det e) {
    SimpleMatrix a = value(e.argument());
    requireSquare(a, "det(...)", e);
    requireFactorable(a, e);
    return scalar(a.determinant()); // det A
  }

  @Override
  public SimpleMatrix logDet(Expr.LogDet e) {
    SimpleMatrix a = value(e.argument());
    requireSquare(a, "logdet(...)", e);
    requireFactorable(a, e);
    requireFinite(a, e.argument());
    LUDecomposition_F64<DMatrixRMaj> lu = DecompositionFactory_DDRM.lu(a.getNumRows(), a.getNumCols());
    if (!lu.decompose(a.getDDRM().copy())) {
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
  public SimpleMatrix norm(Expr.Norm e) {
    return scalar(value(e.argument()).normF()); // ||A|| = sqrt(sum_ij A_ij^2)
  }

  @Override
  public SimpleMatrix sumAll(Expr.SumAll e) {
    return scalar(value(e.argument()).elementSum()); // sum_ij A_ij
  }

  @Override
  public SimpleMatrix diag(Expr.Diag e) {
    SimpleMatrix a = value(e.argument());
    if (isScalar(a)) {
      return a;
    }
    if (a.getNumCols() == 1) {
      requireEvaluable(a.getNumRows(), a.getNumRows(), e); // diag(vec(X)) of a large X grows fast
      SimpleMatrix d = new SimpleMatrix(a.getNumRows(), a.getNumRows());
      for (int i = 0; i < a.getNumRows(); i++) {
        d.set(i, i, a.get(i)); // diag(x)_ii = x_i
      }
      return d;
    }
    requireSquare(a, "diag(...) of a matrix", e);
    SimpleMatrix d = new SimpleMatrix(a.getNumRows(), 1);
    for (int i = 0; i < a.getNumRows(); i++) {
      d.set(i, 0, a.get(i, i)); // diag(A)_i = A_ii
    }
    return d;
  }

  @Override
  public SimpleMatrix softmax(Expr.Softmax e) {
    SimpleMatrix x = value(e.argument());
    if (x.getNumCols() != 1) {
      throw new ExpressionException(TextPrinter.print(e) + ": softmax(...) takes a vector, but "
          + TextPrinter.print(e.argument()) + " is " + describe(x));
    }
    requireFinite(x, e.argument());
    double max = x.elementMax();
    SimpleMatrix exp = map(x, v -> Math.exp(v - max), e); // exp(x - max x), at most 1: no overflow
    return exp.divide(exp.elementSum()); // softmax(x) = exp(x) / sum(exp(x))
  }

  @Override
  public SimpleMatrix logSumExp(Expr.LogSumExp e) {
    SimpleMatrix x = value(e.argument());
    requireFinite(x, e.argument());
    double max = x.elementMax();
    double sum = 0;
    for (int i = 0; i < x.getNumElements(); i++) {
      sum += Math.exp(x.get(i) - max); // sum_i exp(x_i - max x)
    }
    return scalar(max + Math.log(sum)); // log sum_i exp(x_i) = max x + log sum_i exp(x_i - max x)
  }

  @Override
  public SimpleMatrix vec(Expr.Vec e) {
    SimpleMatrix a = value(e.argument());
    SimpleMatrix v = new SimpleMatrix(a.getNumElements(), 1);
    int k = 0;
    for (int j = 0; j < a.getNumCols(); j++) {
      for (int i = 0; i < a.getNumRows(); i++) {
        v.set(k++, 0, a.get(i, j)); // vec(A) = (A_11, A_21, ..., A_12, ...)': columns stacked
      }
    }
    return v;
  }

  @Override
  public SimpleMatrix apply(Expr.Apply e) {
    SimpleMatrix a = value(e.argument());
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
  public SimpleMatrix matrixLiteral(Expr.MatrixLiteral e) {
    List<List<Expr>> rows = e.rows();
    SimpleMatrix[][] blocks = new SimpleMatrix[rows.size()][];
    int totalRows = 0;
    int totalCols = -1;
    for (int i = 0; i < rows.size(); i++) {
      List<Expr> row = rows.get(i);
      blocks[i] = new SimpleMatrix[row.size()];
      int width = 0;
      for (int j = 0; j < row.size(); j++) {
        SimpleMatrix block = value(row.get(j));
        if (j > 0 && block.getNumRows() != blocks[i][0].getNumRows()) {
          throw new ExpressionException(TextPrinter.print(e) + ": the entries of row " + (i + 1)
              + " have different heights (" + blocks[i][0].getNumRows() + " and " + block.getNumRows() + ")");
        }
        blocks[i][j] = block;
        width += block.getNumCols();
      }
      if (totalCols >= 0 && width != totalCols) {
        throw new ExpressionException(TextPrinter.print(e) + ": row " + (i + 1) + " is " + width
            + " wide but the rows above are " + totalCols + " wide");
      }
      totalCols = width;
      totalRows += blocks[i][0].getNumRows();
    }
    SimpleMatrix out = new SimpleMatrix(totalRows, totalCols);
    int top = 0;
    for (SimpleMatrix[] row : blocks) {
      int left = 0;
      for (SimpleMatrix block : row) {
        out.insertIntoThis(top, left, block); // [A, B; C, D]: blocks side by side, rows stacked
        left += block.getNumCols();
      }
      top += row[0].getNumRows();
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
  private static SimpleMatrix times(SimpleMatrix a, SimpleMatrix b, Expr node) {
    Deadline.check();
    if (isScalar(a)) {
      return b.scale(a.get(0)); // a B
    }
    if (isScalar(b)) {
      return a.scale(b.get(0)); // A b
    }
    if (a.getNumCols() != b.getNumRows()) {
      throw new ExpressionException(TextPrinter.print(node) + ": cannot multiply " + describe(a) + " by "
          + describe(b));
    }
    requireEvaluable(a.getNumRows(), b.getNumCols(), node);
    if ((long) a.getNumRows() * a.getNumCols() * b.getNumCols() > MAX_MULTIPLICATIONS) {
      throw new ExpressionException(TextPrinter.print(node) + ": multiplying " + describe(a) + " by " + describe(b)
          + " takes more than " + String.format(java.util.Locale.ROOT, "%,d", MAX_MULTIPLICATIONS)
          + " multiplications, more than the tutor evaluates");
    }
    return a.mult(b); // A B
  }

  /** inv(A), or an ExpressionException when A is not square or its condition number is too large. */
  private static SimpleMatrix invert(SimpleMatrix a, Expr argument) {
    requireSquare(a, "inv(...)", argument);
    requireFactorable(a, argument);
    requireFinite(a, argument);
    if (isScalar(a)) {
      if (a.get(0) == 0) {
        throw new ExpressionException("division by zero: " + TextPrinter.print(argument) + " is 0");
      }
      return scalar(1 / a.get(0)); // 1 / a
    }
    LinearSolverDense<DMatrixRMaj> lu = LinearSolverFactory_DDRM.lu(a.getNumRows());
    if (!lu.setA(a.getDDRM().copy())) { // P A = L U, partial pivoting
      throw singular("inv", argument);
    }
    DMatrixRMaj inverse = new DMatrixRMaj(a.getNumRows(), a.getNumCols());
    lu.invert(inverse); // A^-1 = U^-1 L^-1 P
    if (!finite(inverse)) {
      throw singular("inv", argument);
    }
    double condition = NormOps_DDRM.inducedP1(a.getDDRM()) * NormOps_DDRM.inducedP1(inverse); // ||A|| ||A^-1||
    if (!(condition < MAX_CONDITION)) {
      throw singular("inv", argument);
    }
    return SimpleMatrix.wrap(inverse);
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
  private static void requireFactorable(SimpleMatrix a, Expr node) {
    long n = a.getNumRows();
    if (n * n * n > MAX_MULTIPLICATIONS) {
      throw new ExpressionException(TextPrinter.print(node) + ": factoring a " + describe(a)
          + " takes more than " + String.format(java.util.Locale.ROOT, "%,d", MAX_MULTIPLICATIONS)
          + " multiplications, more than the tutor evaluates");
    }
  }

  private static void requireSquare(SimpleMatrix a, String operation, Expr node) {
    if (a.getNumRows() != a.getNumCols()) {
      throw new ExpressionException(TextPrinter.print(node) + ": " + operation + " needs a square matrix, not "
          + describe(a));
    }
  }

  private static void requireSameShape(SimpleMatrix a, SimpleMatrix b, String operation, Expr node) {
    if (a.getNumRows() != b.getNumRows() || a.getNumCols() != b.getNumCols()) {
      throw new ExpressionException(TextPrinter.print(node) + ": " + operation + " of " + describe(a) + " and "
          + describe(b));
    }
  }

  private static SimpleMatrix requireFinite(SimpleMatrix value, Expr node) {
    if (!finite(value.getDDRM())) {
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
  private static SimpleMatrix map(SimpleMatrix a, DoubleUnaryOperator f, Expr node) {
    SimpleMatrix out = a.createLike();
    for (int i = 0; i < a.getNumElements(); i++) {
      out.set(i, f.applyAsDouble(a.get(i)));
    }
    return requireFinite(out, node);
  }

  private static boolean isScalar(SimpleMatrix m) {
    return m.getNumRows() == 1 && m.getNumCols() == 1;
  }

  private static String describe(SimpleMatrix m) {
    return m.getNumRows() + " x " + m.getNumCols();
  }

  private static SimpleMatrix filled(int rows, int cols, double value) {
    SimpleMatrix m = new SimpleMatrix(rows, cols);
    m.fill(value);
    return m;
  }

  private static SimpleMatrix scalar(double value) {
    SimpleMatrix m = new SimpleMatrix(1, 1);
    m.set(0, value);
    return m;
  }
}
