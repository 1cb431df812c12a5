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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A declaration block, one symbol per line: {@code A: matrix n x n symmetric}, {@code x: vector
 * n positive}, {@code lambda: scalar}. Several names may share a line: {@code A, B: matrix n x n}.
 */
public final class Declarations {

  public static final Declarations NONE = new Declarations(Map.of());

  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
  private static final Pattern SIZE = Pattern.compile("[A-Za-z][A-Za-z0-9_]*|[0-9]+");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern COMPACT_SIZE = Pattern.compile("(\\w+)x(\\w+)");

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
      if (!NAME.matcher(trimmed).matches()) {
        throw new ExpressionException(
            "'" + trimmed + "' is not a symbol name (declaration at " + span.column() + ")", span);
      }
      names.add(trimmed);
    }
    String[] words = SPACES.split(body.substring(colon + 1).strip().toLowerCase(Locale.ROOT)
        .replace("×", " x "));
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
        Matcher compact = words.length > 1 ? COMPACT_SIZE.matcher(words[1]) : null;
        if (compact != null && compact.matches() && !words[1].equals("x")) {
          shape = new Shape(size(new String[] {compact.group(1)}, 0, span, limits),
              size(new String[] {compact.group(2)}, 0, span, limits));
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
      into.put(name, new Declaration(name, shape, properties));
    }
  }

  private static Size size(String[] words, int index, Span span, Limits limits) {
    if (index >= words.length || !SIZE.matcher(words[index]).matches()) {
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
