package org.matrixcalculustutor.numeric;

import java.util.AbstractMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
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

  /** Joins the factors of a size name such as "m*n", the size of a Kronecker product or of vec(X). */
  static final String TIMES = "*";

  public Bindings {
    values = values instanceof Overlay ? values : Map.copyOf(values);
    sizes = Map.copyOf(sizes); // no copy when it is already immutable
  }

  /** The number a size stands for here: a whole number is itself, a name is looked up, "m*n" multiplies. */
  public int size(Size size) {
    if (size instanceof Size.Fixed fixed) {
      return fixed.value();
    }
    if (size instanceof Size.Named named) {
      return named(named.name());
    }
    throw new ExpressionException("the size " + size + " was never solved");
  }

  private int named(String name) {
    Integer value = sizes.get(name);
    if (value != null) {
      return value;
    }
    if (name.contains(TIMES)) {
      long product = 1;
      for (String factor : name.split("\\" + TIMES)) {
        product *= size(Size.of(factor));
        if (product > Integer.MAX_VALUE) {
          throw new ExpressionException("the size " + name + " is beyond any size the tutor works with");
        }
      }
      return (int) product;
    }
    throw new ExpressionException("no value for the size " + name);
  }

  /** The value of a symbol, or of a direction "dX". */
  public SimpleMatrix value(String symbol) {
    SimpleMatrix value = values.get(symbol);
    if (value == null) {
      throw new ExpressionException("no value for the symbol " + symbol);
    }
    return value;
  }

  /**
   * These bindings with symbol bound to value (replacing any value it had). The values are not
   * copied: a finite-difference check evaluates f at X + hV and X - hV for every direction, and a
   * copy of every binding each time was most of its cost beside the arithmetic.
   */
  public Bindings with(String symbol, SimpleMatrix value) {
    return new Bindings(new Overlay(values, symbol, value), sizes);
  }

  /** An immutable map: base with one key bound to its own value. */
  private static final class Overlay extends AbstractMap<String, SimpleMatrix> {

    private final Map<String, SimpleMatrix> base;
    private final String key;
    private final SimpleMatrix value;
    private Set<Entry<String, SimpleMatrix>> entries;

    Overlay(Map<String, SimpleMatrix> base, String key, SimpleMatrix value) {
      this.base = base instanceof Overlay o && o.key.equals(key) ? o.base : base; // X + hV after X - hV
      this.key = java.util.Objects.requireNonNull(key);
      this.value = java.util.Objects.requireNonNull(value);
    }

    @Override
    public SimpleMatrix get(Object k) {
      return key.equals(k) ? value : base.get(k);
    }

    @Override
    public boolean containsKey(Object k) {
      return key.equals(k) || base.containsKey(k);
    }

    @Override
    public Set<Entry<String, SimpleMatrix>> entrySet() {
      if (entries == null) { // only for equals, hashCode and printing: rare
        Map<String, SimpleMatrix> all = new HashMap<>(base);
        all.put(key, value);
        entries = java.util.Collections.unmodifiableMap(all).entrySet();
      }
      return entries;
    }
  }
}
