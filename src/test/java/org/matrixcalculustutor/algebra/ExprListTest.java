package org.matrixcalculustutor.algebra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** A node's list keeps the List contract with a hash computed at first use, on any thread. */
class ExprListTest {

  private final List<Expr> factors = List.of(new Expr.Symbol("A"), new Expr.Transpose(new Expr.Symbol("x")),
      new Expr.Number(2));

  @Test
  void hashAndEquality_areThoseOfAnyListWithTheSameElements() {
    ExprList list = ExprList.of(factors);
    assertThat(list.hashCode()).isEqualTo(factors.hashCode()).isEqualTo(list.hashCode());
    assertThat(list).isEqualTo(factors).isEqualTo(ExprList.of(new ArrayList<>(factors)));
    assertThat(factors).isEqualTo(list);
    assertThat(list).isNotEqualTo(ExprList.of(factors.subList(0, 2)));
    assertThat(new Expr.Product(factors)).isEqualTo(new Expr.Product(new ArrayList<>(factors)))
        .hasSameHashCodeAs(new Expr.Product(new ArrayList<>(factors)));
  }

  @Test
  void aListSharedByThreads_givesEveryOneTheSameHash() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      for (int round = 0; round < 200; round++) {
        ExprList shared = ExprList.of(factors);
        List<Future<Integer>> hashes = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
          hashes.add(threads.submit(shared::hashCode));
        }
        for (Future<Integer> h : hashes) {
          assertThat(h.get()).isEqualTo(factors.hashCode());
        }
      }
    } finally {
      threads.shutdownNow();
    }
  }
}
