package org.matrixcalculustutor.algebra;

import java.util.List;
import java.util.Objects;

/**
 * An expression of the language in LANGUAGE.md: immutable records whose equality is structure.
 * Source positions are not components (the parser keeps them in a side table), so equal records
 * mean the same mathematics. Every operation over expressions is one {@link Visitor}.
 */
public sealed interface Expr {

  <R> R accept(Visitor<R> visitor);

  /** A named scalar, vector or matrix: A, x, Sigma, lambda_2. */
  record Symbol(String name) implements Expr {
    public Symbol {
      Objects.requireNonNull(name);
    }

    public <R> R accept(Visitor<R> visitor) {
      return visitor.symbol(this);
    }
  }

  /** A real constant; pi is Number(Math.PI). */
  record Number(double value) implements Expr {
    public Number {
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("a number is finite");
      }
    }

    public boolean is(double other) {
      return value == other;
    }

    public <R> R accept(Visitor<R> visitor) {
      return visitor.number(this);
    }
  }

  /** I, or I(n); a null size takes its size from the context. */
  record Identity(Size size) implements Expr {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.identity(this);
    }
  }

  /** ones, or ones(n): the column vector of ones; a null size takes its size from the context. */
  record Ones(Size size) implements Expr {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.ones(this);
    }
  }

  /** zeros(m, n); null sizes take their size from the context. */
  record Zeros(Size rows, Size cols) implements Expr {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.zeros(this);
    }
  }

  /** a + b + ...; a difference is a sum with a negated term. */
  record Sum(List<Expr> terms) implements Expr {
    public Sum {
      terms = ExprList.of(terms); // its hash code computed once
      if (terms.size() < 2) {
        throw new IllegalArgumentException("a sum needs two terms");
      }
    }

    public <R> R accept(Visitor<R> visitor) {
      return visitor.sum(this);
    }
  }

  /**
   * a * b * ...: the matrix product, in order; a 1 x 1 factor multiplies as a scalar. Negation is
   * the factor -1 and division by a scalar c is the factor c^-1.
   */
  record Product(List<Expr> factors) implements Expr {
    public Product {
      factors = ExprList.of(factors);
      if (factors.size() < 2) {
        throw new IllegalArgumentException("a product needs two factors");
      }
    }

    public <R> R accept(Visitor<R> visitor) {
      return visitor.product(this);
    }
  }

  /** a ^ k: a power of a scalar, or an integer power of a square matrix. */
  record Power(Expr base, double exponent) implements Expr {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.power(this);
    }
  }

  /**
   * a ^ b with an exponent that is an expression, not a number: det(X)^j, (x'*x)^c, 2^(a'*x). Base
   * and exponent are scalars; a number exponent is a {@link Power}.
   */
  record ScalarPower(Expr base, Expr exponent) implements Expr {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.scalarPower(this);
    }
  }

  /** a .^ k: every entry raised to k. */
  record ElementPower(Expr base, double exponent) implements Expr {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.elementPower(this);
    }
  }

  /** a .* b .* ...: the Hadamard (entrywise) product; commutative. */
  record Hadamard(List<Expr> factors) implements Expr {
    public Hadamard {
      factors = ExprList.of(factors);
      if (factors.size() < 2) {
        throw new IllegalArgumentException("a Hadamard product needs two factors");
      }
    }

    public <R> R accept(Visitor<R> visitor) {
      return visitor.hadamard(this);
    }
  }

  /** a ./ b: entrywise division. */
  record HadamardQuotient(Expr numerator, Expr denominator) implements Expr {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.hadamardQuotient(this);
    }
  }

  /** a'. */
  record Transpose(Expr argument) implements Expr {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.transpose(this);
    }
  }

  /** inv(X). */
  record Inverse(Expr argument) implements Expr {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.inverse(this);
    }
  }

  /** tr(X). */
  record Trace(Expr argument) implements Expr {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.trace(this);
    }
  }

  /** det(X). */
  record Det(Expr argument) implements Expr {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.det(this);
    }
  }

  /** logdet(X) = log|det X|. */
  record LogDet(Expr argument) implements Expr {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.logDet(this);
    }
  }

  /** Euclidean norm of a vector, Frobenius norm of a matrix. */
  record Norm(Expr argument) implements Expr {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.norm(this);
    }
  }

  /** sum(X): the sum of all entries. */
  record SumAll(Expr argument) implements Expr {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.sumAll(this);
    }
  }

  /** diag(x) builds a diagonal matrix; diag(X) takes the diagonal as a vector. */
  record Diag(Expr argument) implements Expr {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.diag(this);
    }
  }

  /** softmax(x) = exp(x) / sum(exp(x)). */
  record Softmax(Expr argument) implements Expr {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.softmax(this);
    }
  }

  /** logsumexp(x) = log(sum(exp(x))). */
  record LogSumExp(Expr argument) implements Expr {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.logSumExp(this);
    }
  }

  /** vec(X): the columns stacked into one vector. */
  record Vec(Expr argument) implements Expr {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.vec(this);
    }
  }

  /** kron(A, B): the Kronecker product. */
  record Kron(Expr left, Expr right) implements Expr {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.kron(this);
    }
  }

  /**
   * commutation(m, n): the mn x mn permutation K with K vec(A) = vec(A') for every m x n matrix A
   * (Magnus and Neudecker's K_mn).
   */
  record Commutation(Size rows, Size cols) implements Expr {
    public Commutation {
      Objects.requireNonNull(rows);
      Objects.requireNonNull(cols);
    }

    public <R> R accept(Visitor<R> visitor) {
      return visitor.commutation(this);
    }
  }

  /** An element-wise function: exp(X), sigmoid(x); on a scalar it is the ordinary function. */
  record Apply(Function function, Expr argument) implements Expr {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.apply(this);
    }
  }

  /** <a, b>: a'b for vectors, tr(A'B) for matrices; dot(a, b) is the same. */
  record Inner(Expr left, Expr right) implements Expr {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.inner(this);
    }
  }

  /** [a, b; c, d]: rows of entries, each entry a scalar or a block. */
  record MatrixLiteral(List<List<Expr>> rows) implements Expr {
    public MatrixLiteral {
      rows = rows.stream().map(row -> (List<Expr>) ExprList.of(row)).toList();
      if (rows.isEmpty() || rows.get(0).isEmpty()) {
        throw new IllegalArgumentException("a matrix literal has at least one entry");
      }
    }

    public <R> R accept(Visitor<R> visitor) {
      return visitor.matrixLiteral(this);
    }
  }

  /** dX: the differential of a variable; appears only inside derivations. */
  record Differential(Symbol variable) implements Expr {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.differential(this);
    }
  }

  /** The element-wise functions of the language. */
  enum Function {
    EXP("exp"),
    LOG("log"),
    SIN("sin"),
    COS("cos"),
    TAN("tan"),
    TANH("tanh"),
    SIGMOID("sigmoid"),
    SQRT("sqrt"),
    ABS("abs");

    private final String word;

    Function(String word) {
      this.word = word;
    }

    public String word() {
      return word;
    }
  }

  /** One method per record: a new record does not compile until every operation handles it. */
  interface Visitor<R> {
    R symbol(Symbol e);

    R number(Number e);

    R identity(Identity e);

    R ones(Ones e);

    R zeros(Zeros e);

    R sum(Sum e);

    R product(Product e);

    R power(Power e);

    R scalarPower(ScalarPower e);

    R elementPower(ElementPower e);

    R hadamard(Hadamard e);

    R hadamardQuotient(HadamardQuotient e);

    R transpose(Transpose e);

    R inverse(Inverse e);

    R trace(Trace e);

    R det(Det e);

    R logDet(LogDet e);

    R norm(Norm e);

    R sumAll(SumAll e);

    R diag(Diag e);

    R softmax(Softmax e);

    R logSumExp(LogSumExp e);

    R vec(Vec e);

    R kron(Kron e);

    R commutation(Commutation e);

    R apply(Apply e);

    R inner(Inner e);

    R matrixLiteral(MatrixLiteral e);

    R differential(Differential e);
  }
}
