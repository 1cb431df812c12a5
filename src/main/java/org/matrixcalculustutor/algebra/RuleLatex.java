package org.matrixcalculustutor.algebra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule's name, as the engine writes it in plain text ("product rule: d(XY) = dX Y + X dY"), typeset
 * for a derivation: the words upright, the formula as mathematics (\langle, ^{\top}, \odot,
 * \mathrm{d}X). The rules are written in a small notation of their own, which this reads; a
 * character outside it makes the whole name plain upright text, so nothing can break the page.
 */
public final class RuleLatex {

  private static final Map<String, String> FUNCTIONS = Map.of("tr", "\\operatorname{tr}", "log", "\\log",
      "det", "\\det", "diag", "\\operatorname{diag}", "softmax", "\\operatorname{softmax}",
      "logsumexp", "\\operatorname{logsumexp}", "sum", "\\operatorname{sum}", "exp", "\\exp", "vec", "\\operatorname{vec}",
      "kron", "\\operatorname{kron}");

  private static final Map<Character, String> OPERATORS = Map.of('⊙', " \\odot ", '⊘', " \\oslash ",
      '⊗', " \\otimes ", '<', "\\langle ", '>', " \\rangle", '=', " = ", '+', " + ", '-', " - ", '/', " / ",
      ',', ", ");

  private static final Set<Character> PLAIN = Set.of('(', ')', ' ', '*');

  /** A formula with a remark in words after it: "vec(dX') = K vec(dX) (the commutation matrix)". */
  private static final Pattern REMARK = Pattern.compile("(.*=.*\\S) \\(([a-z]+(?: [a-z]+)+)\\)");

  private RuleLatex() {}

  /**
   * A piece of a typeset rule: words for the page's own font, or a formula as TeX. Pieces let a
   * long rule wrap between its formulas on a narrow screen.
   *
   * @param math whether content is TeX
   * @param content the words, or the TeX
   */
  public record Part(boolean math, String content) {}

  /** The rule as TeX: "\text{product rule: }\mathrm{d}(X Y) = \mathrm{d}X Y + X \mathrm{d}Y". */
  public static String of(String rule) {
    return of(parts(rule));
  }

  /** Pieces of a rule as one TeX string: the words in \text{...}, the formulas as they are. */
  public static String of(List<Part> parts) {
    StringBuilder tex = new StringBuilder();
    for (Part part : parts) {
      tex.append(part.math() ? part.content() : "\\text{" + part.content() + "}");
    }
    return tex.toString();
  }

  /** The rule in pieces: its name and words as text, each formula as TeX. */
  public static List<Part> parts(String rule) {
    List<Part> parts = new ArrayList<>();
    try {
      item(rule, parts);
    } catch (IllegalArgumentException outsideTheNotation) {
      parts.clear();
      parts.add(text(rule));
    }
    return List.copyOf(parts);
  }

  /** "name: formula", "formula; formula", a formula, or words. */
  private static void item(String rule, List<Part> into) {
    int colon = rule.indexOf(": ");
    if (colon > 0 && !rule.substring(0, colon).contains("=")) {
      String rest = rule.substring(colon + 2);
      into.add(text(rule.substring(0, colon + 1) + " "));
      if (isFormula(rest) || rest.contains(": ") || rest.contains("; ")) {
        list(rest, into);
      } else {
        into.add(text(rest));
      }
    } else if (isFormula(rule)) {
      list(rule, into);
    } else {
      into.add(text(rule));
    }
  }

  private static void list(String items, List<Part> into) {
    String[] all = items.split("; ");
    for (int i = 0; i < all.length; i++) {
      if (i > 0) {
        into.add(text("; "));
      }
      String item = all[i];
      if (item.contains(": ")) {
        item(item, into);
      } else if (isFormula(item)) {
        Matcher remark = REMARK.matcher(item);
        if (remark.matches()) { // words in math would lose their spaces: "vec(dX)( the commutation"
          into.add(new Part(true, formula(remark.group(1))));
          into.add(text(" (" + remark.group(2) + ")"));
        } else {
          into.add(new Part(true, formula(item)));
        }
      } else {
        into.add(text(item));
      }
    }
  }

  private static boolean isFormula(String s) {
    return s.contains("=");
  }

  /** Plain words: only letters, digits, spaces and a little punctuation survive. */
  private static Part text(String words) {
    StringBuilder out = new StringBuilder();
    for (char c : words.toCharArray()) {
      if (Character.isLetterOrDigit(c) || " ,.;:'-()".indexOf(c) >= 0) {
        out.append(c);
      }
    }
    return new Part(false, out.toString());
  }

  /** One formula of the rules' notation as TeX. */
  static String formula(String f) {
    StringBuilder out = new StringBuilder();
    boolean openNorm = true;
    boolean openBar = true;
    int i = 0;
    while (i < f.length()) {
      char c = f.charAt(i);
      if (Character.isLetter(c)) {
        int end = i;
        while (end < f.length() && (Character.isLetter(f.charAt(end))
            || f.charAt(end) == '-' && end + 1 < f.length() && Character.isLetter(f.charAt(end + 1)) && end > i + 1)) {
          end++;
        }
        String word = f.substring(i, end);
        char next = end < f.length() ? f.charAt(end) : ' ';
        out.append(word(word, next));
        i = end;
      } else if (Character.isDigit(c)) {
        out.append(c);
        i++;
      } else if (c == '²' || c == '³') { // d²f
        out.append(c == '²' ? "^{2}" : "^{3}");
        i++;
      } else if (c == '\'') {
        boolean prime = i + 1 < f.length() && f.charAt(i + 1) == '('; // f'(X): a derivative, not a transpose
        out.append(prime ? "'" : "^{\\top}");
        i++;
      } else if (c == '^' || c == '.' && i + 1 < f.length() && f.charAt(i + 1) == '^') {
        boolean entrywise = c == '.';
        i += entrywise ? 2 : 1;
        while (i < f.length() && f.charAt(i) == ' ') {
          i++;
        }
        int end = exponentEnd(f, i);
        String exponent = f.substring(i, end);
        if (exponent.startsWith("(") && exponent.endsWith(")")) {
          exponent = exponent.substring(1, exponent.length() - 1);
        }
        out.append("^{").append(entrywise ? "\\circ " : "").append(exponent).append('}');
        i = end;
      } else if (c == '|') {
        boolean norm = i + 1 < f.length() && f.charAt(i + 1) == '|';
        if (norm) {
          out.append(openNorm ? "\\lVert " : " \\rVert");
          openNorm = !openNorm;
          i += 2;
        } else {
          out.append(openBar ? "\\lvert " : " \\rvert");
          openBar = !openBar;
          i++;
        }
      } else if (OPERATORS.containsKey(c)) {
        out.append(OPERATORS.get(c));
        i++;
      } else if (PLAIN.contains(c)) {
        out.append(c == '*' ? " " : c);
        i++;
      } else {
        throw new IllegalArgumentException("outside the rules' notation: " + c);
      }
    }
    return out.toString().replaceAll(" +", " ").replaceAll(" ([),^'])", "$1").strip();
  }

  /** A word of a formula: dX, d, a function, a symbol, or English. */
  private static String word(String word, char next) {
    if (word.equals("d")) {
      return "\\mathrm{d}";
    }
    if (word.length() == 2 && word.charAt(0) == 'd') {
      return "\\mathrm{d}" + word.charAt(1);
    }
    if (word.length() > 2 && word.charAt(0) == 'd' && Exprs.GREEK.contains(word.substring(1))) { // dSigma
      return "\\mathrm{d}\\" + word.substring(1) + " ";
    }
    if (FUNCTIONS.containsKey(word) && (next == '(' || next == '|' || next == ' ' && !word.equals("sum"))) {
      return FUNCTIONS.get(word) + " ";
    }
    if (word.length() == 1 || word.chars().allMatch(Character::isUpperCase)) { // X, or XY for X Y
      return String.join(" ", word.split("")) + " ";
    }
    return "\\text{ " + word + " }";
  }

  private static int exponentEnd(String f, int from) {
    int i = from;
    if (i < f.length() && f.charAt(i) == '(') {
      int depth = 0;
      do {
        char c = f.charAt(i);
        depth += c == '(' ? 1 : c == ')' ? -1 : 0;
        i++;
      } while (i < f.length() && depth > 0);
      return i;
    }
    if (i < f.length() && f.charAt(i) == '-') {
      i++;
    }
    while (i < f.length() && Character.isLetterOrDigit(f.charAt(i))) {
      i++;
    }
    return i;
  }
}
