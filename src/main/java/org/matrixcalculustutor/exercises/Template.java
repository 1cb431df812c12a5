package org.matrixcalculustutor.exercises;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.matrixcalculustutor.algebra.Children;
import org.matrixcalculustutor.algebra.Expr;
import org.matrixcalculustutor.algebra.LatexPrinter;
import org.matrixcalculustutor.algebra.Limits;
import org.matrixcalculustutor.algebra.Parser;
import org.matrixcalculustutor.algebra.Renamer;
import org.matrixcalculustutor.algebra.TextPrinter;

/**
 * A title or hint of the bank: prose with formulas between $ signs, written in the course's
 * language over the exercise's symbols (plus differentials, dx and d(x'Ax), and chains a = b).
 * A variant renames the formulas' symbols and the engine's printer typesets them, so a variant's
 * text names its own symbols: "The quadratic form $x'Ax$" becomes "The quadratic form w'Mw". A
 * text without $ signs (the bank's older form) is prose only and cannot follow a renaming.
 *
 * @param source the text as the bank writes it
 */
public record Template(String source) {

  private static final Pattern FORMULA = Pattern.compile("\\$([^$]*)\\$");
  private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

  public Template {
    if (source == null || source.isBlank()) {
      throw new IllegalArgumentException("a text of the bank is empty");
    }
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static Template of(String source) {
    return new Template(source);
  }

  /** The text as plain prose, the formulas as written: "The quadratic form x'Ax". */
  @JsonValue
  public String plain() {
    return source.replace("$", "");
  }

  @Override
  public String toString() {
    return plain();
  }

  /** Whether the text has formulas at all. */
  public boolean hasFormulas() {
    return FORMULA.matcher(source).find();
  }

  /** After "a" or "A", words that show it is a symbol ("A is not symmetric"), not the article ("A linear form"). */
  private static final Pattern ARTICLE = Pattern.compile("(?:a|A) (?!(?:is|are|and|has|must|was|or)\\b)[a-z]");

  /**
   * Which of the symbols the prose (outside the formulas) names: such a text cannot follow a
   * renaming. "a" or "A" before a word in lower case is the article, not the symbol.
   */
  Set<String> namedInProse(Set<String> symbols) {
    Set<String> named = new LinkedHashSet<>();
    String prose = FORMULA.matcher(source).replaceAll(" ");
    Matcher word = WORD.matcher(prose);
    while (word.find()) {
      String w = word.group();
      boolean article = (w.equals("a") || w.equals("A")) && ARTICLE.matcher(prose).region(word.start(), prose.length())
          .lookingAt();
      if (symbols.contains(w) && !article) {
        named.add(w);
      }
    }
    return named;
  }

  /** The formulas, each parsed against the exercise's symbols. */
  List<Parser.Chain> formulas(Set<String> symbols) {
    List<Parser.Chain> chains = new ArrayList<>();
    Matcher m = FORMULA.matcher(source);
    while (m.find()) {
      chains.add(Parser.parseChain(m.group(1), Limits.DEFAULT, symbols));
    }
    return chains;
  }

  /** Every name the formulas use: the exercise's symbols and local ones such as r in "let r = Ax - b". */
  Set<String> names(Set<String> symbols) {
    Set<String> names = new LinkedHashSet<>();
    for (Parser.Chain chain : formulas(symbols)) {
      for (Expr side : chain.sides()) {
        collect(side, names);
      }
      chain.differentials().values().forEach(e -> collect(e, names));
    }
    return names;
  }

  private static void collect(Expr e, Set<String> into) {
    Children.any(e, node -> {
      if (node instanceof Expr.Symbol s && !s.name().startsWith("\u2202")) {
        into.add(s.name());
      } else if (node instanceof Expr.Differential d && !d.variable().name().startsWith("\u2202")) {
        into.add(d.variable().name());
      }
      return false;
    });
  }

  /**
   * The text for a variant whose symbols are renamed by names: as TeX for MathJax (prose with
   * \( ... \) formulas typeset by the engine's printer) and as plain text.
   */
  Rendered render(Set<String> symbols, Map<String, String> names) {
    StringBuilder tex = new StringBuilder();
    StringBuilder plain = new StringBuilder();
    Matcher m = FORMULA.matcher(source);
    int last = 0;
    while (m.find()) {
      String prose = source.substring(last, m.start());
      tex.append(prose);
      plain.append(prose);
      Parser.Chain chain = Parser.parseChain(m.group(1), Limits.DEFAULT, symbols);
      Map<Expr.Symbol, Expr> differentials = chain.differentials().entrySet().stream()
          .collect(Collectors.toMap(Map.Entry::getKey, e -> Renamer.rename(e.getValue(), names)));
      List<Expr> sides = chain.sides().stream().map(side -> Renamer.rename(side, names)).toList();
      tex.append("\\(").append(sides.stream().map(side -> LatexPrinter.print(side, differentials))
          .collect(Collectors.joining(" = "))).append("\\)");
      plain.append(names.isEmpty() || sides.equals(chain.sides()) ? m.group(1)
          : sides.stream().map(TextPrinter::print).collect(Collectors.joining(" = ")));
      last = m.end();
    }
    tex.append(source.substring(last));
    plain.append(source.substring(last));
    return new Rendered(tex.toString(), plain.toString());
  }

  /**
   * A text as one variant shows it.
   *
   * @param tex prose with formulas as \( TeX \), for an element MathJax typesets
   * @param plain prose with formulas in the course's language, for a page title or a list
   */
  public record Rendered(String tex, String plain) {}
}
