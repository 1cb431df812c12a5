package org.matrixcalculustutor.classroom;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Free text a student or teacher stores (names, student numbers, class names), cleaned before it is
 * stored: control characters go (a NUL byte is refused by PostgreSQL), and so do bidi controls,
 * zero-width and other invisible characters, with which one name could pass for another ("Ada"
 * and "Ada" plus a zero-width space, or a name that a right-to-left override shows reversed).
 * Runs of white space become one space.
 */
final class FreeText {

  private FreeText() {}

  /** The text as it is stored: NFC, no invisible or control characters, single spaces, stripped. */
  static String clean(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    boolean space = false;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (isSpace(c)) {
        space = out.length() > 0;
      } else if (!isInvisible(c)) {
        if (space) {
          out.append(' ');
          space = false;
        }
        out.appendCodePoint(c);
      }
    }
    return Normalizer.normalize(out, Normalizer.Form.NFC);
  }

  /**
   * What two names are compared by: compatibility forms folded (a full-width "Ａ" is "A") and case
   * ignored, so "ADA" and "ada" are one person's name.
   */
  static String key(String text) {
    return Normalizer.normalize(clean(text), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
  }

  private static boolean isSpace(int c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  private static boolean isInvisible(int c) {
    return switch (Character.getType(c)) {
      // controls, format characters (bidi controls, zero-width space/joiners, BOM, soft hyphen, tags),
      // lone surrogates, unassigned code points
      case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.UNASSIGNED -> true;
      default -> isBlankLetter(c);
    };
  }

  /** Letters and marks that print as nothing: Hangul fillers, the blank Braille cell, variation selectors. */
  private static boolean isBlankLetter(int c) {
    return c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0 || c == 0x2800 || c == 0x034F
        || c == 0x17B4 || c == 0x17B5 || c == 0x180E || (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF);
  }
}
