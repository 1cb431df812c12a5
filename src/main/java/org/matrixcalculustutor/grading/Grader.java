package org.matrixcalculustutor.grading;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.matrixcalculustutor.algebra.Children;
import org.matrixcalculustutor.algebra.Deadline;
import org.matrixcalculustutor.algebra.Declaration;
import org.matrixcalculustutor.algebra.Declarations;
import org.matrixcalculustutor.algebra.Expr;
import org.matrixcalculustutor.algebra.ExpressionException;
import org.matrixcalculustutor.algebra.Exprs;
import org.matrixcalculustutor.algebra.Property;
import org.matrixcalculustutor.algebra.Shape;
import org.matrixcalculustutor.algebra.Shapes;
import org.matrixcalculustutor.algebra.Simplifier;
import org.matrixcalculustutor.algebra.Size;
import org.matrixcalculustutor.algebra.TextPrinter;
import org.matrixcalculustutor.algebra.Typing;
import org.matrixcalculustutor.calculus.ChainRuleSlip;
import org.matrixcalculustutor.calculus.DerivativeKind;
import org.matrixcalculustutor.calculus.Derivatives;
import org.matrixcalculustutor.calculus.Layout;
import org.matrixcalculustutor.engine.Analysis;
import org.matrixcalculustutor.engine.Derivative;
import org.matrixcalculustutor.engine.Engine;
import org.matrixcalculustutor.numeric.Comparisons;
import org.matrixcalculustutor.numeric.NumericEquality;
import org.matrixcalculustutor.numeric.Points;

/**
 * Checks a student's answer against the derivative the engine derived: equal normal forms
 * (symbolic) or agreement at random points with distinct sizes (numeric); for a wrong answer,
 * diagnoses by evaluating variants of the expected answer (its transpose, negation, multiples,
 * its value for symmetric matrices, the sum without a term), never by comparing strings.
 */
public final class Grader {

  /** Random points for deciding equality; the seed of the attempt makes them reproducible. */
  static final int POINTS = 3;

  private final Engine engine;

  public Grader(Engine engine) {
    this.engine = engine;
  }

  /**
   * A derivative made ready for grading: its normal form is computed once, not at every check, and
   * the random points of the seeds it is graded at are drawn once, at its first grading.
   *
   * @param derivative the engine's derivative
   * @param normalForm its fully expanded canonical form
   * @param points the points drawn so far, by seed (the seed of a cached problem is its own: a
   *     variant's, or the problem's key), shared by every grading of the problem
   * @param shapes the shapes of the derivative and its parts, worked out once
   * @param slipped the derivatives of students who slipped in a chain rule, derived at the first
   *     wrong answer that needs them (empty when that slip cannot be derived, or gives the derivative)
   */
  public record Expected(Derivative derivative, Expr normalForm, Map<Long, Points> points, Map<Expr, Shape> shapes,
      Map<ChainRuleSlip, Optional<Expr>> slipped) {

    /** Seeds whose points are kept: a problem is graded at its own seed and the next (factor checks). */
    static final int SEEDS_KEPT = 4;

    /** The points of seed for this problem's declarations, drawn once when few seeds are kept. */
    Points pointsAt(long seed) {
      Points kept = points.get(seed);
      if (kept != null) {
        return kept;
      }
      Points drawn = new Points(derivative.function().typing().declarations(), seed);
      return points.size() < SEEDS_KEPT ? Objects.requireNonNullElse(points.putIfAbsent(seed, drawn), drawn) : drawn;
    }
  }

  public static Expected prepare(Derivative derivative) {
    Shapes shapes = new Shapes(derivative.function().typing().declarations());
    return new Expected(derivative, Simplifier.normalForm(derivative.result(), shapes), new ConcurrentHashMap<>(),
        shapes.settledShapes(derivative.result()), new ConcurrentHashMap<>());
  }

  /**
   * Whether a shape slip's fix has the shape of the derivative asked for: a'*b for a*b (meant
   * a .* b) is a scalar where a vector is asked for, and a fix in the other layout is no answer
   * either, so neither is suggested.
   */
  private boolean fits(String suggestion, Derivative expected) {
    try {
      return engine.analyze(suggestion, expected.function().typing().declarations()).shape().equals(expected.shape());
    } catch (ExpressionException unreadable) {
      return false;
    }
  }

  /** How long one grading may spend deriving the chain-rule slips of its problem that no grading derived before. */
  static final long CHAIN_SLIPS_NANOS = 50_000_000L;

  /** Beyond this many terms in the expected sum, missing terms are looked for no more (2^k sums). */
  static final int MAX_TERMS_SEARCHED = 6;

  /** Variants of a derivative tried, each with one slip undone at one place (a factor transposed, left out...). */
  static final int MAX_PARTS_TRIED = 40;

  public Grade grade(Derivative expected, String answerText, long seed) {
    return grade(prepare(expected), answerText, seed);
  }

  public Grade grade(Expected prepared, String answerText, long seed) {
    Derivative expected = prepared.derivative();
    Declarations declarations = expected.function().typing().declarations();
    Formula expectedFormula = new Formula(expected.text(), expected.latex(), expected.shape().toString());
    Analysis answer;
    try {
      answer = engine.analyze(answerText, declarations);
    } catch (ExpressionException e) {
      ExpressionException shown = e.suggestion() == null || fits(e.suggestion(), expected) ? e : e.withoutSuggestion();
      return new Grade(Verdict.INVALID, null, List.of(), null, expectedFormula, expected.steps(),
          shown.getMessage(), shown.position(), List.of(), shown.suggestion());
    }
    Expr a = answer.expr();
    Expr e = expected.result();
    Formula answerFormula = new Formula(answer.text(), answer.latex(), answer.shape().toString());

    List<String> unknown = answer.symbols().stream()
        .filter(s -> declarations.get(s).isEmpty() || !expected.function().symbols().contains(s)).toList();
    List<String> readings = answer.readings();
    if (!unknown.isEmpty()) {
      return incorrect(expected, answerFormula, readings, List.of(new Diagnosis(DiagnosisCode.UNKNOWN_SYMBOL,
          "Your answer uses " + String.join(", ", unknown) + ", which " + (unknown.size() == 1 ? "is" : "are")
              + " not in the problem; its symbols are " + String.join(", ", expected.function().symbols()) + "."
              + (unknown.contains("sigma") && hasSigmoid(expected)
                  ? " For the logistic function σ write sigmoid(...)." : ""))));
    }
    Set<String> sizes = writtenSizes(a);
    if (!sizes.isEmpty()) { // I(k) with no k in the problem: its shape says "k", which the problem never does
      Set<String> known = problemSizes(expected.function().expr(), declarations);
      sizes.removeAll(known);
      if (!sizes.isEmpty()) {
        return incorrect(expected, answerFormula, readings, List.of(new Diagnosis(DiagnosisCode.UNKNOWN_SYMBOL,
            "Your answer uses the size " + String.join(", ", sizes) + ", which " + (sizes.size() == 1 ? "is" : "are")
                + " not in the problem; its size" + (known.size() == 1 ? " is " : "s are ")
                + listed(known.stream().sorted().toList()) + ".")));
      }
    }
    // the answer's tree was shape-checked once, by analyze: its shapes seed the cache every later step uses
    Shapes shapes = Shapes.of(answer.typing(), prepared.shapes());
    Comparisons numbers = new Comparisons(shapes, seed, prepared::pointsAt, e);
    if (!answer.shape().equals(expected.shape()) && !numbers.compatible(a, e)) { // one shape: they fit in a sum
      List<Diagnosis> diagnoses = new ArrayList<>();
      if (numbers.equal(a, Exprs.transpose(e), POINTS)) {
        diagnoses.add(layout(expected));
      } else {
        diagnoses.add(new Diagnosis(DiagnosisCode.SHAPE, "Your answer is " + describe(answer.shape(), shapes)
            + " but the derivative is " + expected.shape().describe() + " (" + shapeRule(expected) + ")."));
      }
      return incorrect(expected, answerFormula, readings, diagnoses);
    }
    if (!answer.shape().equals(expected.shape())) { // its sizes solved by the problem's: m*n x m*n, not m*p x m*p
      answerFormula = new Formula(answer.text(), answer.latex(), expected.shape().toString());
    }
    Optional<Expr> normalForm = normalForm(a, shapes);
    Expr expectedNormalForm = prepared.normalForm();
    if (normalForm.isPresent() && (normalForm.get().equals(expectedNormalForm)
        || (Exprs.isZero(normalForm.get()) && Exprs.isZero(expectedNormalForm)))) { // 0 and zeros(n, 1) alike
      return new Grade(Verdict.CORRECT, Equivalence.SYMBOLIC, List.of(), answerFormula, expectedFormula,
          expected.steps(), null, null, readings, null);
    }
    if (numbers.equal(a, e, POINTS)) {
      return new Grade(Verdict.CORRECT, Equivalence.NUMERIC, List.of(), answerFormula, expectedFormula,
          expected.steps(), null, null, readings, null);
    }
    return incorrect(expected, answerFormula, readings,
        diagnose(prepared, a, e, expectedNormalForm, normalForm.orElse(null), declarations, shapes, numbers));
  }

  /** a's expanded normal form, or none when expanding it goes beyond the engine's size limit: numbers decide then. */
  private static Optional<Expr> normalForm(Expr a, Shapes shapes) {
    try {
      return Optional.of(Simplifier.normalForm(a, shapes));
    } catch (ExpressionException tooLarge) {
      return Optional.empty();
    }
  }

  private static Grade incorrect(Derivative expected, Formula answer, List<String> readings,
      List<Diagnosis> diagnoses) {
    return new Grade(Verdict.INCORRECT, null, diagnoses, answer,
        new Formula(expected.text(), expected.latex(), expected.shape().toString()), expected.steps(), null, null,
        readings, null);
  }

  /**
   * @param expectedForm the derivative's normal form
   * @param answerForm the answer's normal form, or null when it was too large to expand
   */
  private List<Diagnosis> diagnose(Expected prepared, Expr a, Expr e, Expr expectedForm, Expr answerForm,
      Declarations declarations, Shapes shapes, Comparisons numbers) {
    Derivative expected = prepared.derivative();
    List<Expr> expectedTerms = terms(expectedForm);
    List<Expr> answerTerms = answerForm == null ? List.of() : terms(answerForm);
    List<Diagnosis> found = new ArrayList<>();
    if (expected.kind() == DerivativeKind.HESSIAN
        && numbers.equal(Exprs.product(Exprs.number(0.5), Exprs.sum(a, Exprs.transpose(a))), e, POINTS)) {
      String quadratic = expected.form() == null ? "dx' B dx" : "vec(dX)' B vec(dX)";
      found.add(new Diagnosis(DiagnosisCode.UNSYMMETRISED, "Your answer B gives d²f = " + quadratic
          + ", but it is not symmetric, and a Hessian always is. Many matrices B give the same d²f; the"
          + " Hessian is the symmetric one among them, (B + B')/2."));
      return found;
    }
    Expr transposed = Exprs.transpose(e);
    boolean squareVariable = expected.shape().isSquare();
    if (squareVariable && numbers.equal(a, transposed, POINTS)) {
      found.add(layout(expected));
      return found;
    }
    if (numbers.equal(a, Exprs.negate(e), POINTS)) {
      found.add(new Diagnosis(DiagnosisCode.SIGN, "Your answer has the wrong sign: it is the negative of the "
          + "derivative. Check each minus sign in the steps of the differential: one was lost or gained."));
      return found;
    }
    Double factor = factor(a, e, numbers);
    if (factor != null) {
      found.add(new Diagnosis(DiagnosisCode.FACTOR, "Your answer is off by a constant factor: it is "
          + describeFactor(factor) + " the derivative. Look for a constant lost or gained on the way: a 2"
          + " from a square or a quadratic form, a 1/2 from a square root or from the function itself."));
      return found;
    }
    Expr f = expected.function().expr();
    if (expected.function().shape().isScalar() && hasUnsquaredNorm(f)
        && numbers.equal(a, Exprs.product(Exprs.number(2), f, e), POINTS)) {
      found.add(new Diagnosis(DiagnosisCode.FACTOR, "Your answer is 2 f times the derivative: the gradient of f²,"
          + " not of f. A norm is the square root of a square, ‖u‖ = (‖u‖²)^(1/2), so the chain rule divides the"
          + " gradient of ‖u‖² by 2‖u‖."));
      return found;
    }
    if (answerForm != null && sameFactorsInAnotherOrder(answerForm, expectedForm)) {
      found.add(new Diagnosis(DiagnosisCode.ORDER, kronSwapped(answerForm, expectedForm)
          ? "Your answer has the two factors of the Kronecker product swapped: vec(A X B) = (B' ⊗ A) vec(X),"
              + " the factor after X first."
          : "Your answer has the derivative's factors, but in another order: matrix products do not commute."
              + " Keep each factor where the differential has it, and move factors only by the cyclic property of"
              + " the trace."));
      return found;
    }
    Diagnosis determinant = detForLogDet(expected, a, e, numbers);
    if (determinant != null) {
      found.add(determinant);
      return found;
    }
    List<String> symmetric = assumedSymmetric(a, e, declarations, numbers, expected.variable());
    if (!symmetric.isEmpty()) {
      found.add(new Diagnosis(DiagnosisCode.ASSUMED_SYMMETRIC, "Your answer would be right if "
          + String.join(" and ", symmetric) + (symmetric.size() == 1 ? " were" : " were all")
          + " symmetric, but the problem does not say so: keep " + symmetric.get(0) + " and "
          + symmetric.get(0) + "' apart" + pairedInTheDerivative(expected, symmetric.get(0)) + "."));
      return found;
    }
    String y = assumedSummingToOne(a, e, declarations, numbers, expected.variable());
    if (y != null) {
      found.add(new Diagnosis(DiagnosisCode.ASSUMED_SUM_ONE, "Your answer would be right if the entries of " + y
          + " added up to 1 (a one-hot or probability vector), but the problem does not say so: keep the factor"
          + " sum(" + y + ") = 1'" + y + " where the derivative has it."));
      return found;
    }
    Diagnosis chain = chainRuleSlip(prepared, a, e, numbers);
    if (chain != null) {
      found.add(chain);
      return found;
    }
    String missing = missingTermsNamed(a, e, expectedTerms, shapes, declarations, numbers);
    if (missing != null) {
      found.add(new Diagnosis(DiagnosisCode.MISSING_TERM, "Your answer misses " + missing + ". Each part of f that"
          + " depends on the variable gives its own terms: each term of a sum, each factor of a product (the"
          + " product rule), and the derivative of each function applied (the chain rule)."));
      return found;
    }
    List<Expr> signed = new ArrayList<>(terms(e)); // the terms as the derivative is written, then expanded
    signed.addAll(expectedTerms);
    for (Expr term : signed) {
      if (numbers.equal(a, Exprs.sum(e, Exprs.product(Exprs.number(-2), term)), POINTS)) {
        found.add(new Diagnosis(DiagnosisCode.SIGN, "The term "
            + TextPrinter.print(Simplifier.simplify(term, shapes), declarations)
            + " of your answer has the wrong sign; the other terms are right."));
        return found;
      }
    }
    for (Expr term : signed) { // a = (e - term) + c term: one term off by a constant, as the ridge's lambda*w
      Double c = factor(Exprs.sum(a, Exprs.negate(e), term), term, numbers);
      if (c != null) {
        found.add(new Diagnosis(DiagnosisCode.FACTOR, "In your answer the term "
            + TextPrinter.print(Simplifier.simplify(term, shapes), declarations) + " is " + describeFactor(c)
            + " what it should be; the other terms are right. Look for a constant lost or gained in the part of"
            + " df that gives it."));
        return found;
      }
    }
    for (Expr term : answerTerms) {
      if (numbers.equal(Exprs.sum(a, Exprs.negate(term)), e, POINTS)) {
        found.add(new Diagnosis(DiagnosisCode.EXTRA_TERM, "Your answer has a term too many: "
            + TextPrinter.print(Simplifier.simplify(term, shapes), declarations) + " should not be there."));
        return found;
      }
    }
    Edit oneTransposed = firstEdit(a, e, n -> n != e && (n instanceof Expr.Transpose
        || !(n instanceof Expr.Number) && shapes.of(n).isSquare() && !shapes.of(n).isScalar()),
        n -> List.of(toggledTranspose(n)), numbers);
    if (oneTransposed != null) {
      Expr part = oneTransposed.node();
      found.add(new Diagnosis(DiagnosisCode.TRANSPOSED_FACTOR, "Where the derivative has "
          + TextPrinter.print(part, declarations) + ", your answer has its transpose, "
          + TextPrinter.print(Simplifier.simplify(toggledTranspose(part), shapes), declarations)
          + "; the rest is right. A transpose comes from reading the gradient off, tr(M dX) = <M', dX>,"
          + " or from turning a scalar around, dx' A x = x' A' dx: check where this factor got, or lost, its own."));
      return found;
    }
    // a term of e itself with the wrong sign is diagnosed above: here a sum inside it, x + mu for x - mu
    Edit flipped = firstEdit(a, e, n -> n != e && n instanceof Expr.Sum, Grader::eachTermNegated, numbers);
    if (flipped != null) {
      found.add(new Diagnosis(DiagnosisCode.SIGN, "Where the derivative has "
          + TextPrinter.print(flipped.node(), declarations)
          + ", your answer has a sign flipped inside it; the rest is right. Check the minus signs that"
          + " the differential of this part carries."));
      return found;
    }
    // numbers left out are the factor and sign diagnoses' (above)
    Edit left = firstEdit(a, e, n -> n instanceof Expr.Product || n instanceof Expr.Hadamard,
        Grader::eachFactorLeftOut, numbers);
    if (left != null) {
      found.add(new Diagnosis(DiagnosisCode.MISSING_FACTOR, "Your answer leaves out the factor "
          + TextPrinter.print(factors(left.node()).get(left.variant()), declarations) + " of "
          + TextPrinter.print(left.node(), declarations)
          + "; the rest is right. A factor of f stays beside the differential in df: d(XY) = dX Y + X dY"
          + " keeps Y with dX, and the chain rule keeps the inner derivative."));
    }
    return found;
  }

  /** One slip undone at one place of the derivative: the node there, and which of its variants. */
  private record Edit(Expr node, int variant) {}

  /**
   * The first place of the derivative e, among the nodes picked, where one of its node's variants
   * (each with one slip undone) makes e equal to a; null when none does. At most
   * {@link #MAX_PARTS_TRIED} variants are tried; a null variant is none, and one that does not fit
   * its place (the rest of a product that does not multiply out) is passed over.
   */
  private static Edit firstEdit(Expr a, Expr e, Predicate<Expr> picked, Function<Expr, List<Expr>> variants,
      Comparisons numbers) {
    int tried = 0;
    for (Children.Place place : Children.places(e, picked)) {
      List<Expr> options = variants.apply(place.node());
      for (int i = 0; i < options.size(); i++) {
        if (options.get(i) == null) {
          continue;
        }
        if (++tried > MAX_PARTS_TRIED) {
          return null;
        }
        try {
          if (numbers.equal(a, Children.replace(e, place, options.get(i)), POINTS)) {
            return new Edit(place.node(), i);
          }
        } catch (ExpressionException doesNotFit) {
          continue;
        }
      }
    }
    return null;
  }

  /** M' for M, and M for M'. */
  private static Expr toggledTranspose(Expr m) {
    return m instanceof Expr.Transpose t ? t.argument() : new Expr.Transpose(m);
  }

  /** The sum with each of its terms negated in turn. */
  private static List<Expr> eachTermNegated(Expr sum) {
    List<Expr> terms = ((Expr.Sum) sum).terms();
    List<Expr> variants = new ArrayList<>(terms.size());
    for (int i = 0; i < terms.size(); i++) {
      List<Expr> flipped = new ArrayList<>(terms);
      flipped.set(i, Exprs.negate(terms.get(i)));
      variants.add(new Expr.Sum(flipped));
    }
    return variants;
  }

  /** The product (or entry-wise product) without each of its factors in turn; none for a number. */
  private static List<Expr> eachFactorLeftOut(Expr product) {
    List<Expr> factors = factors(product);
    List<Expr> variants = new ArrayList<>(factors.size());
    for (int i = 0; i < factors.size(); i++) {
      List<Expr> rest = new ArrayList<>(factors);
      rest.remove(i);
      variants.add(factors.get(i) instanceof Expr.Number ? null : rest.size() == 1 ? rest.get(0)
          : product instanceof Expr.Product ? Exprs.product(rest) : new Expr.Hadamard(rest));
    }
    return variants;
  }

  private static List<Expr> factors(Expr product) {
    return product instanceof Expr.Product p ? p.factors() : ((Expr.Hadamard) product).factors();
  }

  /**
   * The slip in one function's chain rule that gives a, found by deriving f again with each slip in
   * turn, for each function of f and of its derivative (a Hessian's d(df) differentiates the σ that
   * df has); null when none does. A slip that changes nothing (exp is its own derivative) is passed.
   * Each slip is derived once per problem (at most twice the nine functions of the language), and a
   * grading derives new ones for at most {@link #CHAIN_SLIPS_NANOS} (a limit within the request's
   * deadline): a costly f, which anyone may send to /api/check, is neither derived eighteen times over
   * in one request nor made to run out the request's deadline, and a wrong answer is still graded.
   */
  private static Diagnosis chainRuleSlip(Expected prepared, Expr a, Expr e, Comparisons numbers) {
    long end = System.nanoTime() + CHAIN_SLIPS_NANOS;
    Derivative expected = prepared.derivative();
    Set<Expr.Function> functions = EnumSet.noneOf(Expr.Function.class);
    addFunctions(expected.function().expr(), functions);
    addFunctions(e, functions);
    for (Expr.Function function : functions) {
      for (ChainRuleSlip.Kind kind : ChainRuleSlip.Kind.values()) {
        ChainRuleSlip slip = new ChainRuleSlip(function, kind);
        Optional<Expr> slipped = prepared.slipped().get(slip);
        if (slipped == null) {
          long left = end - System.nanoTime();
          if (left <= 0) {
            return null;
          }
          try {
            // kept only when it is a slip here: exp is its own derivative, and writing it for it is none
            slipped = Deadline.within(Duration.ofNanos(left),
                () -> slipped(expected, slip).filter(d -> !numbers.equal(d, e, POINTS)));
          } catch (Deadline.Exceeded tooCostly) { // f costs more than the budget: the request goes on without
            if (!tooCostly.busy()) {
              prepared.slipped().putIfAbsent(slip, Optional.empty()); // and the next grading tries the next slip
            }
            return null;
          }
          prepared.slipped().putIfAbsent(slip, slipped);
        }
        if (slipped.isPresent() && numbers.equal(a, slipped.get(), POINTS)) {
          return chainRuleDiagnosis(slip);
        }
      }
    }
    return null;
  }

  /** The derivative of a student who made the slip, or empty when it cannot be derived (or read off). */
  private static Optional<Expr> slipped(Derivative expected, ChainRuleSlip slip) {
    Typing f = expected.function().typing();
    try {
      return Optional.of(expected.kind() == DerivativeKind.HESSIAN
          ? Derivatives.hessian(f, expected.variable(), slip).derivative()
          : Derivatives.derive(f, expected.variable(), expected.layout(), slip).derivative());
    } catch (ExpressionException cannotDerive) {
      return Optional.empty();
    }
  }

  private static void addFunctions(Expr e, Set<Expr.Function> into) {
    if (e instanceof Expr.Apply apply) {
      into.add(apply.function());
    }
    List<Expr> children = Children.of(e);
    for (int i = 0; i < children.size(); i++) {
      addFunctions(children.get(i), into);
    }
  }

  private static Diagnosis chainRuleDiagnosis(ChainRuleSlip slip) {
    String f = slip.function().word();
    String rule = "d " + f + "(u) = " + f + "'(u) du with " + f + "'(u) = "
        + ChainRuleSlip.derivativeText(slip.function())
        + " (entry-wise for a vector or matrix u: " + f + "'(U) .* dU)";
    return new Diagnosis(DiagnosisCode.CHAIN_RULE, switch (slip.kind()) {
      case FUNCTION_FOR_DERIVATIVE -> "Your answer has " + f + "(u) where the chain rule needs its derivative: "
          + rule + ". You wrote " + f + " itself for " + f + "'.";
      case FACTOR_LEFT_OUT -> "Your answer leaves out the factor " + f + "'(u) of the chain rule: " + rule + ".";
    });
  }

  /**
   * The terms the answer a misses, named as shortly as they can be: as the derivative e writes them
   * (the derivation shows those), as pieces of its expansion, or as the sum of those pieces; null
   * when a is not e with some terms left out.
   */
  private static String missingTermsNamed(Expr a, Expr e, List<Expr> expandedTerms, Shapes shapes,
      Declarations declarations, Comparisons numbers) {
    List<Naming> namings = new ArrayList<>();
    List<Expr> written = missingTerms(a, terms(e), numbers);
    if (!written.isEmpty()) {
      namings.add(Naming.ofTerms(printed(written, shapes, declarations)));
    }
    List<Expr> pieces = missingTerms(a, expandedTerms, numbers);
    if (!pieces.isEmpty()) {
      namings.add(Naming.ofTerms(printed(pieces, shapes, declarations)));
      if (pieces.size() > 1) {
        String sum = TextPrinter.print(Simplifier.simplify(Exprs.sum(pieces), shapes), declarations);
        namings.add(new Naming(sum, "terms that add up to " + sum));
      }
    }
    // the shortest, and of equal ones the first: the derivative's own terms before their pieces
    return namings.stream().min(Comparator.comparingInt(n -> n.shown().length())).map(Naming::phrase).orElse(null);
  }

  /** Missing terms as a message names them (phrase), and what of that is formulas (shown), to weigh its length. */
  private record Naming(String shown, String phrase) {

    static Naming ofTerms(List<String> terms) {
      return new Naming(String.join(", ", terms), (terms.size() == 1 ? "the term " : "the terms ") + listed(terms));
    }
  }

  /** "a", "a and b", "a, b and c". */
  private static String listed(List<String> items) {
    String last = items.get(items.size() - 1);
    return items.size() == 1 ? last : String.join(", ", items.subList(0, items.size() - 1)) + " and " + last;
  }

  /** Whether the problem's function or its derivative has the sigmoid (a student's σ means it). */
  private static boolean hasSigmoid(Derivative expected) {
    Set<Expr.Function> functions = EnumSet.noneOf(Expr.Function.class);
    addFunctions(expected.function().expr(), functions);
    addFunctions(expected.result(), functions);
    return functions.contains(Expr.Function.SIGMOID);
  }

  private static List<String> printed(List<Expr> terms, Shapes shapes, Declarations declarations) {
    return terms.stream().map(t -> TextPrinter.print(Simplifier.simplify(t, shapes), declarations)).toList();
  }

  /**
   * The fewest terms of the expected sum whose absence makes it equal to a, or none. Searched among
   * sums of at most MAX_TERMS_SEARCHED terms, smallest sets first.
   */
  private static List<Expr> missingTerms(Expr a, List<Expr> terms, Comparisons numbers) {
    int k = terms.size();
    if (k < 2 || k > MAX_TERMS_SEARCHED) {
      return List.of();
    }
    for (int count = 1; count < k; count++) {
      for (int missing = 1; missing < (1 << k); missing++) {
        if (Integer.bitCount(missing) != count) {
          continue;
        }
        List<Expr> kept = new ArrayList<>();
        List<Expr> dropped = new ArrayList<>();
        for (int i = 0; i < k; i++) {
          ((missing & (1 << i)) != 0 ? dropped : kept).add(terms.get(i));
        }
        if (numbers.equal(a, Exprs.sum(kept), POINTS)) {
          return dropped;
        }
      }
    }
    return List.of();
  }

  /** The size names of the problem: its symbols' and those its function f writes. */
  private static Set<String> problemSizes(Expr f, Declarations declarations) {
    Set<String> sizes = writtenSizes(f);
    for (Declaration d : declarations.all()) {
      sizes.addAll(Size.names(d.shape().rows()));
      sizes.addAll(Size.names(d.shape().cols()));
    }
    return sizes;
  }

  private static Set<String> writtenSizes(Expr e) {
    Set<String> sizes = new LinkedHashSet<>();
    Children.any(e, node -> {
      List<Size> written = node instanceof Expr.Identity i ? Arrays.asList(i.size())
          : node instanceof Expr.Ones o ? Arrays.asList(o.size())
          : node instanceof Expr.Zeros z ? Arrays.asList(z.rows(), z.cols())
          : node instanceof Expr.Commutation c ? Arrays.asList(c.rows(), c.cols()) : List.of();
      for (Size size : written) {
        if (size != null) { // a lone I or ones: sized by its context
          sizes.addAll(Size.names(size));
        }
      }
      return false; // every node
    });
    return sizes;
  }

  /**
   * The answer's shape in the problem's size names; a size no declaration names (a lone ones or
   * I(n) takes one from its context, and has none here) is not shown by a name the student never
   * wrote.
   */
  private static String describe(Shape shape, Shapes shapes) {
    if (!shapes.invents(shape)) {
      return shape.describe();
    }
    String kind = shape.cols().isOne() ? "a vector" : shape.rows().isOne() ? "a row vector" : "a matrix";
    return kind + " whose size nothing in it fixes (a lone ones or I takes its size from what it meets)";
  }

  /** Whether e has a norm that is not squared: ‖u‖ has a square root inside, ‖u‖² none. */
  private static boolean hasUnsquaredNorm(Expr e) {
    if (e instanceof Expr.Norm) {
      return true;
    }
    Expr squared = squaredNorm(e);
    if (squared != null) {
      return hasUnsquaredNorm(squared);
    }
    List<Expr> children = Children.of(e); // by index: asked at every wrong answer
    for (int i = 0; i < children.size(); i++) {
      if (hasUnsquaredNorm(children.get(i))) {
        return true;
      }
    }
    return false;
  }

  /** u for ‖u‖², else null. */
  private static Expr squaredNorm(Expr e) {
    Expr base = e instanceof Expr.Power p && p.exponent() == 2 ? p.base()
        : e instanceof Expr.ScalarPower p && Exprs.isNumber(p.exponent(), 2) ? p.base() : null;
    return base instanceof Expr.Norm n ? n.argument() : null;
  }

  /** Why the derivative has its shape, for a shape mistake. */
  private static String shapeRule(Derivative expected) {
    String x = expected.variable();
    if (expected.kind() == DerivativeKind.HESSIAN) {
      return "a Hessian is N x N for the N entries of " + x + (expected.form() == null ? "" : ", indexed by vec(" + x + ")");
    }
    if (expected.kind().isVecJacobian()) {
      return expected.layout() == Layout.NUMERATOR
          ? "numerator layout: one row for each entry of vec(f), one column for each entry of vec(" + x + ")"
          : "denominator layout: one row for each entry of vec(" + x + "), one column for each entry of vec(f)";
    }
    return expected.layout() == Layout.DENOMINATOR ? "in denominator layout a gradient has the shape of " + x
        : "numerator layout";
  }

  private static Diagnosis layout(Derivative expected) {
    if (expected.kind().isVecJacobian()) {
      String wanted = expected.layout() == Layout.NUMERATOR
          ? "numerator layout: the J with vec(dF) = J vec(d" + expected.variable() + "), a row for each entry of F"
          : "denominator layout: the transpose of the J with vec(dF) = J vec(d" + expected.variable()
              + "), a row for each entry of " + expected.variable();
      return new Diagnosis(DiagnosisCode.LAYOUT, "Your answer is the transpose of the vec Jacobian: it is written in"
          + " the other layout. This exercise expects " + wanted + ".");
    }
    String x = expected.variable();
    boolean denominator = expected.layout() == Layout.DENOMINATOR;
    String wanted = switch (expected.kind()) {
      case VECTOR_BY_VECTOR -> (denominator
          ? "denominator layout: a row for each entry of " + x + " and a column for each entry of f"
          : "numerator layout: a row for each entry of f and a column for each entry of " + x)
          + ", here " + expected.shape();
      case VECTOR_BY_SCALAR -> denominator ? "denominator layout: the entries of df/d" + x + " in a row"
          : "numerator layout: the entries of df/d" + x + " in a column, like f";
      default -> denominator ? "denominator layout, where the gradient has the shape of " + x
          : "numerator layout, where the derivative of a scalar has the transposed shape of " + x
              + " (a row for a vector)";
    };
    // for a square X the transpose is as often a transpose lost on the way as the other layout
    String why = expected.kind() == DerivativeKind.SCALAR_BY_MATRIX && expected.shape().isSquare()
        ? "either it is written in the other layout, or a transpose was lost on the way, as when"
            + " tr(X^-1 dX) = <X^-T, dX> is read off as X^-1"
        : "it is written in the other layout";
    return new Diagnosis(DiagnosisCode.LAYOUT, "Your answer is the transpose of the derivative: " + why
        + ". This exercise expects " + wanted + ".");
  }

  private static List<Expr> terms(Expr e) {
    return e instanceof Expr.Sum s ? s.terms() : List.of();
  }

  /**
   * c when a = c e at random points for one constant c (not 1 or -1), else null. c is fitted at the
   * first point; a = c e is then tested at this seed's points, whose values of a and e are known
   * already (most wrong answers end there), and only then at the next seed's.
   */
  private static Double factor(Expr a, Expr e, Comparisons numbers) {
    try {
      Double c = numbers.leastSquaresFactor(a, e);
      if (c == null || Math.abs(Math.abs(c) - 1) < 1e-6 || Math.abs(c) < 1e-9) {
        return null;
      }
      Expr multiple = Exprs.product(Exprs.number(c), e);
      return numbers.equal(a, multiple, POINTS) && numbers.reseeded(numbers.seed() + 1).equal(a, multiple, POINTS)
          ? c : null;
    } catch (ExpressionException invalid) {
      return null;
    }
  }

  static String describeFactor(double c) {
    for (int q = 1; q <= 12; q++) {
      double p = c * q;
      if (Math.abs(p - Math.rint(p)) < 1e-6) {
        long n = Math.round(p);
        return q == 1 ? n + " times" : n + "/" + q + " of";
      }
    }
    return String.format(Locale.ROOT, "%.4g times", c);
  }

  /** ", as in (A + A')" when the derivative holds that sum, which the student's answer folded into 2A. */
  private static String pairedInTheDerivative(Derivative expected, String name) {
    Expr.Symbol matrix = new Expr.Symbol(name);
    Expr transposed = new Expr.Transpose(matrix);
    boolean paired = Children.any(expected.result(),
        node -> node instanceof Expr.Sum sum && sum.terms().contains(matrix) && sum.terms().contains(transposed));
    return paired ? ", as in (" + name + " + " + name + "')" : "";
  }

  /**
   * det(M) and log det(M) confused, for a determinant in f: a is the gradient of log det where f has
   * det (a det(M) = e), or of det where f has log det or log(det) (a = det(M) e). Null otherwise.
   */
  private static Diagnosis detForLogDet(Derivative expected, Expr a, Expr e, Comparisons numbers) {
    List<Expr> determinants = new ArrayList<>();
    List<Expr> logDeterminants = new ArrayList<>();
    determinants(expected.function().expr(), determinants, logDeterminants);
    try {
      for (Expr m : determinants) {
        if (numbers.equal(Exprs.product(new Expr.Det(m), a), e, POINTS)) {
          String det = "det(" + TextPrinter.print(m) + ")";
          return new Diagnosis(DiagnosisCode.DET_LOGDET, "Your answer is the derivative of log " + det + ", but f has "
              + det + ": by Jacobi's formula d det(M) = det(M) tr(M^-1 dM), so the factor " + det + " stays.");
        }
      }
      for (Expr m : logDeterminants) {
        if (numbers.equal(a, Exprs.product(new Expr.Det(m), e), POINTS)) {
          String det = "det(" + TextPrinter.print(m) + ")";
          return new Diagnosis(DiagnosisCode.DET_LOGDET, "Your answer is the derivative of " + det
              + ", but f has its log: d log det(M) = tr(M^-1 dM), without the factor " + det + ".");
        }
      }
    } catch (ExpressionException invalid) {
      return null;
    }
    return null;
  }

  /** Whether a and e, both expanded, are one product of the same factors in another order (or a swapped kron). */
  static boolean sameFactorsInAnotherOrder(Expr a, Expr e) {
    if (a.equals(e)) {
      return false;
    }
    if (kronSwapped(a, e)) {
      return true;
    }
    if (!(a instanceof Expr.Product pa && e instanceof Expr.Product pe) || pa.factors().size() != pe.factors().size()) {
      return false;
    }
    Map<Expr, Integer> count = new HashMap<>();
    pa.factors().forEach(f -> count.merge(f, 1, Integer::sum));
    pe.factors().forEach(f -> count.merge(f, -1, Integer::sum));
    return count.values().stream().allMatch(c -> c == 0);
  }

  /**
   * Whether a is e with the two factors of one Kronecker product swapped: the kron itself, or one
   * factor of a product whose other factors are e's, in place (2 (I ⊗ BB') for 2 (BB' ⊗ I)).
   */
  static boolean kronSwapped(Expr a, Expr e) {
    if (a instanceof Expr.Kron ka && e instanceof Expr.Kron ke) {
      return !ka.equals(ke) && ka.left().equals(ke.right()) && ka.right().equals(ke.left());
    }
    if (!(a instanceof Expr.Product pa && e instanceof Expr.Product pe) || pa.factors().size() != pe.factors().size()) {
      return false;
    }
    int swapped = 0;
    for (int i = 0; i < pa.factors().size(); i++) {
      Expr fa = pa.factors().get(i);
      Expr fe = pe.factors().get(i);
      if (!fa.equals(fe)) {
        if (!kronSwapped(fa, fe)) {
          return false;
        }
        swapped++;
      }
    }
    return swapped == 1;
  }

  /** The M of each det(M) in e, and of each log det(M) or log(det(M)). */
  private static void determinants(Expr e, List<Expr> determinants, List<Expr> logDeterminants) {
    if (e instanceof Expr.LogDet logDet) {
      logDeterminants.add(logDet.argument());
    } else if (e instanceof Expr.Apply log && log.function() == Expr.Function.LOG
        && log.argument() instanceof Expr.Det det) {
      logDeterminants.add(det.argument());
      determinants(det.argument(), determinants, logDeterminants); // this det is the log's, not one of its own
      return;
    } else if (e instanceof Expr.Det det) {
      determinants.add(det.argument());
    }
    for (Expr child : Children.of(e)) {
      determinants(child, determinants, logDeterminants);
    }
  }

  /** The first vector of e (not the variable) that makes a equal to e once it adds up to 1, or null. */
  private static String assumedSummingToOne(Expr a, Expr e, Declarations declarations, Comparisons numbers,
      String variable) {
    for (Declaration d : declarations.all()) {
      Shape s = d.shape();
      if (!d.name().equals(variable) && s.cols().isOne() && !s.rows().isOne()
          && Children.any(e, x -> x instanceof Expr.Symbol sym && sym.name().equals(d.name()))) {
        try {
          if (numbers.equalWhen(a, e, List.of(d.name()), NumericEquality.SUMMING_TO_ONE)) {
            return d.name();
          }
        } catch (ExpressionException invalid) {
          // no value where it adds up to 1 (a log of a negative entry): not this slip
        }
      }
    }
    return null;
  }

  /** The square matrices (other than the variable) whose symmetry would make a equal to e. */
  private static List<String> assumedSymmetric(Expr a, Expr e, Declarations declarations, Comparisons numbers,
      String variable) {
    Set<String> candidates = new LinkedHashSet<>();
    for (Declaration d : declarations.all()) {
      Shape s = d.shape();
      if (!d.name().equals(variable) && s.isSquare() && !s.isScalar() && !d.has(Property.SYMMETRIC)
          && Children.any(e, x -> x instanceof Expr.Symbol sym && sym.name().equals(d.name()))) {
        candidates.add(d.name());
      }
    }
    if (candidates.isEmpty()) {
      return List.of();
    }
    try {
      return numbers.equalWhenSymmetric(a, e, candidates)
          ? List.copyOf(candidates) : List.of();
    } catch (ExpressionException invalid) {
      return List.of();
    }
  }
}
