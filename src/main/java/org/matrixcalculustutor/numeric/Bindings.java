package org.matrixcalculustutor.numeric;

import java.util.HashMap;
import java.util.Map;
import org.ejml.simple.SimpleMatrix;
import org.matrixcalculustutor.algebra.ExpressionException;
import org.matrixcalculustutor.algebra.Size;

/**
 * Values of symbols (a scalar is 1 x 1) and of size names, for evaluating an expression.
 *
 * @param values symbol name to value; "dX" holds a direction for the differential of X
 * @param sizes size name to whole number
 */
public record Bindings(Map<String, SimpleMatrix> values, Map<String, Integer> sizes) {

  public Bindings {
    values = Map.copyOf(values);
    sizes = Map.copyOf(sizes);
  }

  /** The number a size stands for here; "m*n" (the size of a Kronecker product) multiplies. */
  public int size(Size size) {
    if (size instanceof Size.Fixed f) {
      return f.value();
    }
    String name = size.toString();
    if (name.contains("*")) {
      int product = 1;
      for (String part : name.split("\\*")) {
        product *= size(Size.of(part));
      }
      return product;
    }
    Integer value = sizes.get(name);
    if (value == null) {
      throw new ExpressionException("no value for the size " + name);
    }
    return value;
  }

  public SimpleMatrix value(String symbol) {
    SimpleMatrix value = values.get(symbol);
    if (value == null) {
      throw new ExpressionException("no value for the symbol " + symbol);
    }
    return value;
  }

  public Bindings with(String symbol, SimpleMatrix value) {
    Map<String, SimpleMatrix> copy = new HashMap<>(values);
    copy.put(symbol, value);
    return new Bindings(copy, sizes);
  }
}
