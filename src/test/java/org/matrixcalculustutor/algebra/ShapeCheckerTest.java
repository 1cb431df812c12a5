package org.matrixcalculustutor.algebra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ShapeCheckerTest {

  private static Typing check(String text, String declarations) {
    Declarations d = Declarations.parse(declarations, Limits.DEFAULT);
    Parser.Result r = Parser.parse(text, Limits.DEFAULT,
        Set.copyOf(d.all().stream().map(Declaration::name).toList()));
    return ShapeChecker.check(r.expr(), d, r.spans());
  }

  private static String declared(Typing t, String name) {
    return t.declarations().get(name).orElseThrow().text();
  }

  @Nested
  class Inference {

    @Test
    void check_infersMatrixForUpperCaseAndVectorForLowerCase() {
      Typing t = check("x'*A*x", "");
      assertThat(t.shape()).isEqualTo(Shape.SCALAR);
      assertThat(declared(t, "A")).isEqualTo("A: matrix n x n");
      assertThat(declared(t, "x")).isEqualTo("x: vector n");
    }

    @Test
    void check_makesALowerCaseSymbolScalarWhenUsageForcesIt() {
      Typing t = check("c*x + lambda*norm(w)^2*x", "x: vector n");
      assertThat(declared(t, "c")).isEqualTo("c: scalar");
      assertThat(declared(t, "lambda")).isEqualTo("lambda: scalar");
    }

    @Test
    void check_solvesSizesThroughAChain() {
      Typing t = check("tr(A*X*B)", "A: matrix p x m\nB: matrix n x p");
      assertThat(declared(t, "X")).isEqualTo("X: matrix m x n");
    }

    @Test
    void check_givesContextSizedConstantsTheirSize() {
      Typing t = check("ones'*exp(X*w)", "X: matrix m x n");
      assertThat(t.shape()).isEqualTo(Shape.SCALAR);
      assertThat(declared(t, "w")).isEqualTo("w: vector n");
    }

    @Test
    void check_givesTheShapeOfAMatrixLiteral() {
      assertThat(check("[cos(t), -sin(t); sin(t), cos(t)]", "t: scalar").shape())
          .isEqualTo(new Shape(new Size.Fixed(2), new Size.Fixed(2)));
    }

    @Test
    void check_diagTurnsAVectorIntoAMatrixAndBack() {
      assertThat(check("diag(x)", "x: vector n").shape().toString()).isEqualTo("n x n");
      assertThat(check("diag(X)", "X: matrix n x n").shape().toString()).isEqualTo("n x 1");
    }
  }

  @Nested
  class Clashes {

    @Test
    void product_clashNamesBothSidesAndTheirShapes() {
      assertThatThrownBy(() -> check("X*w", "X: matrix m x n\nw: vector k"))
          .isInstanceOf(ExpressionException.class)
          .hasMessageContaining("X is m x n").hasMessageContaining("w is a vector of length k");
    }

    @Test
    void sum_clashNamesBothSides() {
      assertThatThrownBy(() -> check("A + B", "A: matrix m x n\nB: matrix n x m"))
          .isInstanceOf(ExpressionException.class).hasMessageContaining("A is m x n")
          .hasMessageContaining("B is n x m");
    }

    @Test
    void inverse_ofANonSquareMatrixIsAnError() {
      assertThatThrownBy(() -> check("inv(X)", "X: matrix m x n"))
          .isInstanceOf(ExpressionException.class).hasMessageContaining("square");
    }

    @Test
    void trace_andDeterminantNeedSquareMatrices() {
      assertThatThrownBy(() -> check("tr(X)", "X: matrix 2 x 3")).hasMessageContaining("square");
      assertThatThrownBy(() -> check("det(X)", "X: matrix 2 x 3")).hasMessageContaining("square");
    }

    @Test
    void power_ofAVectorSuggestsTheEntryWiseForm() {
      assertThatThrownBy(() -> check("x^2", "x: vector n")).hasMessageContaining(".^");
    }

    @Test
    void clash_carriesThePositionOfTheOffendingNode() {
      assertThatThrownBy(() -> check("a + X*w", "X: matrix m x n\nw: vector k"))
          .satisfies(e -> assertThat(((ExpressionException) e).position()).isEqualTo(5));
    }
  }

  @Nested
  class DeclarationBlocks {

    @Test
    void declarations_parseTypesSizesAndProperties() {
      Declarations d = Declarations.parse("A, B: matrix n x n spd\nx: vector 3 positive\nc: scalar",
          Limits.DEFAULT);
      assertThat(d.has("A", Property.SYMMETRIC)).isTrue();
      assertThat(d.has("B", Property.INVERTIBLE)).isTrue();
      assertThat(d.get("x").orElseThrow().shape()).isEqualTo(Shape.vector(new Size.Fixed(3)));
      assertThat(Declarations.parse(d.text(), Limits.DEFAULT)).isEqualTo(d);
    }

    @Test
    void declarations_rejectUnknownTypesAndPropertiesWithTheirPlace() {
      assertThatThrownBy(() -> Declarations.parse("x: vektor n", Limits.DEFAULT))
          .hasMessageContaining("unknown type 'vektor'");
      assertThatThrownBy(() -> Declarations.parse("A: matrix n x n symetric", Limits.DEFAULT))
          .hasMessageContaining("unknown property 'symetric'");
      assertThatThrownBy(() -> Declarations.parse("A: matrix m x n symmetric", Limits.DEFAULT))
          .hasMessageContaining("must be square");
    }

    /** Which of two types was meant cannot be told: the second used to win silently. */
    @Test
    void declarations_rejectASymbolDeclaredTwiceDifferentlyWithItsPlace() {
      assertThatThrownBy(() -> Declarations.parse("A: matrix 3 x 3\nA: matrix 4 x 4", Limits.DEFAULT))
          .isInstanceOf(ExpressionException.class)
          .hasMessageContaining("'A' is declared twice, as matrix 3 x 3 and as matrix 4 x 4")
          .satisfies(e -> assertThat(((ExpressionException) e).position()).isEqualTo(17));
      assertThatThrownBy(() -> Declarations.parse("x: vector n\nx, y: scalar", Limits.DEFAULT))
          .hasMessageContaining("'x' is declared twice");
      assertThatThrownBy(() -> Declarations.parse("S: matrix n x n symmetric\nS: matrix n x n", Limits.DEFAULT))
          .hasMessageContaining("symmetric");
      assertThat(Declarations.parse("x: vector n\nx: vector n", Limits.DEFAULT).all()).hasSize(1);
    }

    @Test
    void declarations_rejectSizesOverTheLimit() {
      assertThatThrownBy(() -> Declarations.parse("A: matrix 100000 x 2", Limits.DEFAULT))
          .hasMessageContaining("outside 1..");
    }
  }

  /** Sizes of vec and Kronecker products: products of sizes, solved where a factor is unknown. */
  @Nested
  class ProductSizes {

    @Test
    void vecAndKron_haveProductSizesInEitherOrder() {
      Typing t = check("kron(B', A)*vec(X)", "A: matrix p x m\nX: matrix m x n\nB: matrix n x q");
      assertThat(t.shape().toString()).isEqualTo("p*q x 1");
      assertThat(check("commutation(m, n)*vec(X)", "X: matrix m x n").shape().toString()).isEqualTo("m*n x 1");
      assertThat(check("kron(A, B)", "A: matrix 2 x 3\nB: matrix 4 x n").shape().toString()).isEqualTo("8 x 3*n");
    }

    @Test
    void contextSizedIdentityInAKronecker_isSolvedFromTheOtherSide() {
      Typing t = check("kron(I, A) + kron(I(n), A')", "A: matrix m x m");
      assertThat(t.shape().toString()).isEqualTo("m*n x m*n");
      Typing two = check("kron(I, A) + kron(I, A') + kron(I(n), A)", "A: matrix m x m");
      assertThat(two.shape().toString()).isEqualTo("m*n x m*n");
    }

    /** The hints write 1 - sigma(u), as on paper: the answer box needs ones - sigmoid(u), and says so. */
    @Test
    void aNumberBesideAVector_suggestsOnes() {
      assertThatThrownBy(() -> check("1 - sigmoid(X*w)", "X: matrix m x n\nw: vector n"))
          .isInstanceOf(ExpressionException.class).hasMessageContaining("a sum needs equal shapes")
          .hasMessageContaining("write ones for a vector of ones (ones - x, ones ./ x)").hasMessageNotContaining("1*ones");
      assertThatThrownBy(() -> check("2 ./ x", "x: vector n"))
          .isInstanceOf(ExpressionException.class).hasMessageContaining("2*ones for 2 in each entry");
      assertThatThrownBy(() -> check("kron(I, A) + B", "A: matrix m x m\nB: matrix n x n"))
          .isInstanceOf(ExpressionException.class).hasMessageNotContaining("ones");
    }

    @Test
    void kroneckerThatCannotMatch_isAClash() {
      assertThatThrownBy(() -> check("kron(I, A) + B", "A: matrix m x m\nB: matrix n x n"))
          .isInstanceOf(ExpressionException.class).hasMessageContaining("a sum needs equal shapes");
    }

    @Test
    void kroneckerOfTwoContextSizedIdentities_asksForTheirSizes() {
      assertThatThrownBy(() -> check("kron(I, I)*vec(X)", "X: matrix m x n"))
          .isInstanceOf(ExpressionException.class).hasMessageContaining("give them, as in I(n)");
    }

    @Test
    void vecOfAnUndeclaredMatrix_hasTheProductOfItsNamedSizes() {
      Typing t = check("vec(X)", "");
      String[] sizes = declared(t, "X").substring("X: matrix ".length()).split(" x ");
      assertThat(t.shape().rows().toString()).isIn(sizes[0] + "*" + sizes[1], sizes[1] + "*" + sizes[0]);
    }

    @Test
    void symbolicExponent_makesAnUndeclaredLowerCaseNameScalar() {
      Typing t = check("det(X)^j", "X: matrix n x n");
      assertThat(declared(t, "j")).isEqualTo("j: scalar");
    }
  }
}
