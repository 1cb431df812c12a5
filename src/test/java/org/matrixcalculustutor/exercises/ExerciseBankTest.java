package org.matrixcalculustutor.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.matrixcalculustutor.algebra.Limits;
import org.matrixcalculustutor.algebra.Shapes;
import org.matrixcalculustutor.algebra.Simplifier;
import org.matrixcalculustutor.calculus.Layout;
import org.matrixcalculustutor.engine.Derivative;
import org.matrixcalculustutor.engine.Engine;
import org.matrixcalculustutor.numeric.NumericEquality;

/** No answer reaches a student that the engine did not derive itself. */
class ExerciseBankTest {

  static final double CHECK_TOLERANCE = 1e-5;
  private static final Engine ENGINE = new Engine(Limits.DEFAULT);
  private static final ExerciseBank BANK = ExerciseBank.load();

  static Stream<Exercise> exercises() {
    return BANK.all().stream();
  }

  @Test
  void bank_hasAtLeastFortyExercisesOverEveryLevel() {
    assertThat(BANK.all()).hasSizeGreaterThanOrEqualTo(40);
    assertThat(BANK.levels().keySet()).containsExactly(1, 2, 3);
  }

  @Test
  void everyExercise_belongsToAChapterOfTheLessons() {
    var lessons = org.matrixcalculustutor.lessons.LessonCatalog.load();
    assertThat(BANK.all()).allSatisfy(e -> assertThat(lessons.lesson(e.chapter())).as(e.id()).isPresent());
  }

  @Test
  void bank_coversTheTopicsOfTheCourse() {
    Set<String> functions = BANK.all().stream().map(Exercise::function).collect(Collectors.toSet());
    assertThat(functions).contains("x'*A*x", "x'*S*x", "a'*x", "x'*x", "norm(A*x - b)^2", "norm(Y - X*A)^2",
        "tr(A*X)", "tr(A*X*B)", "tr(X'*X)", "u'*X*v", "det(X)", "logdet(X)", "logdet(X'*X)", "tr(inv(X)*A)",
        "a'*inv(X)*b", "-y'*X*w + log(ones'*exp(X*w))", "sum(log(ones + exp(-y .* (X*w))))",
        "norm(X - U*V')^2", "<G, Q*K'>", "sum(exp(A*x))", "sum(sigmoid(X*w))", "A*x",
        "[r*cos(t); r*sin(t)]", "[cos(t), -sin(t); sin(t), cos(t)]");
  }

  @Test
  void bank_coversTheDerivativesBeyondTheSixKinds() {
    var hessians = BANK.all().stream().filter(e -> e.order() == 2).toList();
    var vecJacobians = BANK.all().stream().filter(e -> e.topic().equals("Vec Jacobians")).toList();
    assertThat(hessians.stream().map(Exercise::function)).contains("x'*A*x", "norm(A*x - b)^2", "tr(X'*A*X)",
        "sum(log(ones + exp(X*w))) - y'*X*w");
    assertThat(vecJacobians.stream().map(Exercise::function)).contains("A*X*B", "inv(X)", "X'*X", "exp(X)",
        "sigmoid(W*x + b)");
    assertThat(hessians.size() + vecJacobians.size()).isGreaterThanOrEqualTo(12);
  }

  @Test
  void hessianExercise_diagnosesAnUnsymmetrisedAnswer() {
    Exercise e = BANK.find("hessian-quadratic-form").orElseThrow();
    ExerciseChecker checker = new ExerciseChecker(ENGINE);
    var grade = checker.attempt(e, 0L, "2*A");
    assertThat(grade.diagnoses()).extracting(d -> d.code().name()).containsExactly("UNSYMMETRISED");
    assertThat(checker.attempt(e, 0L, "A + A'").correct()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exercises")
  void engine_derivesAnAnswerEquivalentToTheReference(Exercise e) {
    Derivative derived = ENGINE.derive(e.function(), e.variable(), e.declarations(), Layout.parse(e.layout()),
        e.order());
    assertThat(derived.order()).isEqualTo(e.order());
    assertThat(derived.maxRelativeError()).as("finite differences of %s", derived.text()).isLessThan(CHECK_TOLERANCE);
    var declarations = derived.function().typing().declarations();
    var reference = ENGINE.analyze(e.answer(), declarations).expr();
    assertThat(NumericEquality.maxRelativeDifference(derived.result(), reference, declarations, 11L, 3))
        .as("engine %s vs reference %s", derived.text(), e.answer()).isLessThan(NumericEquality.TOLERANCE);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exercises")
  void variants_renameSymbolsAndTheEngineDerivesEachAgain(Exercise e) {
    ExerciseChecker checker = new ExerciseChecker(ENGINE);
    Variant variant = checker.variant(e, 7L);
    Derivative expected = checker.expected(variant);
    assertThat(expected.maxRelativeError()).isLessThan(CHECK_TOLERANCE);
    assertThat(checker.attempt(e, 7L, expected.text()).correct()).isTrue();
    assertThat(checker.variant(e, 0L).function()).isEqualTo(e.function());
  }

  /** A constant of any shape is an ordinary answer: graded, never a failure. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("exercises")
  void constantAnswers_areGradedAsOrdinaryAnswers(Exercise e) {
    ExerciseChecker checker = new ExerciseChecker(ENGINE);
    for (long seed : new long[] {0L, 3L}) {
      for (String constant : new String[] {"0", "1", "-2.5", "I", "ones", "0*I", "zeros(2, 3)"}) {
        var grade = checker.attempt(e, seed, constant);
        assertThat(grade.verdict()).as("%s graded for %s", constant, e.id()).isNotNull();
      }
    }
  }

  @Test
  void variants_differBetweenSeedsAndAreReproducible() {
    Exercise e = BANK.find("quadratic-form").orElseThrow();
    ExerciseChecker checker = new ExerciseChecker(ENGINE);
    Set<String> texts = Stream.of(1L, 2L, 3L, 4L, 5L).map(s -> Variant.of(e, s, ENGINE).function())
        .collect(Collectors.toSet());
    assertThat(texts).hasSizeGreaterThan(1);
    assertThat(Variant.of(e, 3L, ENGINE)).isEqualTo(Variant.of(e, 3L, ENGINE));
    assertThat(checker.variant(e, 3L).variable()).isNotBlank();
  }

  /** Every formula of every title and hint reads, and a variant renames all of them as it renames f. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("exercises")
  void variants_areWhole(Exercise e) {
    ExerciseChecker checker = new ExerciseChecker(ENGINE);
    Set<String> symbols = ENGINE.analyze(e.function(), e.declarations()).symbols().stream()
        .collect(Collectors.toSet());
    for (long seed = 0; seed < 12; seed++) {
      Variant v = checker.variant(e, seed);
      assertThat(v.variable()).as("the variable stays the variable").isEqualTo(e.variable());
      assertThat(v.names()).doesNotContainKey(e.variable());
      Set<String> variantSymbols = ENGINE.analyze(v.function(), v.declarations()).symbols().stream()
          .collect(Collectors.toSet());
      for (Template text : texts(e)) {
        Template.Rendered rendered = text.render(symbols, v.names());
        for (var renamed : v.names().entrySet()) {
          if (!renamed.getKey().equals(renamed.getValue())) { // the old name is gone from the typeset text
            String formulas = String.join(" ", java.util.regex.Pattern.compile("\\\\\\((.*?)\\\\\\)")
                .matcher(rendered.tex()).results().map(m -> m.group(1)).toList());
            assertThat(formulas).as("%s seed %d: %s", e.id(), seed, rendered.tex())
                .doesNotContainPattern("(?<![\\\\A-Za-z{])" + renamed.getKey() + "(?![A-Za-z])");
          }
        }
        assertThat(renamedNames(text, symbols, v.names())).as("%s seed %d: %s", e.id(), seed, rendered.plain())
            .allMatch(n -> variantSymbols.contains(n) || !symbols.contains(n) && !v.names().containsValue(n));
      }
      if (!v.names().isEmpty()) {
        assertThat(Variant.followsRenaming(e, symbols)).isTrue();
      }
    }
  }

  /** The names a text's formulas use once renamed. */
  private static Set<String> renamedNames(Template text, Set<String> symbols, java.util.Map<String, String> names) {
    return text.names(symbols).stream().map(n -> names.getOrDefault(n, n)).collect(Collectors.toSet());
  }

  private static java.util.List<Template> texts(Exercise e) {
    java.util.List<Template> texts = new java.util.ArrayList<>(java.util.List.of(e.title()));
    e.hints().forEach(h -> texts.add(h.text()));
    return texts;
  }

  @Test
  void theBanksOwnExercises_areAllTemplatesThatFollowARenaming() {
    for (Exercise e : BANK.all()) {
      Set<String> symbols = ENGINE.analyze(e.function(), e.declarations()).symbols().stream()
          .collect(Collectors.toSet());
      assertThat(Variant.followsRenaming(e, symbols)).as(e.id()).isTrue();
    }
  }

  @Test
  void aVariantOfTheQuadraticForm_renamesTitleHintsAndFunctionAlike() {
    Exercise e = BANK.find("quadratic-form").orElseThrow();
    Variant v = Stream.iterate(1L, s -> s + 1).map(s -> Variant.of(e, s, ENGINE))
        .filter(x -> !x.names().isEmpty()).findFirst().orElseThrow();
    String matrix = v.names().get("A");
    assertThat(v.function()).isEqualTo("x'*" + matrix + "*x");
    assertThat(v.title().tex()).contains("x^{\\top} " + matrix + " x").doesNotContain(" A ");
    assertThat(v.hints()).allSatisfy(h -> assertThat(h.tex()).doesNotContain("A"));
    assertThat(v.hints().get(2).tex()).startsWith("\\(" + matrix + "\\) is not symmetric");
  }

  @Test
  void aVariantOfTrAXB_stillDifferentiatesByX() {
    Exercise e = BANK.find("trace-axb").orElseThrow();
    for (long seed = 1; seed < 30; seed++) {
      Variant v = Variant.of(e, seed, ENGINE);
      assertThat(v.variable()).isEqualTo("X");
      assertThat(v.function()).contains("*X*");
      assertThat(v.declarations()).contains("X: matrix m x n");
    }
  }

  /** An exercise in the bank's older form (plain strings, no lessons) still loads; its variants keep the names its prose uses. */
  @Test
  void anExerciseInTheOlderForm_loadsAndItsVariantsKeepItsNames() {
    String json = """
        {"exercises": [{"id": "old-style", "title": "The quadratic form x'Ax", "topic": "T", "chapter": "vectors",
          "level": 2, "function": "x'*A*x", "variable": "x", "declarations": "x: vector n\\nA: matrix n x n",
          "layout": "denominator", "hints": ["Product rule: d(x'Ax) = dx' A x + x' A dx."], "answer": "(A + A')*x"}]}""";
    ExerciseBank bank = ExerciseBank.read(new java.io.ByteArrayInputStream(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    Exercise e = bank.find("old-style").orElseThrow();
    assertThat(e.lesson()).isNull();
    assertThat(e.lessonLink()).isEqualTo("/lessons/vectors");
    assertThat(e.hints().get(0).lesson()).isNull();
    Variant v = Variant.of(e, 5, ENGINE);
    assertThat(v.names()).isEmpty();
    assertThat(v.function()).isEqualTo("x'*A*x");
    assertThat(v.hints().get(0).tex()).isEqualTo("Product rule: d(x'Ax) = dx' A x + x' A dx.");
    assertThat(v.hintLink(0)).isEqualTo("/lessons/vectors");
  }

  /** The answer box's example is valid language and the answer of no exercise, in no variant. */
  @Test
  void theAnswerBoxExample_isTheAnswerOfNoExercise() {
    ExerciseChecker checker = new ExerciseChecker(ENGINE);
    assertThat(ENGINE.analyze(ExerciseController.EXAMPLE, "").text()).isEqualTo(ExerciseController.EXAMPLE);
    for (Exercise e : BANK.all()) {
      for (long seed = 0; seed < 6; seed++) {
        assertThat(checker.attempt(e, seed, ExerciseController.EXAMPLE).correct()).as("%s seed %d", e.id(), seed)
            .isFalse();
      }
    }
  }

  @Test
  void symbolicNormalForms_agreeForMostReferences() {
    long symbolic = BANK.all().stream().filter(e -> {
      Derivative d = ENGINE.derive(e.function(), e.variable(), e.declarations(), Layout.parse(e.layout()), e.order());
      var declarations = d.function().typing().declarations();
      Shapes shapes = new Shapes(declarations);
      var reference = ENGINE.analyze(e.answer(), declarations).expr();
      return Simplifier.normalForm(d.result(), shapes).equals(Simplifier.normalForm(reference, shapes));
    }).count();
    // the rest are decided numerically; both routes are reported by the grader
    assertThat(symbolic).isGreaterThan(BANK.all().size() / 2);
  }
}
