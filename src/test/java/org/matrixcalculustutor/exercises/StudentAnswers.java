package org.matrixcalculustutor.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.matrixcalculustutor.algebra.Declaration;
import org.matrixcalculustutor.algebra.Declarations;
import org.matrixcalculustutor.algebra.Limits;
import org.matrixcalculustutor.algebra.Size;
import org.matrixcalculustutor.engine.Engine;
import org.matrixcalculustutor.grading.Grade;
import org.matrixcalculustutor.grading.Verdict;

/** Texts a student (or a hostile visitor) might submit as the answer to an exercise. */
final class StudentAnswers {

  private static final Engine ENGINE = new Engine(Limits.DEFAULT);

  /** Characters of random strings: the language's, its look-alikes, and some it never reads. */
  static final String ALPHABET = "xyzABXabn012 .*+-/^'()[]{}<>,;@|_\\=$#\"`~!?&%:ᵀ⊤‖²³⁻¹⊙∘·×−’αΣλ√∑∂∇⊗\u00a0\t\n\u0000"
      + "\u200b\u202e\ufeff\ud835\udc31\ud83d\ude00\ud800";

  static final List<String> FUNCTIONS = List.of("tr", "det", "logdet", "inv", "norm", "sum", "diag", "softmax",
      "logsumexp", "vec", "exp", "log", "sin", "cos", "tanh", "sigmoid", "sqrt", "abs");

  private StudentAnswers() {}

  /** Answers to one variant whose expected answer is expected (its text). */
  static List<String> generate(Random random, Variant variant, String expected) {
    Declarations declarations = ENGINE.analyze(variant.function(), variant.declarations()).typing().declarations();
    List<String> symbols = declarations.all().stream().map(Declaration::name).toList();
    Set<String> sizes = new LinkedHashSet<>(List.of("1", "2", "3", "64"));
    for (Declaration d : declarations.all()) {
      for (Size s : List.of(d.shape().rows(), d.shape().cols())) {
        sizes.add(s.toString());
      }
    }
    Set<String> answers = new LinkedHashSet<>(List.of("0", "1", "-1", "2.5", "0.0", "-0", "1e308", "1e-308",
        "pi", "I", "-I", "ones", "ones'", "0*I", "I*0", "ones*ones'", "[1, 2; 3, 4]", "[1; 2]", "[0]", "2*I - I",
        "I^-1", "0^-1", "1/0", "0/0", "log(0)", "sqrt(-1)", "exp(1000)", "inv(0)", "0 .^ -1", "x/0", "det(0)",
        expected, "(" + expected + ")'", "-(" + expected + ")", "2*(" + expected + ")", "0*(" + expected + ")",
        "(" + expected + ")/0", "inv(" + expected + ")", "tr(" + expected + ")", "(" + expected + ")^2",
        "(" + expected + ") .^ -1", "log(" + expected + ")", "norm(" + expected + ")*I"));
    for (String rows : sizes) {
      answers.add("I(" + rows + ")");
      answers.add("ones(" + rows + ")");
      for (String cols : sizes) {
        answers.add("zeros(" + rows + ", " + cols + ")");
      }
    }
    for (String s : symbols) {
      answers.add(s);
      answers.add(s + "'");
      answers.add("tr(" + s + ")");
      answers.add(s + "'*" + s);
      answers.add(s + "*" + s + "'");
      answers.add("3");
      answers.add("inv(" + s + ")");
    }
    for (int i = 0; i < 12; i++) {
      answers.add(expression(random, symbols, 0));
    }
    for (int i = 0; i < 12; i++) {
      answers.add(mutate(random, expected, symbols));
    }
    for (int i = 0; i < 8; i++) {
      answers.add(randomString(random, 1 + random.nextInt(30)));
    }
    answers.add(randomString(random, 300));
    answers.add("x".repeat(Limits.MAX_INPUT_LENGTH + 1));
    answers.add("(".repeat(70) + "x" + ")".repeat(70));
    answers.add("-".repeat(100) + "x");
    answers.add(String.join("*", java.util.Collections.nCopies(300, symbols.get(0))));
    answers.add("((((" + symbols.get(0) + "^2)^2)^2)^2)^2");
    answers.add("kron(kron(I(64), I(64)), I(64))");
    answers.add("");
    answers.add("   ");
    return new ArrayList<>(answers);
  }

  /** A random expression of the language over symbols: well-formed text, any shapes. */
  static String expression(Random r, List<String> symbols, int depth) {
    if (depth > 3 || r.nextDouble() < 0.25) {
      return switch (r.nextInt(6)) {
        case 0 -> String.valueOf(r.nextInt(5));
        case 1 -> "I";
        case 2 -> "ones";
        default -> symbols.get(r.nextInt(symbols.size()));
      };
    }
    String a = expression(r, symbols, depth + 1);
    return switch (r.nextInt(14)) {
      case 0 -> a + " + " + expression(r, symbols, depth + 1);
      case 1 -> a + " - " + expression(r, symbols, depth + 1);
      case 2, 3 -> "(" + a + ")*(" + expression(r, symbols, depth + 1) + ")";
      case 4 -> "(" + a + ")'";
      case 5 -> "-(" + a + ")";
      case 6 -> "(" + a + ") .* (" + expression(r, symbols, depth + 1) + ")";
      case 7 -> "(" + a + ") ./ (" + expression(r, symbols, depth + 1) + ")";
      case 8 -> "<" + a + ", " + expression(r, symbols, depth + 1) + ">";
      case 9 -> "(" + a + ")^" + List.of("2", "-1", "3", "0", "0.5", "-2").get(r.nextInt(6));
      case 10 -> "(" + a + ") .^ " + List.of("2", "-1", "0.5").get(r.nextInt(3));
      case 11 -> "kron(" + a + ", " + expression(r, symbols, depth + 1) + ")";
      case 12 -> "(" + a + ")/" + r.nextInt(4);
      default -> FUNCTIONS.get(r.nextInt(FUNCTIONS.size())) + "(" + a + ")";
    };
  }

  /** text with one slip: a character deleted, doubled, swapped or inserted, a symbol or a transpose changed. */
  static String mutate(Random r, String text, List<String> symbols) {
    if (text.isEmpty()) {
      return text;
    }
    int at = r.nextInt(text.length());
    return switch (r.nextInt(7)) {
      case 0 -> text.substring(0, at) + text.substring(at + 1);
      case 1 -> text.substring(0, at) + text.charAt(at) + text.substring(at);
      case 2 -> at + 1 < text.length()
          ? text.substring(0, at) + text.charAt(at + 1) + text.charAt(at) + text.substring(at + 2) : text + "'";
      case 3 -> text.substring(0, at) + ALPHABET.charAt(r.nextInt(ALPHABET.length())) + text.substring(at);
      case 4 -> text.replaceFirst("'", "");
      case 5 -> text.replace(symbols.get(r.nextInt(symbols.size())), symbols.get(r.nextInt(symbols.size())));
      default -> text.substring(0, at) + "'" + text.substring(at);
    };
  }

  static String randomString(Random r, int length) {
    StringBuilder out = new StringBuilder();
    while (out.length() < length) {
      out.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
    }
    return out.toString();
  }

  /** A grade a page can show: a verdict, and for an invalid answer a message and a place inside the text. */
  static void assertWellFormed(Grade grade, String answer, String where) {
    assertThat(grade.verdict()).as("%s: verdict for \"%s\"", where, answer).isNotNull();
    assertThat(grade.expected()).as("%s: expected for \"%s\"", where, answer).isNotNull();
    if (grade.verdict() == Verdict.INVALID) {
      assertThat(grade.error()).as("%s: message for \"%s\"", where, answer).isNotBlank();
      if (grade.position() != null) {
        assertThat(grade.position()).as("%s: position for \"%s\": %s", where, answer, grade.error())
            .isBetween(1, Math.max(1, answer.length() + 1));
      }
    } else {
      assertThat(grade.answer()).as("%s: reading of \"%s\"", where, answer).isNotNull();
    }
    if (grade.verdict() == Verdict.CORRECT) {
      assertThat(grade.diagnoses()).as("%s: diagnoses of a correct \"%s\"", where, answer).isEmpty();
    }
  }
}
