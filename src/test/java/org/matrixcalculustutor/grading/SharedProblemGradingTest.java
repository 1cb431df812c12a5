package org.matrixcalculustutor.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.matrixcalculustutor.algebra.Limits;
import org.matrixcalculustutor.calculus.Layout;
import org.matrixcalculustutor.engine.Engine;

/**
 * A cached problem is graded by many requests at once, which share its random points and the
 * values of its derivative at them: each grading finds what a grading of its own, against a
 * freshly prepared problem, finds.
 */
class SharedProblemGradingTest {

  private final Engine engine = new Engine(Limits.DEFAULT);
  private final Grader grader = new Grader(engine);

  private record Case(String function, String variable, String declarations, List<String> answers) {}

  private static final List<Case> CASES = List.of(
      new Case("x'*A*x", "x", "x: vector n\nA: matrix n x n",
          List.of("(A + A')*x", "2*A*x", "x'*(A + A')", "(A + A')*x + x", "-(A + A')*x", "A*x", "3*(A + A')*x")),
      new Case("norm(X*w - y)^2 + lambda*norm(w)^2", "w", "X: matrix m x n\nw: vector n\ny: vector m\nlambda: scalar",
          List.of("2*X'*(X*w - y) + 2*lambda*w", "2*X'*(X*w - y)", "X'*(X*w - y) + lambda*w",
              "2*X'*(X*w - y) + lambda*w", "2*(X*w - y)'*X + 2*lambda*w'")),
      new Case("tr(A*X*B)", "X", "A: matrix p x m\nX: matrix m x n\nB: matrix n x p",
          List.of("A'*B'", "B*A", "(B*A)'", "-A'*B'", "2*A'*B'")),
      new Case("-y'*log(softmax(X*w))", "w", "X: matrix m x n\nw: vector n\ny: vector m",
          List.of("X'*(softmax(X*w) - y)", "X'*(softmax(X*w)*sum(y) - y)", "X'*softmax(X*w)", "-X'*y")));

  /** What a grading says, to compare: its verdict and its diagnoses. */
  private static String outcome(Grade g) {
    return g.verdict() + " " + g.diagnoses().stream().map(d -> d.code().name()).toList();
  }

  @Test
  void concurrentGradingsOfOneCachedProblem_findWhatGradingsOfTheirOwnFind() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      for (Case c : CASES) {
        Grader.Expected shared = Grader.prepare(engine.derive(c.function(), c.variable(), c.declarations(),
            Layout.DENOMINATOR));
        List<String> alone = new ArrayList<>();
        for (String answer : c.answers()) {
          alone.add(outcome(grader.grade(Grader.prepare(engine.derive(c.function(), c.variable(), c.declarations(),
              Layout.DENOMINATOR)), answer, 11)));
        }
        List<Future<String>> together = new ArrayList<>();
        for (int round = 0; round < 25; round++) {
          for (String answer : c.answers()) {
            together.add(threads.submit(() -> outcome(grader.grade(shared, answer, 11))));
          }
        }
        for (int i = 0; i < together.size(); i++) {
          assertThat(together.get(i).get()).as("%s: %s", c.function(), c.answers().get(i % c.answers().size()))
              .isEqualTo(alone.get(i % c.answers().size()));
        }
        assertThat(alone).as(c.function()).anyMatch(o -> o.startsWith("CORRECT"))
            .anyMatch(o -> o.startsWith("INCORRECT [") && !o.endsWith("[]"));
      }
    } finally {
      threads.shutdownNow();
    }
  }
}
