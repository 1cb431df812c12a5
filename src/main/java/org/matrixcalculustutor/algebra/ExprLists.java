package org.matrixcalculustutor.algebra;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The questions rules ask of a node's terms or factors, as plain loops. They are the guards that
 * every node meets on every pass (does any factor splice? is any a power?), and a stream for each
 * was a fifth of the simplifier's allocation; named as the stream operations they replace.
 */
final class ExprLists {

  private ExprLists() {}

  static boolean anyMatch(List<Expr> list, Predicate<? super Expr> test) {
    for (int i = 0; i < list.size(); i++) {
      if (test.test(list.get(i))) {
        return true;
      }
    }
    return false;
  }

  static boolean noneMatch(List<Expr> list, Predicate<? super Expr> test) {
    return !anyMatch(list, test);
  }

  static boolean allMatch(List<Expr> list, Predicate<? super Expr> test) {
    for (int i = 0; i < list.size(); i++) {
      if (!test.test(list.get(i))) {
        return false;
      }
    }
    return true;
  }

  static int count(List<Expr> list, Predicate<? super Expr> test) {
    int count = 0;
    for (int i = 0; i < list.size(); i++) {
      if (test.test(list.get(i))) {
        count++;
      }
    }
    return count;
  }

  /** The elements that pass test, in order, as a new list. */
  static List<Expr> filter(List<Expr> list, Predicate<? super Expr> test) {
    List<Expr> kept = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      if (test.test(list.get(i))) {
        kept.add(list.get(i));
      }
    }
    return kept;
  }
}
