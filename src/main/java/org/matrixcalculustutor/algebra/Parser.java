package org.matrixcalculustutor.algebra;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recursive descent over the grammar of LANGUAGE.md, one method per precedence level:
 *
 * <pre>
 * expression → sum
 * sum        → product ( ( "+" | "-" ) product )*
 * product    → unary ( ( "*" | "@" | "/" | ".*" | "⊙" | "./" | juxtaposition ) unary )*
 * unary      → ( "-" | "+" ) unary | postfix
 * postfix    → primary ( "'" | ".T" | "^T" | "^" exponent | ".^" number )*
 * exponent   → ( "-" | "+" )? ( NUMBER | NAME | NAME "(" arguments ")" | "(" expression ")" )
 * number     → ( "-" | "+" )? NUMBER | "(" expression ")"    (a constant)
 * primary    → NUMBER | NAME | NAME "(" arguments ")" | "(" expression ")"
 *            | "[" row ( ";" row )* "]" | "&lt;" expression "," expression "&gt;"
 * row        → expression ( "," expression )*
 * </pre>
 *
 * A product is left-associative, so {@code A*x .* y} is {@code (A*x) .* y}; a chain of * at one
 * level becomes one {@link Expr.Product}. Negation is the factor -1 and {@code a / c} is
 * {@code a * c^-1}. Positions of nodes are kept beside the tree, not in it.
 */
public final class Parser {

  /** A parsed expression and the source span of each of its nodes (by identity). */
  public record Result(Expr expr, Map<Expr, Span> spans) {}

  private static final List<String> FUNCTIONS = List.of("tr", "trace", "det", "logdet", "inv",
      "norm", "sum", "diag", "dot", "softmax", "logsumexp", "kron", "vec", "exp", "log", "sin",
      "cos", "tan", "tanh", "sigmoid", "sqrt", "abs", "I", "ones", "zeros", "commutation");

  private final List<Token> tokens;
  private final Limits limits;
  private final Set<String> declared;
  private final IdentityHashMap<Expr, Span> spans = new IdentityHashMap<>();
  private int current;
  private int depth;

  private Parser(List<Token> tokens, Limits limits, Set<String> declared) {
    this.tokens = tokens;
    this.limits = limits;
    this.declared = declared;
  }

  public static Expr parse(String text, Limits limits) {
    return parse(text, limits, Set.of()).expr();
  }

  /**
   * Parses text; declared names are symbols even where they could read as something else ({@code T}
   * in {@code A^T}, {@code I}, a name before a parenthesis).
   */
  public static Result parse(String text, Limits limits, Set<String> declared) {
    if (text == null || text.isBlank()) {
      throw new ExpressionException("the expression is empty", new Span(0, 0));
    }
    if (text.length() > limits.maxInputLength()) {
      throw new ExpressionException("the expression is " + text.length()
          + " characters long; the limit is " + limits.maxInputLength(),
          new Span(limits.maxInputLength(), text.length()));
    }
    Parser parser = new Parser(new Scanner(text).scan(), limits, declared);
    Expr expr = parser.expression();
    if (!parser.check(TokenType.END)) {
      Token extra = parser.peek();
      throw new ExpressionException(
          "unexpected " + extra.describe() + " at " + extra.span().column()
              + (extra.type() == TokenType.RIGHT_PAREN ? ": no '(' to close" : ""),
          extra.span());
    }
    return new Result(expr, parser.spans);
  }

  private Expr expression() {
    return sum();
  }

  private Expr sum() {
    int begin = peek().span().start();
    Expr first = product();
    List<Expr> terms = new ArrayList<>(List.of(first));
    while (check(TokenType.PLUS) || check(TokenType.MINUS)) {
      boolean minus = advance().type() == TokenType.MINUS;
      Expr term = product();
      terms.add(minus ? Exprs.negate(term) : term);
    }
    return terms.size() == 1 ? first : spanned(new Expr.Sum(terms), begin);
  }

  private Expr product() {
    int begin = peek().span().start();
    Expr left = unary();
    boolean leftIsChain = left instanceof Expr.Product && !parenthesized(left);
    while (true) {
      TokenType type = peek().type();
      if (type == TokenType.STAR || type == TokenType.AT || type == TokenType.SLASH) {
        advance();
        Expr right = unary();
        Expr factor = type == TokenType.SLASH ? spanned(new Expr.Power(right, -1), begin) : right;
        left = spanned(chain(left, leftIsChain, factor), begin);
        leftIsChain = true;
      } else if (type == TokenType.DOT_STAR) {
        advance();
        Expr right = unary();
        List<Expr> factors = new ArrayList<>();
        if (left instanceof Expr.Hadamard h && !parenthesized(left)) {
          factors.addAll(h.factors());
        } else {
          factors.add(left);
        }
        factors.add(right);
        left = spanned(new Expr.Hadamard(factors), begin);
        leftIsChain = false;
      } else if (type == TokenType.DOT_SLASH) {
        advance();
        left = spanned(new Expr.HadamardQuotient(left, unary()), begin);
        leftIsChain = false;
      } else if (startsOperand(type)) {
        left = spanned(chain(left, leftIsChain, unary()), begin);
        leftIsChain = true;
      } else {
        return left;
      }
    }
  }

  /** left * factor, extending left when it is a chain built at this level. */
  private static Expr chain(Expr left, boolean leftIsChain, Expr factor) {
    List<Expr> factors = new ArrayList<>();
    if (leftIsChain && left instanceof Expr.Product p) {
      factors.addAll(p.factors());
    } else {
      factors.add(left);
    }
    factors.add(factor);
    return new Expr.Product(factors);
  }

  private Expr unary() {
    if (check(TokenType.MINUS) || check(TokenType.PLUS)) {
      Token sign = advance();
      enter(sign);
      Expr operand = unary();
      depth--;
      if (sign.type() == TokenType.PLUS) {
        return operand;
      }
      Expr negated = Exprs.negate(operand);
      spans.putIfAbsent(negated, sign.span().to(spanOf(operand, sign.span())));
      return negated;
    }
    return postfix();
  }

  private Expr postfix() {
    int begin = peek().span().start();
    Expr expr = primary();
    while (true) {
      if (match(TokenType.QUOTE) || match(TokenType.DOT_T)) {
        expr = spanned(new Expr.Transpose(expr), begin);
      } else if (check(TokenType.CARET)) {
        advance();
        if (check(TokenType.NAME) && peek().text().equals("T") && !declared.contains("T")) {
          advance();
          expr = spanned(new Expr.Transpose(expr), begin);
        } else {
          expr = spanned(power(expr), begin);
        }
      } else if (match(TokenType.DOT_CARET)) {
        expr = spanned(new Expr.ElementPower(expr, exponent(".^")), begin);
      } else {
        return expr;
      }
    }
  }

  /**
   * base ^ exponent: a Power when the exponent is a number (2, -1, (1/2)), a ScalarPower when it is
   * an expression (det(X)^j, 2^(a'*x), x^-c).
   */
  private Expr power(Expr base) {
    Token at = peek();
    boolean negative = false;
    if (check(TokenType.MINUS) || check(TokenType.PLUS)) {
      negative = advance().type() == TokenType.MINUS;
    }
    Token start = peek();
    if (start.type() != TokenType.NUMBER && start.type() != TokenType.NAME
        && start.type() != TokenType.LEFT_PAREN) {
      throw new ExpressionException("expected a number, a name or (an expression) after '^' at "
          + start.span().column() + " but found " + start.describe(), start.span());
    }
    enter(at);
    Expr exponent = primary();
    depth--;
    Double value = Exprs.constantValue(exponent);
    if (value != null) {
      return new Expr.Power(base, negative ? -value : value);
    }
    return new Expr.ScalarPower(base, negative ? Exprs.negate(exponent) : exponent);
  }

  private double exponent(String operator) {
    Token at = peek();
    if (match(TokenType.LEFT_PAREN)) {
      enter(at);
      Expr inside = expression();
      depth--;
      consume(TokenType.RIGHT_PAREN, "')'", "");
      Double value = Exprs.constantValue(inside);
      if (value == null) {
        throw new ExpressionException("the exponent after '" + operator + "' at " + at.span().column()
            + " must be a number", at.span());
      }
      return value;
    }
    double sign = 1;
    if (match(TokenType.MINUS)) {
      sign = -1;
    } else {
      match(TokenType.PLUS);
    }
    Token number = peek();
    if (number.type() != TokenType.NUMBER) {
      throw new ExpressionException("expected a number after '" + operator + "' at "
          + number.span().column() + " but found " + number.describe(), number.span());
    }
    advance();
    return sign * number.number();
  }

  private Expr primary() {
    Token token = peek();
    switch (token.type()) {
      case NUMBER -> {
        advance();
        return spanned(new Expr.Number(token.number()), token.span());
      }
      case NAME -> {
        advance();
        return name(token);
      }
      case LEFT_PAREN -> {
        advance();
        enter(token);
        Expr inside = expression();
        depth--;
        Token close = consume(TokenType.RIGHT_PAREN, "')'",
            " to close the '(' at " + token.span().column());
        Expr grouped = inside;
        // A parenthesized chain must not be extended by the product around it.
        spans.put(grouped, token.span().to(close.span()));
        parenthesized.put(grouped, Boolean.TRUE);
        return grouped;
      }
      case LEFT_BRACKET -> {
        advance();
        enter(token);
        Expr literal = matrixLiteral(token);
        depth--;
        return literal;
      }
      case LESS -> {
        advance();
        enter(token);
        Expr left = expression();
        consume(TokenType.COMMA, "','",
            " in the inner product <a, b> opened at " + token.span().column());
        Expr right = expression();
        Token close = consume(TokenType.GREATER, "'>'",
            " to close the inner product opened at " + token.span().column());
        depth--;
        return spanned(new Expr.Inner(left, right), token.span().to(close.span()));
      }
      default -> throw new ExpressionException(
          (token.type() == TokenType.END ? "the expression ends too early: expected an operand at "
              : "expected an operand at ") + token.span().column() + " but found " + token.describe(),
          token.span());
    }
  }

  private final IdentityHashMap<Expr, Boolean> parenthesized = new IdentityHashMap<>();

  private boolean parenthesized(Expr expr) {
    return parenthesized.containsKey(expr);
  }

  private Expr matrixLiteral(Token open) {
    List<List<Expr>> rows = new ArrayList<>();
    List<Expr> row = new ArrayList<>();
    row.add(expression());
    while (true) {
      if (match(TokenType.COMMA)) {
        row.add(expression());
      } else if (match(TokenType.SEMICOLON)) {
        rows.add(row);
        row = new ArrayList<>();
        row.add(expression());
      } else {
        break;
      }
      if (row.size() > limits.maxMatrixSize() || rows.size() >= limits.maxMatrixSize()) {
        throw new ExpressionException("the matrix opened at " + open.span().column()
            + " is larger than " + limits.maxMatrixSize() + " x " + limits.maxMatrixSize(),
            open.span());
      }
    }
    rows.add(row);
    Token close = consume(TokenType.RIGHT_BRACKET, "']'",
        " to close the matrix opened at " + open.span().column());
    int width = rows.get(0).size();
    for (List<Expr> r : rows) {
      if (r.size() != width) {
        throw new ExpressionException("every row of the matrix opened at " + open.span().column()
            + " needs " + width + " entries, but one has " + r.size(), open.span().to(close.span()));
      }
    }
    return spanned(new Expr.MatrixLiteral(rows), open.span().to(close.span()));
  }

  private Expr name(Token token) {
    String name = token.text();
    boolean call = check(TokenType.LEFT_PAREN);
    if (declared.contains(name)) {
      return spanned(new Expr.Symbol(name), token.span());
    }
    if (call && FUNCTIONS.contains(name)) {
      return call(token);
    }
    switch (name) {
      case "pi" -> {
        return spanned(new Expr.Number(Math.PI), token.span());
      }
      case "I" -> {
        return spanned(new Expr.Identity(null), token.span());
      }
      case "ones" -> {
        return spanned(new Expr.Ones(null), token.span());
      }
      default -> { }
    }
    if (FUNCTIONS.contains(name)) {
      throw new ExpressionException("the function " + name + " at " + token.span().column()
          + " needs its argument in parentheses: " + name + "(...)", token.span());
    }
    if (call && looksLikeFunction(name)) {
      String suggestion = Exprs.closest(name, FUNCTIONS);
      throw new ExpressionException("unknown function '" + name + "' at " + token.span().column()
          + (suggestion == null ? "" : ": did you mean " + suggestion + "?"), token.span());
    }
    return spanned(new Expr.Symbol(name), token.span());
  }

  /** Names like trc or trace2 before '(' are misspelt functions; A(...) and x1(...) are products. */
  private static boolean looksLikeFunction(String name) {
    return name.length() >= 3 && name.chars().allMatch(Character::isLowerCase)
        && !Exprs.GREEK.contains(name);
  }

  private Expr call(Token name) {
    Token open = advance();
    enter(open);
    List<Expr> arguments = new ArrayList<>();
    if (!check(TokenType.RIGHT_PAREN)) {
      do {
        arguments.add(expression());
      } while (match(TokenType.COMMA));
    }
    Token close = consume(TokenType.RIGHT_PAREN, "')'",
        " to close " + name.text() + "( at " + open.span().column());
    depth--;
    Span span = name.span().to(close.span());
    return spanned(Exprs.function(name.text(), arguments, span, limits), span);
  }

  private void enter(Token at) {
    if (++depth > limits.maxNestingDepth()) {
      throw new ExpressionException("the expression nests deeper than " + limits.maxNestingDepth()
          + " levels at " + at.span().column(), at.span());
    }
  }

  private static boolean startsOperand(TokenType type) {
    return type == TokenType.NUMBER || type == TokenType.NAME || type == TokenType.LEFT_PAREN
        || type == TokenType.LEFT_BRACKET || type == TokenType.LESS;
  }

  private Expr spanned(Expr expr, int begin) {
    return spanned(expr, new Span(begin, Math.max(begin, previous().span().end())));
  }

  private Expr spanned(Expr expr, Span span) {
    spans.putIfAbsent(expr, span);
    return expr;
  }

  private Span spanOf(Expr expr, Span fallback) {
    Span span = spans.get(expr);
    return span == null ? fallback : span;
  }

  /** The one way an expectation fails: "expected ')' at 14 (to close the '(' at 3), found end of input". */
  private Token consume(TokenType type, String expected, String why) {
    if (check(type)) {
      return advance();
    }
    Token found = peek();
    throw new ExpressionException("expected " + expected + " at " + found.span().column()
        + (why.isEmpty() ? "" : " (" + why.strip() + ")") + ", found " + found.describe(),
        found.span());
  }

  private boolean match(TokenType type) {
    if (check(type)) {
      advance();
      return true;
    }
    return false;
  }

  private boolean check(TokenType type) {
    return peek().type() == type;
  }

  private Token advance() {
    Token token = tokens.get(current);
    if (token.type() != TokenType.END) {
      current++;
    }
    return token;
  }

  private Token peek() {
    return tokens.get(current);
  }

  private Token previous() {
    return tokens.get(Math.max(0, current - 1));
  }
}
