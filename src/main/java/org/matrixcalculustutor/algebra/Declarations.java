package org.matrixcalculustutor.algebra;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A declaration block, one symbol per line: {@code A: matrix n x n symmetric}, {@code x: vector
 * n positive}, {@code lambda: scalar}. Several names may share a line: {@code A, B: matrix n x n}.
 */
public final class Declarations {

  public static final Declarations NONE = new Declarations(Map.of());


  private final Map<String, Declaration> byName;

  private Declarations(Map<String, Declaration> byName) {
    this.byName = byName;
  }

  public static Declarations of(Collection<Declaration> declarations) {
    Map<String, Declaration> map = new LinkedHashMap<>();
    declarations.forEach(d -> map.put(d.name(), d));
    return new Declarations(map);
  }

  /** Parses a block; an error names the line's offset in the block. */
  public static Declarations parse(String text, Limits limits) {
    if (text == null || text.isBlank()) {
      return NONE;
    }
    if (text.length() > limits.maxInputLength()) {
      throw new ExpressionException(
          "the declarations are " + text.length() + " characters long; the limit is "
              + limits.maxInputLength(),
          new Span(limits.maxInputLength(), text.length()));
    }
    Map<String, Declaration> map = new LinkedHashMap<>();
    int offset = 0;
    for (String line : text.split("\n", -1)) {
      parseLine(line, offset, limits, map);
      offset += line.length() + 1;
    }
    return new Declarations(map);
  }

  private static void parseLine(
      String line, int offset, Limits limits, Map<String, Declaration> into) {
    String body = line.strip();
    if (body.isEmpty() || body.startsWith("#")) {
      return;
    }
    int lead = offset + line.indexOf(body.charAt(0));
    Span span = new Span(lead, lead + body.length());
    int colon = body.indexOf(':');
    if (colon < 0) {
      throw new ExpressionException(
          "expected 'name: type' in the declaration '" + body + "' at " + span.column(), span);
    }
    List<String> names = new ArrayList<>();
    for (String name : body.substring(0, colon).split(",")) {
      String trimmed = name.strip();
      if (!isName(trimmed)) {
        throw new ExpressionException(
            "'" + trimmed + "' is not a symbol name (declaration at " + span.column() + ")", span);
      }
      names.add(trimmed);
    }
    String[] words = words(body.substring(colon + 1).strip().toLowerCase(Locale.ROOT).replace("×", " x "));
    Shape shape;
    int next;
    switch (words[0]) {
      case "scalar" -> {
        shape = Shape.SCALAR;
        next = 1;
      }
      case "vector" -> {
        shape = Shape.vector(size(words, 1, span, limits));
        next = 2;
      }
      case "matrix" -> {
        int x = words.length > 1 ? compactTimes(words[1]) : -1;
        if (x > 0) {
          shape = new Shape(size(new String[] {words[1].substring(0, x)}, 0, span, limits),
              size(new String[] {words[1].substring(x + 1)}, 0, span, limits));
          next = 2;
        } else {
          if (words.length < 4 || !words[2].equals("x")) {
            throw new ExpressionException(
                "expected 'matrix m x n' in the declaration at " + span.column(), span);
          }
          shape = new Shape(size(words, 1, span, limits), size(words, 3, span, limits));
          next = 4;
        }
      }
      default -> throw new ExpressionException(
          "unknown type '" + words[0] + "' at " + span.column() + ": use scalar, vector n or matrix m x n",
          span);
    }
    Set<Property> properties = EnumSet.noneOf(Property.class);
    for (int i = next; i < words.length; i++) {
      properties.add(property(words[i], span));
    }
    for (Property property : properties) {
      if (property != Property.POSITIVE && !shape.isSquare()) {
        throw new ExpressionException(
            "a " + property.word() + " matrix must be square, but " + names.get(0) + " is "
                + shape.describe() + " (declaration at " + span.column() + ")", span);
      }
    }
    for (String name : names) {
      Declaration declared = new Declaration(name, shape, properties);
      Declaration earlier = into.put(name, declared);
      if (earlier != null && !earlier.equals(declared)) { // which one was meant cannot be told
        throw new ExpressionException("'" + name + "' is declared twice, as " + describe(earlier) + " and as "
            + describe(declared) + " (declaration at " + span.column() + "): keep one", span);
      }
    }
  }

  /** A declaration's type in words: "matrix 3 x 3, symmetric". */
  private static String describe(Declaration d) {
    String properties = d.properties().stream().map(Property::word).collect(Collectors.joining(", "));
    return d.shape().describe() + (properties.isEmpty() ? "" : ", " + properties);
  }

  // Declarations are read on every request: by hand, not by regular expressions

  /** The words of stripped text, split at runs of ASCII white space (as the regex \\s+ splits). */
  private static String[] words(String text) {
    List<String> words = new ArrayList<>(6);
    int start = -1;
    for (int i = 0; i <= text.length(); i++) {
      boolean space = i == text.length() || " \t\n\u000B\f\r".indexOf(text.charAt(i)) >= 0;
      if (!space && start < 0) {
        start = i;
      } else if (space && start >= 0) {
        words.add(text.substring(start, i));
        start = -1;
      }
    }
    return words.isEmpty() ? new String[] {""} : words.toArray(new String[0]);
  }

  /** A symbol name: a letter, then letters, digits and underscores. */
  private static boolean isName(String word) {
    if (word.isEmpty() || !isAsciiLetter(word.charAt(0))) {
      return false;
    }
    for (int i = 1; i < word.length(); i++) {
      if (!isWordChar(word.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigits(String word) {
    return !word.isEmpty() && word.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  /** For "nxm" or "3x4" (word characters either side), the index of the x that splits it; else -1. */
  private static int compactTimes(String word) {
    if (word.isEmpty() || !word.chars().allMatch(c -> isWordChar((char) c))) {
      return -1;
    }
    return word.lastIndexOf('x', word.length() - 2) >= 1 ? word.lastIndexOf('x', word.length() - 2) : -1;
  }

  private static boolean isAsciiLetter(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  private static boolean isWordChar(char c) {
    return isAsciiLetter(c) || c >= '0' && c <= '9' || c == '_';
  }

  private static Size size(String[] words, int index, Span span, Limits limits) {
    if (index >= words.length || !(isName(words[index]) || isDigits(words[index]))) {
      throw new ExpressionException("expected a size (a number or a name such as n) in the declaration at "
          + span.column(), span);
    }
    String word = words[index];
    if (Character.isDigit(word.charAt(0))) {
      long value = word.length() > 9 ? Long.MAX_VALUE : Long.parseLong(word);
      if (value < 1 || value > limits.maxMatrixSize()) {
        throw new ExpressionException("size " + word + " is outside 1.." + limits.maxMatrixSize()
            + " (declaration at " + span.column() + ")", span);
      }
      return new Size.Fixed((int) value);
    }
    return new Size.Named(word);
  }

  private static Property property(String word, Span span) {
    for (Property property : Property.values()) {
      if (property.word().equals(word)) {
        return property;
      }
    }
    throw new ExpressionException("unknown property '" + word + "' at " + span.column()
        + ": use symmetric, spd, invertible, diagonal, orthogonal or positive", span);
  }

  public Optional<Declaration> get(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  public boolean has(String name, Property property) {
    Declaration declaration = byName.get(name);
    return declaration != null && declaration.has(property);
  }

  public Collection<Declaration> all() {
    return byName.values();
  }

  /** The declared names, read-only. */
  public Set<String> names() {
    return java.util.Collections.unmodifiableSet(byName.keySet());
  }

  /** This block with other's declarations added where this one has none. */
  public Declarations plus(Declarations other) {
    Map<String, Declaration> map = new LinkedHashMap<>(byName);
    other.byName.forEach(map::putIfAbsent);
    return new Declarations(map);
  }

  /** One declaration per line, re-parseable. */
  public String text() {
    return String.join("\n", byName.values().stream().map(Declaration::text).toList());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Declarations d && d.byName.equals(byName);
  }

  @Override
  public int hashCode() {
    return byName.hashCode();
  }

  @Override
  public String toString() {
    return text();
  }
}
