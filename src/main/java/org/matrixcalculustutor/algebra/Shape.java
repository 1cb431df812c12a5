package org.matrixcalculustutor.algebra;

/** rows x cols; a scalar is 1 x 1 and a vector of length n is n x 1. */
public record Shape(Size rows, Size cols) {

  public static final Shape SCALAR = new Shape(Size.ONE, Size.ONE);

  public static Shape vector(Size n) {
    return new Shape(n, Size.ONE);
  }

  public boolean isScalar() {
    return rows.isOne() && cols.isOne();
  }

  public boolean isColumn() {
    return cols.isOne() && !rows.isOne();
  }

  public boolean isRow() {
    return rows.isOne() && !cols.isOne();
  }

  public boolean isSquare() {
    return rows.equals(cols);
  }

  public Shape transposed() {
    return new Shape(cols, rows);
  }

  /** "scalar", "vector n", "row vector n" or "matrix m x n", as declarations and messages say it. */
  public String describe() {
    if (isScalar()) {
      return "scalar";
    }
    if (cols.isOne()) {
      return "vector " + rows;
    }
    if (rows.isOne()) {
      return "row vector " + cols;
    }
    return "matrix " + rows + " x " + cols;
  }

  @Override
  public String toString() {
    return rows + " x " + cols;
  }
}
