package org.matrixcalculustutor.classroom;

import java.math.BigInteger;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The one order in which names are listed, on the pages and in the CSV files: as a reader expects,
 * not by code point. Letters compare by their base letter whatever their accent or case (Émile
 * beside Emma, not after Zoë), and a run of digits by its value (Student 2 before Student 10).
 */
final class NameOrder {

  /** Names as people sort them; names equal at that level (Zoe, Zoë) keep a fixed order. */
  static final Comparator<String> NAMES = NameOrder::compare;

  /** Students by name; two with one name by who joined first, so that rows never swap between visits. */
  static final Comparator<Student> STUDENTS = Comparator.comparing(Student::getDisplayName, NAMES)
      .thenComparing(Student::getJoinedAt, Comparator.nullsLast(Comparator.naturalOrder()))
      .thenComparing(Student::getId, Comparator.nullsLast(Comparator.naturalOrder()));

  /** Base letters only: accents and case do not order names (RuleBasedCollator.compare is synchronized). */
  private static final Collator LETTERS = collator(Collator.PRIMARY);

  /** Accents and case, only to break ties between names equal by base letters. */
  private static final Collator TIE_BREAK = collator(Collator.TERTIARY);

  private NameOrder() {}

  private static Collator collator(int strength) {
    Collator collator = Collator.getInstance(Locale.ENGLISH);
    collator.setStrength(strength);
    collator.setDecomposition(Collator.CANONICAL_DECOMPOSITION); // "é" typed as e + accent is "é"
    return collator;
  }

  static int compare(String a, String b) {
    List<String> left = runs(a);
    List<String> right = runs(b);
    for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
      String x = left.get(i);
      String y = right.get(i);
      int order = isNumber(x) && isNumber(y) ? new BigInteger(x).compareTo(new BigInteger(y)) : LETTERS.compare(x, y);
      if (order != 0) {
        return order;
      }
    }
    int order = Integer.compare(left.size(), right.size());
    if (order == 0) {
      order = TIE_BREAK.compare(a, b);
    }
    return order != 0 ? order : a.compareTo(b);
  }

  /** "Student 10b" as "Student ", "10", "b": runs of ASCII digits and runs of everything else. */
  private static List<String> runs(String s) {
    List<String> runs = new ArrayList<>();
    int start = 0;
    for (int i = 1; i <= s.length(); i++) {
      if (i == s.length() || isDigit(s.charAt(i)) != isDigit(s.charAt(i - 1))) {
        runs.add(s.substring(start, i));
        start = i;
      }
    }
    return runs;
  }

  private static boolean isNumber(String run) {
    return isDigit(run.charAt(0));
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
