package org.matrixcalculustutor.numeric;

import java.util.List;
import org.ejml.simple.SimpleMatrix;
import org.matrixcalculustutor.algebra.Expr;
import org.matrixcalculustutor.algebra.ExpressionException;
import org.matrixcalculustutor.algebra.Shape;
import org.matrixcalculustutor.algebra.TextPrinter;
import org.matrixcalculustutor.algebra.Typing;

/**
 * Evaluates an expression with EJML for given values. Context-sized constants (I, ones) take
 * their size from the Typing of the same tree. Anything that has no value (a singular matrix to
 * invert, the log of a negative number) is an ExpressionException, never an EJML one.
 */
public final class Evaluator implements Expr.Visitor<SimpleMatrix> {

  /** Beyond this condition number a matrix counts as singular. */
  static final double MAX_CONDITION = 1e12;

  private final Typing typing;
  private final Bindings bindings;

  private Evaluator(Typing typing, Bindings bindings) {
    this.typing = typing;
    this.bindings = bindings;
  }

  public static SimpleMatrix evaluate(Expr expr, Typing typing, Bindings bindings) {
    SimpleMatrix value = expr.accept(new Evaluator(typing, bindings));
    for (int i = 0; i < value.getNumElements(); i++) {
      if (!Double.isFinite(value.get(i))) {
        throw new ExpressionException(TextPrinter.print(expr) + " has no finite value here");
      }
    }
    return value;
  }

  private int rows(Expr node) {
    return bindings.size(shape(node).rows());
  }

  private int cols(Expr node) {
    return bindings.size(shape(node).cols());
  }

  private Shape shape(Expr node) {
    Shape shape = typing.shapeOf(node);
    if (shape == null) {
      throw new IllegalStateException("no shape for " + TextPrinter.print(node));
    }
    return shape;
  }

  private static boolean scalar(SimpleMatrix m) {
    return m.getNumRows() == 1 && m.getNumCols() == 1;
  }

  /** a * b where a 1 x 1 side multiplies as a scalar. */
  private static SimpleMatrix times(SimpleMatrix a, SimpleMatrix b) {
    if (scalar(a)) {
      return b.scale(a.get(0));
    }
    if (scalar(b)) {
      return a.scale(b.get(0));
    }
    if (a.getNumCols() != b.getNumRows()) {
      throw new ExpressionException("cannot multiply " + a.getNumRows() + " x " + a.getNumCols()
          + " by " + b.getNumRows() + " x " + b.getNumCols());
    }
    return a.mult(b);
  }

  private static SimpleMatrix sameShape(SimpleMatrix a, SimpleMatrix b, String operation) {
    if (a.getNumRows() != b.getNumRows() || a.getNumCols() != b.getNumCols()) {
      throw new ExpressionException(operation + " of " + a.getNumRows() + " x " + a.getNumCols()
          + " and " + b.getNumRows() + " x " + b.getNumCols());
    }
    return a;
  }

  private SimpleMatrix invert(SimpleMatrix a, Expr node) {
    if (a.getNumRows() != a.getNumCols()) {
      throw new ExpressionException("inv(" + TextPrinter.print(node) + ") needs a square matrix");
    }
    if (scalar(a)) {
      if (a.get(0) == 0) {
        throw new ExpressionException("division by zero in " + TextPrinter.print(node));
      }
      return new SimpleMatrix(new double[][] {{1 / a.get(0)}});
    }
    double condition = a.conditionP2();
    if (!(condition < MAX_CONDITION)) {
      throw new ExpressionException("inv(...) of a singular matrix: " + TextPrinter.print(node)
          + " cannot be inverted");
    }
    return a.invert();
  }

  private static SimpleMatrix map(SimpleMatrix a, java.util.function.DoubleUnaryOperator f) {
    SimpleMatrix out = a.createLike();
    for (int i = 0; i < a.getNumElements(); i++) {
      out.set(i, f.applyAsDouble(a.get(i)));
    }
    return out;
  }

  private static SimpleMatrix filled(int rows, int cols, double value) {
    SimpleMatrix m = new SimpleMatrix(rows, cols);
    m.fill(value);
    return m;
  }

  private static SimpleMatrix scalarMatrix(double value) {
    return new SimpleMatrix(new double[][] {{value}});
  }

  @Override
  public SimpleMatrix symbol(Expr.Symbol e) {
    return bindings.value(e.name());
  }

  @Override
  public SimpleMatrix number(Expr.Number e) {
    return scalarMatrix(e.value());
  }

  @Override
  public SimpleMatrix identity(Expr.Identity e) {
    return SimpleMatrix.identity(rows(e));
  }

  @Override
  public SimpleMatrix ones(Expr.Ones e) {
    return filled(rows(e), 1, 1);
  }

  @Override
  public SimpleMatrix zeros(Expr.Zeros e) {
    return new SimpleMatrix(rows(e), cols(e));
  }

  @Override
  public SimpleMatrix sum(Expr.Sum e) {
    SimpleMatrix total = null;
    for (Expr term : e.terms()) {
      if (term instanceof Expr.Number n && n.value() == 0) {
        continue;
      }
      SimpleMatrix value = term.accept(this);
      total = total == null ? value.copy() : sameShape(total, value, "a sum").plus(value);
    }
    return total == null ? new SimpleMatrix(rows(e), cols(e)) : total;
  }

  @Override
  public SimpleMatrix product(Expr.Product e) {
    SimpleMatrix acc = null;
    for (Expr factor : e.factors()) {
      SimpleMatrix value = factor.accept(this);
      acc = acc == null ? value : times(acc, value);
    }
    return acc;
  }

  @Override
  public SimpleMatrix power(Expr.Power e) {
    SimpleMatrix base = e.base().accept(this);
    double k = e.exponent();
    if (scalar(base)) {
      double value = Math.pow(base.get(0), k);
      if (!Double.isFinite(value)) {
        throw new ExpressionException(TextPrinter.print(e) + " has no finite value here");
      }
      return scalarMatrix(value);
    }
    SimpleMatrix factor = k < 0 ? invert(base, e.base()) : base;
    SimpleMatrix result = SimpleMatrix.identity(base.getNumRows());
    for (int i = 0; i < (int) Math.abs(k); i++) {
      result = result.mult(factor); // X^k = X X ... X
    }
    return result;
  }

  @Override
  public SimpleMatrix elementPower(Expr.ElementPower e) {
    return map(e.base().accept(this), v -> Math.pow(v, e.exponent()));
  }

  @Override
  public SimpleMatrix hadamard(Expr.Hadamard e) {
    SimpleMatrix acc = null;
    for (Expr factor : e.factors()) {
      SimpleMatrix value = factor.accept(this);
      acc = acc == null ? value : sameShape(acc, value, "an entry-wise product").elementMult(value);
    }
    return acc;
  }

  @Override
  public SimpleMatrix hadamardQuotient(Expr.HadamardQuotient e) {
    SimpleMatrix n = e.numerator().accept(this);
    SimpleMatrix d = e.denominator().accept(this);
    return sameShape(n, d, "an entry-wise division").elementDiv(d); // n ./ d
  }

  @Override
  public SimpleMatrix transpose(Expr.Transpose e) {
    return e.argument().accept(this).transpose();
  }

  @Override
  public SimpleMatrix inverse(Expr.Inverse e) {
    return invert(e.argument().accept(this), e.argument());
  }

  @Override
  public SimpleMatrix trace(Expr.Trace e) {
    return scalarMatrix(e.argument().accept(this).trace());
  }

  @Override
  public SimpleMatrix det(Expr.Det e) {
    return scalarMatrix(e.argument().accept(this).determinant());
  }

  @Override
  public SimpleMatrix logDet(Expr.LogDet e) {
    double det = e.argument().accept(this).determinant();
    if (det == 0) {
      throw new ExpressionException("logdet(" + TextPrinter.print(e.argument()) + ") of a singular matrix");
    }
    return scalarMatrix(Math.log(Math.abs(det))); // log|det X|
  }

  @Override
  public SimpleMatrix norm(Expr.Norm e) {
    return scalarMatrix(e.argument().accept(this).normF()); // sqrt(sum of squares)
  }

  @Override
  public SimpleMatrix sumAll(Expr.SumAll e) {
    return scalarMatrix(e.argument().accept(this).elementSum());
  }

  @Override
  public SimpleMatrix diag(Expr.Diag e) {
    SimpleMatrix a = e.argument().accept(this);
    if (scalar(a)) {
      return a;
    }
    if (a.getNumCols() == 1) {
      return SimpleMatrix.diag(a.getDDRM().data); // diag(x): x on the diagonal
    }
    SimpleMatrix d = new SimpleMatrix(a.getNumRows(), 1);
    for (int i = 0; i < a.getNumRows(); i++) {
      d.set(i, 0, a.get(i, i)); // diag(X)_i = X_ii
    }
    return d;
  }

  @Override
  public SimpleMatrix softmax(Expr.Softmax e) {
    SimpleMatrix x = e.argument().accept(this);
    double max = x.elementMax();
    SimpleMatrix exp = map(x, v -> Math.exp(v - max)); // shifted for stability
    return exp.divide(exp.elementSum()); // exp(x) / sum(exp(x))
  }

  @Override
  public SimpleMatrix logSumExp(Expr.LogSumExp e) {
    SimpleMatrix x = e.argument().accept(this);
    double max = x.elementMax();
    return scalarMatrix(max + Math.log(map(x, v -> Math.exp(v - max)).elementSum()));
  }

  @Override
  public SimpleMatrix kron(Expr.Kron e) {
    return e.left().accept(this).kron(e.right().accept(this));
  }

  @Override
  public SimpleMatrix vec(Expr.Vec e) {
    SimpleMatrix a = e.argument().accept(this);
    SimpleMatrix v = new SimpleMatrix(a.getNumElements(), 1);
    int k = 0;
    for (int j = 0; j < a.getNumCols(); j++) {
      for (int i = 0; i < a.getNumRows(); i++) {
        v.set(k++, 0, a.get(i, j)); // columns stacked
      }
    }
    return v;
  }

  @Override
  public SimpleMatrix apply(Expr.Apply e) {
    SimpleMatrix a = e.argument().accept(this);
    java.util.function.DoubleUnaryOperator f = switch (e.function()) {
      case EXP -> Math::exp;
      case LOG -> v -> {
        if (v <= 0) {
          throw new ExpressionException("log of a non-positive number in " + TextPrinter.print(e));
        }
        return Math.log(v);
      };
      case SIN -> Math::sin;
      case COS -> Math::cos;
      case TAN -> Math::tan;
      case TANH -> Math::tanh;
      case SIGMOID -> v -> 1 / (1 + Math.exp(-v));
      case SQRT -> v -> {
        if (v < 0) {
          throw new ExpressionException("sqrt of a negative number in " + TextPrinter.print(e));
        }
        return Math.sqrt(v);
      };
      case ABS -> Math::abs;
    };
    return map(a, f);
  }

  @Override
  public SimpleMatrix inner(Expr.Inner e) {
    SimpleMatrix a = e.left().accept(this);
    SimpleMatrix b = e.right().accept(this);
    return scalarMatrix(sameShape(a, b, "an inner product").elementMult(b).elementSum()); // tr(A'B)
  }

  @Override
  public SimpleMatrix matrixLiteral(Expr.MatrixLiteral e) {
    List<List<Expr>> rows = e.rows();
    SimpleMatrix[][] blocks = new SimpleMatrix[rows.size()][];
    int totalRows = 0;
    int totalCols = 0;
    for (int i = 0; i < rows.size(); i++) {
      blocks[i] = new SimpleMatrix[rows.get(i).size()];
      int width = 0;
      for (int j = 0; j < blocks[i].length; j++) {
        blocks[i][j] = rows.get(i).get(j).accept(this);
        width += blocks[i][j].getNumCols();
      }
      totalRows += blocks[i][0].getNumRows();
      totalCols = width;
    }
    SimpleMatrix out = new SimpleMatrix(totalRows, totalCols);
    int top = 0;
    for (SimpleMatrix[] row : blocks) {
      int left = 0;
      for (SimpleMatrix block : row) {
        out.insertIntoThis(top, left, block);
        left += block.getNumCols();
      }
      top += row[0].getNumRows();
    }
    return out;
  }

  @Override
  public SimpleMatrix differential(Expr.Differential e) {
    return bindings.value("d" + e.variable().name());
  }
}
