package org.matrixcalculustutor.derivation;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.matrixcalculustutor.algebra.Children;
import org.matrixcalculustutor.algebra.Declaration;
import org.matrixcalculustutor.algebra.Expr;
import org.matrixcalculustutor.algebra.ExpressionException;
import org.matrixcalculustutor.algebra.Limits;
import org.matrixcalculustutor.algebra.Parser;
import org.matrixcalculustutor.algebra.ShapeChecker;
import org.matrixcalculustutor.algebra.ShapeSlips;
import org.matrixcalculustutor.algebra.Span;
import org.matrixcalculustutor.algebra.TextPrinter;
import org.matrixcalculustutor.algebra.Typing;

/**
 * Reads one line of a derivation: an optional "df =" (or "="), then an expression of the language
 * in which dX (also d(X)) is the differential of the variable X. The line must be well-shaped, of
 * f's shape, use only the problem's symbols, and be linear in dX; otherwise it is invalid, with the
 * place of the problem. Positions count in the line as typed: the prefix and d(X) are blanked or
 * rewritten in place, never cut, so that every column stays where it was.
 */
final class LineReader {

  /** "df =", "d f =", "d(f) =", or a bare "=" at the start of a line. */
  private static final Pattern PREFIX = Pattern.compile("^\\s*(?:d\\s*f|d\\s*\\(\\s*f\\s*\\))?\\s*=");

  /**
   * A line as the checker reads it.
   *
   * @param expr the line with dX as a symbol
   * @param typing its shapes
   * @param spans where each node sits in the line
   * @param readings how habits were read ("Ax" read as A x)
   */
  record Read(Expr expr, Typing typing, Map<Expr, Span> spans, List<String> readings) {}

  private LineReader() {}

  /**
   * Reads a line of a derivation of problem.
   *
   * @throws ExpressionException when the line is invalid, with its place in the line
   */
  static Read read(Problem problem, String line, Limits limits) {
    if (line == null || line.isBlank()) {
      throw new ExpressionException("the line is empty: write one step of df on each line", new Span(0, 0));
    }
    if (line.length() > limits.maxInputLength()) {
      throw new ExpressionException("the line is " + line.length() + " characters long; the limit is "
          + limits.maxInputLength(), new Span(limits.maxInputLength(), line.length()));
    }
    String text = blankPrefix(line);
    requireOneStep(text);
    text = differentialsAsSymbols(text, problem.variable());
    Set<String> names = problem.declarations().all().stream().map(Declaration::name)
        .collect(Collectors.toCollection(LinkedHashSet::new));
    if (text.isBlank()) {
      throw new ExpressionException("the line has nothing after '=': write the expression df equals",
          new Span(line.length(), line.length()));
    }
    Parser.Result parsed = Parser.parse(text, limits, names);
    Map<Expr, Span> spans = parsed.spans();
    requireKnownSymbols(problem, parsed.expr(), spans, names);
    Typing typing;
    try {
      typing = ShapeChecker.check(parsed.expr(), problem.declarations(), spans);
    } catch (ExpressionException clash) {
      throw ShapeSlips.explain(clash, parsed.expr(), problem.declarations(), spans);
    }
    Span whole = spanOf(parsed.expr(), spans, text);
    String dX = problem.dX().name();
    if (!typing.shape().equals(problem.shape())) {
      throw new ExpressionException("df has the shape of f, " + problem.shape().describe() + ", but this line is "
          + typing.shape().describe(), whole);
    }
    Linearity.Degree degree = Linearity.of(parsed.expr(), problem.dX());
    if (degree.kind() == Linearity.Kind.CONSTANT) {
      throw new ExpressionException("this line has no " + dX + ": each line is an expression for df, linear in "
          + dX + " (the differential of " + problem.variable() + ")", whole);
    }
    if (degree.nonlinear()) {
      Expr culprit = degree.culprit() == null ? parsed.expr() : degree.culprit();
      throw new ExpressionException("this line is not linear in " + dX + ": " + shortText(culprit) + " "
          + degree.why(), spanOf(culprit, spans, text));
    }
    return new Read(parsed.expr(), typing, spans, parsed.readings());
  }

  /** The line with "df =" or "=" at its start turned into spaces. */
  static String blankPrefix(String line) {
    Matcher m = PREFIX.matcher(line);
    return m.find() ? " ".repeat(m.end()) + line.substring(m.end()) : line;
  }

  /** A line is one step: a second '=' (outside brackets) starts another. */
  private static void requireOneStep(String text) {
    int depth = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        depth--;
      } else if (c == '=' && depth <= 0) {
        throw new ExpressionException("one step per line: put what follows the '=' at " + (i + 1)
            + " on a line of its own, starting with '='", Span.at(i));
      }
    }
  }

  /** d(X) written (dX) in place, with as many characters, so that positions do not move. */
  static String differentialsAsSymbols(String text, String variable) {
    Pattern d = Pattern.compile("(?<![A-Za-z0-9_])d(\\s*)\\((\\s*)" + Pattern.quote(variable) + "(\\s*)\\)");
    Matcher m = d.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      int spaces = m.group(1).length() + m.group(2).length() + m.group(3).length();
      m.appendReplacement(out, Matcher.quoteReplacement("(d" + variable + " ".repeat(spaces) + ")"));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Every symbol of the line is one of the problem's, or dX; a stray name gets a message that places it. */
  private static void requireKnownSymbols(Problem problem, Expr expr, Map<Expr, Span> spans, Set<String> names) {
    Expr.Symbol[] unknown = new Expr.Symbol[1];
    Children.any(expr, node -> {
      if (node instanceof Expr.Symbol s && !names.contains(s.name())) {
        unknown[0] = s;
        return true;
      }
      return false;
    });
    if (unknown[0] == null) {
      return;
    }
    String name = unknown[0].name();
    String x = problem.variable();
    String message;
    String rest = name.substring(1);
    if (name.equals("d") || (name.startsWith("d") && (rest.length() == 1 || rest.equalsIgnoreCase(x)))) {
      message = "'" + name + "' is not in the problem: the differential of " + x + " is written d" + x + " or d(" + x
          + ")";
    } else {
      message = "this line uses " + name + ", which is not in the problem; its symbols are "
          + String.join(", ", problem.symbols()) + ", and the differential d" + x;
    }
    throw new ExpressionException(message, spans.get(unknown[0]));
  }

  /** The span of node in the line, or of the whole text when the parser did not place it. */
  static Span spanOf(Expr node, Map<Expr, Span> spans, String text) {
    Span span = spans.get(node); // the parser's map is by identity
    if (span != null) {
      return span;
    }
    int start = 0;
    while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    return new Span(start, Math.max(start, text.stripTrailing().length()));
  }

  static String shortText(Expr e) {
    String text = TextPrinter.print(e);
    return text.length() > 60 ? text.substring(0, 57) + "..." : text;
  }
}
