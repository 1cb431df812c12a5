package org.matrixcalculustutor.algebra;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The immutable list of a node's terms or factors, with its hash code computed once: records
 * cannot hold a cached field of their own, so a Sum or a Product keeps it here, and comparing two
 * large trees that differ is decided by their hash codes, not by walking them. Equal to any list
 * with the same elements, as every List is.
 */
final class ExprList extends AbstractList<Expr> implements RandomAccess {

  private final Expr[] items;
  /**
   * Computed at the first use, as String's is (rules build many lists that are never hashed), with
   * its pattern for a hash of 0: a thread that sees either field set sees the right value.
   */
  private int hash;
  private boolean hashIsZero;

  /** The nodes of the elements as trees ({@link NodeCounter}), counted at the first use; 0 until then. */
  private int nodes;

  private ExprList(Expr[] items) {
    this.items = items;
  }

  /** No elements: a leaf's children. */
  static final ExprList EMPTY = new ExprList(new Expr[0]);

  /** The given elements (a node's one or two children). */
  static ExprList of(Expr... items) {
    for (Expr item : items) {
      Objects.requireNonNull(item);
    }
    return new ExprList(items);
  }

  /** The elements of list, copied unless it is already one of these. */
  static ExprList of(Collection<? extends Expr> list) {
    if (list instanceof ExprList same) {
      return same;
    }
    Expr[] items = list.toArray(new Expr[0]);
    for (Expr item : items) {
      Objects.requireNonNull(item);
    }
    return new ExprList(items);
  }

  @Override
  public Expr get(int index) {
    return items[index];
  }

  @Override
  public int size() {
    return items.length;
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0 && !hashIsZero) { // a race computes the same value twice, harmlessly
      h = 1;
      for (Expr item : items) {
        h = 31 * h + item.hashCode(); // List.hashCode's formula, so the List contract holds
      }
      if (h == 0) {
        hashIsZero = true;
      } else {
        hash = h;
      }
    }
    return h;
  }

  /**
   * The nodes of the elements as trees, saturating at {@link NodeCounter#SATURATED}: remembered, so
   * a tree whose lists share their parts (d(X^2) = dX X + X dX, over and over) is counted in the
   * time of its distinct lists, and each rewrite counts only the nodes it built. An empty list counts
   * its 0 again, at no cost; a race counts the same value twice, harmlessly.
   */
  int nodes() {
    int n = nodes;
    if (n == 0) {
      long total = 0;
      for (Expr item : items) {
        total = Math.min(total + NodeCounter.count(item), NodeCounter.SATURATED);
      }
      nodes = n = (int) total;
    }
    return n;
  }

  @Override
  public boolean equals(Object o) {
    if (o == this) {
      return true;
    }
    if (o instanceof ExprList other) {
      return other.hashCode() == hashCode() && Arrays.equals(other.items, items);
    }
    return o instanceof List<?> && super.equals(o);
  }

  /**
   * A plain walk over the array, cheaper than AbstractList's iterator, which checks for concurrent
   * changes this list cannot have: rules iterate terms and factors on every pass.
   */
  @Override
  public Iterator<Expr> iterator() {
    return new Walk(items);
  }

  private static final class Walk implements Iterator<Expr> {

    private final Expr[] items;
    private int next;

    Walk(Expr[] items) {
      this.items = items;
    }

    @Override
    public boolean hasNext() {
      return next < items.length;
    }

    @Override
    public Expr next() {
      if (next >= items.length) {
        throw new NoSuchElementException();
      }
      return items[next++];
    }
  }

  @Override
  public List<Expr> subList(int fromIndex, int toIndex) {
    return new ExprList(Arrays.copyOfRange(items, fromIndex, toIndex));
  }

  @Override
  public Object[] toArray() {
    return items.clone();
  }
}
