package org.matrixcalculustutor.numeric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;
import org.matrixcalculustutor.algebra.ExpressionException;
import org.matrixcalculustutor.algebra.Size;

class BindingsTest {

  private final Bindings bindings = new Bindings(Map.of("x", new SimpleMatrix(3, 1)), Map.of("m", 2, "n", 5));

  @Test
  void size_ofAWholeNumberIsItself() {
    assertThat(bindings.size(new Size.Fixed(4))).isEqualTo(4);
  }

  @Test
  void size_ofANameIsItsValue() {
    assertThat(bindings.size(new Size.Named("n"))).isEqualTo(5);
  }

  @Test
  void size_ofAProductNameMultipliesItsFactors() {
    assertThat(bindings.size(new Size.Named("m*n"))).isEqualTo(10);
    assertThat(bindings.size(new Size.Named("m*3"))).isEqualTo(6);
  }

  @Test
  void size_ofAnUnknownNameIsAnExpressionException() {
    assertThatThrownBy(() -> bindings.size(new Size.Named("k")))
        .isExactlyInstanceOf(ExpressionException.class).hasMessageContaining("no value for the size k");
  }

  @Test
  void size_ofAnUnsolvedSizeIsAnExpressionException() {
    assertThatThrownBy(() -> bindings.size(new Size.Var(1)))
        .isExactlyInstanceOf(ExpressionException.class).hasMessageContaining("never solved");
  }

  @Test
  void value_ofAnUnknownSymbolIsAnExpressionException() {
    assertThatThrownBy(() -> bindings.value("y"))
        .isExactlyInstanceOf(ExpressionException.class).hasMessageContaining("no value for the symbol y");
  }

  @Test
  void with_bindsOneMoreSymbolAndLeavesTheOriginalAlone() {
    SimpleMatrix direction = new SimpleMatrix(3, 1);
    Bindings more = bindings.with("dx", direction);
    assertThat(more.value("dx")).isSameAs(direction);
    assertThat(more.value("x")).isSameAs(bindings.value("x"));
    assertThat(more.sizes()).isEqualTo(bindings.sizes());
    assertThat(bindings.values()).doesNotContainKey("dx");
  }

  @Test
  void with_replacesAValue() {
    SimpleMatrix other = new SimpleMatrix(3, 1);
    assertThat(bindings.with("x", other).value("x")).isSameAs(other);
  }

  @Test
  void productSizeBeyondAnInteger_isAnErrorNotAnOverflow() {
    assertThat(bindings.size(new Size.Named("m*n*n"))).isEqualTo(50);
    assertThatThrownBy(() -> bindings.size(new Size.Named("n*".repeat(20) + "n")))
        .isExactlyInstanceOf(ExpressionException.class).hasMessageContaining("beyond any size");
  }
}
