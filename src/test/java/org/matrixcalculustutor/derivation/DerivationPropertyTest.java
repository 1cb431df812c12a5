package org.matrixcalculustutor.derivation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.matrixcalculustutor.algebra.Children;
import org.matrixcalculustutor.algebra.Expr;
import org.matrixcalculustutor.algebra.ExpressionException;
import org.matrixcalculustutor.algebra.Exprs;
import org.matrixcalculustutor.algebra.LeftSide;
import org.matrixcalculustutor.algebra.Limits;
import org.matrixcalculustutor.algebra.TextPrinter;
import org.matrixcalculustutor.calculus.DerivativeKind;
import org.matrixcalculustutor.calculus.Step;
import org.matrixcalculustutor.engine.Derivative;
import org.matrixcalculustutor.engine.Engine;
import org.matrixcalculustutor.engine.RandomFunctions;
import org.matrixcalculustutor.numeric.NumericEquality;

/**
 * Derivations of functions the engine has never seen: the engine's own derivation of a random
 * function (its df lines, then its df written term by term, each term as a trace, collected) is
 * correct on every line; one line perturbed (a transpose, a sign, a term dropped, two factors swapped) is
 * flagged, and it is the first line flagged. A failure names the function, so it can be replayed.
 */
class DerivationPropertyTest {

  static final int REPETITIONS = 120;

  static final long SEED = Long.getLong("derivationProperty.seed", 20_261_130L);

  private static final Engine ENGINE = new Engine(Limits.DEFAULT);
  private static final DerivationChecker CHECKER = new DerivationChecker(ENGINE);

  private static final RandomFunctions.Kind[] KINDS = {RandomFunctions.Kind.SCALAR_FUNCTION,
      RandomFunctions.Kind.VECTOR_FUNCTION, RandomFunctions.Kind.MATRIX_FUNCTION};

  enum Perturbation { TRANSPOSE, SIGN, DROP_TERM, SWAP_FACTORS }

  @RepeatedTest(REPETITIONS)
  void engineDerivation_isCorrectOnEveryLineAndAPerturbedLineIsFlaggedFirst(RepetitionInfo info) {
    Random random = new Random(SEED + info.getCurrentRepetition());
    RandomFunctions.Problem drawn = RandomFunctions.problem(random, KINDS[random.nextInt(KINDS.length)]);
    Derivative derived = ENGINE.derive(drawn.function(), drawn.variable(), RandomFunctions.DECLARATIONS,
        drawn.layout());
    Problem problem = Problem.of(derived);
    assumeTrue(!Exprs.isZero(problem.reading()), "a derivative of zero has no line with d" + drawn.variable());

    List<Expr> lines = new ArrayList<>(engineSteps(derived));
    assertThat(lines).as(drawn + ": the engine's derivation writes df in full").isNotEmpty();
    lines.addAll(engineLines(problem));
    List<String> texts = texts(lines);
    Derivation right = CHECKER.check(problem, texts, info.getCurrentRepetition());

    String seen = drawn + ": " + texts + " -> " + right.lines().stream().map(l -> l.status() + " " + l.message())
        .toList();
    assertThat(right.firstError()).as(seen).isNull();
    assertThat(right.lines()).as(seen).allMatch(Derivation.Line::correct);
    assertThat(right.verdict()).as(seen).isEqualTo(Derivation.Verdict.CORRECT);

    int at = random.nextInt(lines.size());
    Expr perturbed = null;
    Perturbation chosen = null;
    for (int tries = 0; tries < 8 && perturbed == null; tries++) {
      chosen = Perturbation.values()[random.nextInt(Perturbation.values().length)];
      Expr candidate = perturb(lines.get(at), chosen, random, problem);
      if (candidate != null && !equalToDf(candidate, problem)) {
        perturbed = candidate;
      }
    }
    assumeTrue(perturbed != null, () -> drawn + ": no perturbation of line " + (at + 1) + " changes its value");
    List<String> wrong = new ArrayList<>(texts);
    wrong.set(at, (at == 0 ? "df = " : "= ") + TextPrinter.print(perturbed));

    Derivation flagged = CHECKER.check(problem, wrong, info.getCurrentRepetition());

    String seenWrong = drawn + " " + chosen + " at line " + (at + 1) + ": " + wrong + " -> "
        + flagged.lines().stream().map(l -> l.status() + " " + l.message()).toList();
    assertThat(flagged.firstError()).as(seenWrong).isEqualTo(at);
    assertThat(flagged.lines().get(at).correct()).as(seenWrong).isFalse();
    assertThat(flagged.verdict()).as(seenWrong).isIn(Derivation.Verdict.INCORRECT, Derivation.Verdict.INVALID);
  }

  /**
   * The lines of the engine's own derivation that are df in full: each "df = ..." step (the
   * differential collected, the trace trick's inner products), not the steps of a part d(M).
   */
  static List<Expr> engineSteps(Derivative derived) {
    return derived.steps().stream()
        .filter(s -> s.left() == LeftSide.EXPRESSION && s.before() instanceof Expr.Differential && s.parts().isEmpty())
        .map(Step::after).toList();
  }

  /**
   * The engine's df, as its steps write it: term by term (each term of the derivative with its own
   * dX), for a scalar each term as a trace, then collected.
   */
  static List<Expr> engineLines(Problem problem) {
    List<Expr> terms = terms(problem.reading());
    List<Expr> lines = new ArrayList<>();
    if (terms.size() > 1) {
      lines.add(Exprs.sum(terms.stream().map(t -> Problem.differentialOf(t, problem.kind(), problem.dX())).toList()));
    }
    if (problem.kind() == DerivativeKind.SCALAR_BY_MATRIX || problem.kind() == DerivativeKind.SCALAR_BY_VECTOR) {
      lines.add(Exprs.sum(terms.stream()
          .map(t -> (Expr) new Expr.Trace(Exprs.product(Exprs.transpose(t), problem.dX()))).toList()));
    }
    lines.add(Problem.differentialOf(problem.reading(), problem.kind(), problem.dX()));
    return lines;
  }

  private static List<String> texts(List<Expr> lines) {
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      texts.add((i == 0 ? "df = " : "= ") + TextPrinter.print(lines.get(i)));
    }
    return texts;
  }

  private static List<Expr> terms(Expr e) {
    return e instanceof Expr.Sum s ? s.terms() : List.of(e);
  }

  private static boolean equalToDf(Expr line, Problem problem) {
    try {
      return NumericEquality.equal(line, problem.differential(), problem.declarations(), 5L, 2);
    } catch (ExpressionException unshaped) {
      return false; // a line whose shapes clash is not df either
    }
  }

  /** The line with one slip made in it, or null when this perturbation does not apply. */
  static Expr perturb(Expr line, Perturbation p, Random random, Problem problem) {
    return switch (p) {
      case SIGN -> {
        List<Expr> terms = terms(line);
        int i = random.nextInt(terms.size());
        yield replaceTerm(terms, i, Exprs.negate(terms.get(i)));
      }
      case DROP_TERM -> {
        List<Expr> terms = terms(line);
        if (terms.size() < 2) {
          yield null;
        }
        List<Expr> kept = new ArrayList<>(terms);
        kept.remove(random.nextInt(kept.size()));
        yield Exprs.sum(kept);
      }
      case TRANSPOSE -> {
        List<Expr> candidates = Children.nodes(line, e -> e instanceof Expr.Symbol s && !s.equals(problem.dX())
            && problem.shapes().of(e).isSquare());
        if (candidates.isEmpty()) {
          yield null;
        }
        Expr target = candidates.get(random.nextInt(candidates.size()));
        yield Children.replace(line, target, Exprs.transpose(target));
      }
      case SWAP_FACTORS -> {
        List<Expr> products = Children.nodes(line, e -> e instanceof Expr.Product pr && pr.factors().size() > 1);
        if (products.isEmpty()) {
          yield null;
        }
        Expr.Product product = (Expr.Product) products.get(random.nextInt(products.size()));
        List<Expr> factors = new ArrayList<>(product.factors());
        int i = random.nextInt(factors.size() - 1);
        Expr first = factors.get(i);
        factors.set(i, factors.get(i + 1));
        factors.set(i + 1, first);
        yield Children.replace(line, product, Exprs.product(factors));
      }
    };
  }

  private static Expr replaceTerm(List<Expr> terms, int i, Expr replacement) {
    List<Expr> out = new ArrayList<>(terms);
    out.set(i, replacement);
    return Exprs.sum(out);
  }
}
