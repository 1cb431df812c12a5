package org.matrixcalculustutor.calculus;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.matrixcalculustutor.algebra.Declaration;
import org.matrixcalculustutor.algebra.Declarations;

/**
 * The letters of a rule's formula kept apart from the problem's own names. A rule's letters are
 * placeholders: in the attention problem, where Q is the query matrix and G the upstream gradient,
 * "cyclic trace: <P, A Q B> = <A' P B', Q>" and "df = <G, dK> gives G" would read as statements
 * about them. A capital that the problem declares (other than the variable, which a rule names on
 * purpose) is renamed throughout the rule to a capital neither uses.
 */
public final class RuleLetters {

  /** A capital standing alone, or after d (dX); not I, the identity. */
  private static final Pattern LETTER = Pattern.compile("(?<![\\p{L}\\p{N}_])(d?)([A-HJ-Z])(?![\\p{L}\\p{N}_])");
  /** Replacements in the order tried: letters problems seldom use first. */
  private static final String SPARE = "UVWRSTLNMHGPQCDEFJKOYZAB";

  /**
   * Renamed rules by rule, variable and the problem's one-letter names: a class's problems repeat,
   * and a rule is renamed once, not on every request. Rules are the engine's own few strings.
   */
  private static final Map<String, String> RENAMED = new ConcurrentHashMap<>();
  private static final int MAX_REMEMBERED = 4_096;

  private RuleLetters() {}

  /** rule with each of its capitals that declarations name (other than variable) renamed. */
  public static String apart(String rule, Declarations declarations, String variable) {
    boolean clash = false;
    for (Declaration d : declarations.all()) {
      String name = d.name();
      clash |= name.length() == 1 && isPlaceholder(name.charAt(0)) && !name.equals(variable)
          && mentions(rule, name.charAt(0));
    }
    if (!clash) { // decided without a pattern or a set: derivations are built on every request
      return rule;
    }
    StringBuilder letters = new StringBuilder(rule).append('\u0000').append(variable).append('\u0000');
    for (Declaration d : declarations.all()) {
      if (d.name().length() == 1) {
        letters.append(d.name());
      }
    }
    String key = letters.toString();
    String known = RENAMED.get(key);
    if (known != null) {
      return known;
    }
    String renamed = rename(rule, declarations, variable);
    if (RENAMED.size() < MAX_REMEMBERED) {
      RENAMED.put(key, renamed);
    }
    return renamed;
  }

  private static String rename(String rule, Declarations declarations, String variable) {
    Set<String> names = new HashSet<>();
    for (Declaration d : declarations.all()) {
      names.add(d.name());
    }
    names.remove(variable);
    Set<String> used = new HashSet<>(names);
    used.add(variable);
    Matcher letters = LETTER.matcher(rule);
    while (letters.find()) {
      used.add(letters.group(2));
    }
    Map<String, String> renamed = new HashMap<>();
    StringBuilder out = new StringBuilder();
    letters.reset();
    while (letters.find()) {
      String letter = letters.group(2);
      String shown = names.contains(letter) ? renamed.computeIfAbsent(letter, l -> spare(used)) : letter;
      letters.appendReplacement(out, Matcher.quoteReplacement(letters.group(1) + shown));
    }
    letters.appendTail(out);
    return out.toString();
  }

  /** Whether rule has letter standing alone (or as dX): not inside a word such as "trace". */
  private static boolean mentions(String rule, char letter) {
    for (int i = rule.indexOf(letter); i >= 0; i = rule.indexOf(letter, i + 1)) {
      boolean before = i == 0 || !isNamePart(rule.charAt(i - 1))
          || rule.charAt(i - 1) == 'd' && (i == 1 || !isNamePart(rule.charAt(i - 2)));
      boolean after = i + 1 == rule.length() || !isNamePart(rule.charAt(i + 1));
      if (before && after) {
        return true;
      }
    }
    return false;
  }

  /** A capital a rule may use as a placeholder: any but I, the identity (LETTER's class). */
  private static boolean isPlaceholder(char c) {
    return c >= 'A' && c <= 'Z' && c != 'I';
  }

  private static boolean isNamePart(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  private static String spare(Set<String> used) {
    for (char c : SPARE.toCharArray()) {
      String letter = String.valueOf(c);
      if (used.add(letter)) {
        return letter;
      }
    }
    return "?"; // 24 capitals of a rule and a problem all taken: never in practice
  }

  /** The last line of a gradient: df = <G, dX> gives G, with G apart from the problem's names. */
  public static String readOffGradient(String variable, Declarations declarations) {
    return apart("read off the gradient: df = <G, d" + variable + "> gives G", declarations, variable);
  }
}
