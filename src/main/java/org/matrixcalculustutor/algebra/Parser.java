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
 * postfix    → primary ( "'" | ".T" | "^" transpose | "^" exponent | ".^" number | SUPERSCRIPT )*
 * transpose  → "T" | "'" | "-T" | "{" "-"? ( "T" | "'" ) "}"     (also ^{\top}, ^⊤, ^ᵀ)
 * exponent   → ( "-" | "+" )? primary     (a number makes a Power, an expression a ScalarPower)
 * number     → ( "-" | "+" )? NUMBER | ( "(" | "{" ) expression ( ")" | "}" )    (a constant)
 * primary    → NUMBER | NAME | NAME "(" arguments ")" | "(" expression ")" | "{" expression "}"
 *            | "[" row ( ";" row )* "]" | "&lt;" expression "," expression "&gt;"
 *            | "||" expression "||" ( "_" ( "F" | "2" ) )? | "\frac" primary primary
 * row        → expression ( "," expression )*
 * </pre>
 *
 * A product is left-associative, so {@code A*x .* y} is {@code (A*x) .* y}; a chain of * at one
 * level becomes one {@link Expr.Product}. Negation is the factor -1 and {@code a / c} is
 * {@code a * c^-1}. Positions of nodes are kept beside the tree, not in it.
 *
 * <p>Students' habits are read as they mean them, and each such reading is reported (see
 * {@link Result#readings()}) so a page can say how the text was read: a name that is not declared
 * but splits into declared symbols is their product ({@code Sx} is {@code S x}, {@code xTx} is
 * {@code x' x}), and {@code x^TAx} is {@code x' A x}.
 */
public final class Parser {

  /**
   * A parsed expression, the source span of each of its nodes (by identity), and how habits were
   * read, one sentence each: {@code "Sx" read as S x}.
   */
  public record Result(Expr expr, Map<Expr, Span> spans, List<String> readings) {

    public Result {
      readings = List.copyOf(readings);
    }
  }

  private static final List<String> FUNCTIONS = List.of("tr", "trace", "det", "logdet", "inv",
      "norm", "sum", "diag", "dot", "softmax", "logsumexp", "kron", "vec", "exp", "log", "sin",
      "cos", "tan", "tanh", "sigmoid", "sqrt", "abs", "I", "ones", "zeros", "commutation");

  /**
   * Names students call that the language spells otherwise (or has not), with how to write them: a
   * name that is a short symbol (ln) or capitalised (Tr) would else be read as a symbol times (...).
   */
  private static final Map<String, String> SPELLED_OTHERWISE = Map.ofEntries(
      Map.entry("transpose", "write A' or A^T for the transpose of A"),
      Map.entry("inverse", "write inv(A) or A^-1 for the inverse of A"),
      Map.entry("Inv", "write inv(A) or A^-1 for the inverse of A"),
      Map.entry("ln", "write log(...) for the natural logarithm"),
      Map.entry("Log", "write log(...) for the natural logarithm"),
      Map.entry("Exp", "write exp(...)"),
      Map.entry("Tr", "write tr(...) for the trace"),
      Map.entry("Trace", "write tr(...) for the trace"),
      Map.entry("Det", "write det(...) for the determinant"),
      Map.entry("logistic", "write sigmoid(...) for the logistic function 1/(1 + exp(-u))"),
      Map.entry("sech",
          "sech(u)^2 is 1 - tanh(u)^2: write ones - tanh(u).^2 entry-wise, or 1 - tanh(u)^2 for a scalar"),
      Map.entry("cosh", "the language has tanh but not cosh: write (exp(u) + exp(-u))/2"),
      Map.entry("sinh", "the language has tanh but not sinh: write (exp(u) - exp(-u))/2"),
      Map.entry("pinv", "the pseudo-inverse is not in the language; with full column rank it is inv(A'*A)*A'"),
      Map.entry("relu", "relu is not in the language: it has no derivative at 0"),
      Map.entry("max", "max is not in the language: it has no derivative where two entries tie"));

  private final String source;
  /** Reading a formula of a hint or title: dX and d(...) are differentials, not names. */
  private final Map<Expr.Symbol, Expr> differentials;
  private final List<Token> tokens;
  private final Limits limits;
  private final Set<String> declared;
  private final IdentityHashMap<Expr, Span> spans = new IdentityHashMap<>();
  private final List<String> readings = new ArrayList<>();
  private int current;
  private int depth;
  /** Inside ||...||, where || closes the norm rather than starting another. */
  private boolean inNorm;

  private Parser(String source, List<Token> tokens, Limits limits, Set<String> declared,
      Map<Expr.Symbol, Expr> differentials) {
    this.source = source;
    this.differentials = differentials;
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
    Parser parser = new Parser(text, new Scanner(text).scan(), limits, declared, null);
    Expr expr = parser.expression();
    if (!parser.check(TokenType.END)) {
      Token extra = parser.peek();
      throw new ExpressionException(
          "unexpected " + extra.describe() + " at " + extra.span().column() + switch (extra.type()) {
            case RIGHT_PAREN, RIGHT_BRACE -> ": no '(' to close";
            case UNDERSCORE -> ": a subscript is part of a name, as in lambda_2";
            case NORM_BAR -> ": no norm to close; a norm is written ||x|| or norm(x)";
            default -> "";
          }, extra.span());
    }
    return new Result(expr, parser.spans, parser.readings.stream().distinct().toList());
  }

  /**
   * A chain of equal expressions, {@code d(x'Ax) = dx' A x + x' A dx}, as hints and titles write
   * mathematics: the language, plus differentials. {@code dX} (X declared, or one letter) is the
   * differential of X, and {@code d} before an operand is the differential of that operand, kept
   * unexpanded: its placeholder symbol maps to the operand in {@link Chain#differentials()}, as
   * {@link LatexPrinter#print(Expr, Map)} expects.
   */
  public static Chain parseChain(String text, Limits limits, Set<String> declared) {
    Map<Expr.Symbol, Expr> differentials = new java.util.LinkedHashMap<>();
    List<Expr> sides = new ArrayList<>();
    List<String> readings = new ArrayList<>();
    for (String side : splitAtEquals(text)) {
      if (side.isBlank()) {
        throw new ExpressionException("a side of '" + text + "' is empty", new Span(0, text.length()));
      }
      Parser parser = new Parser(side, new Scanner(side).scan(), limits, declared, differentials);
      Expr expr = parser.expression();
      if (!parser.check(TokenType.END)) {
        throw new ExpressionException("unexpected " + parser.peek().describe() + " in '" + side + "'",
            parser.peek().span());
      }
      sides.add(expr);
      readings.addAll(parser.readings);
    }
    return new Chain(sides, differentials, readings);
  }

  /**
   * Expressions that are equal, with the differentials they leave unexpanded.
   *
   * @param sides a = b = ...
   * @param differentials placeholder of each d(...) to its operand
   * @param readings how habits were read, as in {@link Result#readings()}
   */
  public record Chain(List<Expr> sides, Map<Expr.Symbol, Expr> differentials, List<String> readings) {

    public Chain {
      sides = List.copyOf(sides);
      differentials = Map.copyOf(differentials);
      readings = List.copyOf(readings);
    }
  }

  /** text split at each = outside brackets. */
  private static List<String> splitAtEquals(String text) {
    List<String> sides = new ArrayList<>();
    int depth = 0;
    int from = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        depth--;
      } else if (c == '=' && depth == 0) {
        sides.add(text.substring(from, i));
        from = i + 1;
      }
    }
    sides.add(text.substring(from));
    return sides;
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
    int levels = 0; // each operator nests the tree a level deeper: a chain of transposes counts as parentheses do
    while (check(TokenType.QUOTE) || check(TokenType.DOT_T) || check(TokenType.SUPERSCRIPT)
        || check(TokenType.CARET) || check(TokenType.DOT_CARET)) {
      enter(peek());
      levels++;
      if (match(TokenType.QUOTE) || match(TokenType.DOT_T)) {
        expr = spanned(new Expr.Transpose(expr), begin);
      } else if (check(TokenType.SUPERSCRIPT)) {
        expr = spanned(new Expr.Power(expr, advance().number()), begin);
      } else if (check(TokenType.CARET)) {
        expr = caret(expr, begin);
      } else {
        advance(); // .^
        expr = spanned(new Expr.ElementPower(expr, exponent(".^", expr)), begin);
      }
    }
    depth -= levels;
    return expr;
  }

  /** After ^: a transpose (^T, ^', ^{T}, ^\top, ^-T, ^{-T}) or a power. */
  private Expr caret(Expr base, int begin) {
    Token caret = advance();
    if (transposeMark(true, caret)) {
      return spanned(new Expr.Transpose(base), begin);
    }
    if (check(TokenType.MINUS) && transposeMarkAt(current + 1, true)) { // X^-T: the transpose of the inverse
      advance();
      transposeMark(true, caret);
      return spanned(new Expr.Transpose(spanned(new Expr.Power(base, -1), begin)), begin);
    }
    if (check(TokenType.LEFT_PAREN) || check(TokenType.LEFT_BRACE)) {
      TokenType close = check(TokenType.LEFT_PAREN) ? TokenType.RIGHT_PAREN : TokenType.RIGHT_BRACE;
      int open = current;
      advance();
      boolean minus = match(TokenType.MINUS);
      if (transposeMarkAt(current, false)) {
        transposeMark(false, caret);
        if (match(close)) { // ^{T}, ^{\top}, ^{-T}
          Expr argument = minus ? spanned(new Expr.Power(base, -1), begin) : base;
          return spanned(new Expr.Transpose(argument), begin);
        }
      }
      current = open;
    }
    return spanned(power(base), begin);
  }

  /**
   * base ^ exponent: a Power when the exponent is a number (2, -1, {10}, (1/2)), a ScalarPower when
   * it is an expression (det(X)^j, 2^(a'*x), x^-c).
   */
  private Expr power(Expr base) {
    Token at = peek();
    boolean negative = false;
    if (check(TokenType.MINUS) || check(TokenType.PLUS)) {
      negative = advance().type() == TokenType.MINUS;
    }
    Token start = peek();
    if (start.type() != TokenType.NUMBER && start.type() != TokenType.NAME
        && start.type() != TokenType.LEFT_PAREN && start.type() != TokenType.LEFT_BRACE) {
      throw new ExpressionException("expected a number, a name or (an expression) after '^' at "
          + start.span().column() + " but found " + start.describe() + exponentAdvice(base), start.span());
    }
    enter(at);
    Expr exponent = primary();
    depth--;
    Double value = Exprs.constantValue(exponent);
    if (value != null) {
      return new Expr.Power(base, negative ? -value : value);
    }
    if (base instanceof Expr.Symbol e && e.name().equals("e") && !declared.contains("e")) {
      throw new ExpressionException("e^... at " + at.span().column() + " is read as a power of a symbol e"
          + exponentAdvice(base), at.span());
    }
    return new Expr.ScalarPower(base, negative ? Exprs.negate(exponent) : exponent);
  }

  /** Whether the token at index is a transpose after ^: ', ⊤, ᵀ, \top, or T (undeclared), or a name T... */
  private boolean transposeMarkAt(int index, boolean nameMayGoOn) {
    Token token = tokens.get(index);
    if (token.type() == TokenType.QUOTE) {
      return true;
    }
    return token.type() == TokenType.NAME && !declared.contains("T") && token.text().startsWith("T")
        && (nameMayGoOn ? !token.text().startsWith("T_") : token.text().equals("T"));
  }

  /**
   * Takes a transpose mark if one comes next. Of a name such as TAx (in x^TAx) it takes the T and
   * leaves Ax to be read next, as a student writing x^TAx means x' A x.
   */
  private boolean transposeMark(boolean nameMayGoOn, Token caret) {
    if (!transposeMarkAt(current, nameMayGoOn)) {
      return false;
    }
    Token mark = tokens.get(current);
    if (mark.type() == TokenType.NAME && mark.text().length() > 1) {
      Span rest = new Span(mark.span().start() + 1, mark.span().end());
      Token remainder = new Token(TokenType.NAME, mark.text().substring(1), 0, rest);
      tokens.set(current, remainder);
      String split = splitName(current);
      readings.add("\"" + source.substring(caret.span().start(), mark.span().end()) + "\" read as ^T "
          + (split == null ? remainder.text() : split));
      return true;
    }
    advance();
    return true;
  }

  private double exponent(String operator, Expr base) {
    Token at = peek();
    if (check(TokenType.LEFT_PAREN) || check(TokenType.LEFT_BRACE)) {
      TokenType close = check(TokenType.LEFT_PAREN) ? TokenType.RIGHT_PAREN : TokenType.RIGHT_BRACE;
      advance();
      enter(at);
      boolean outer = inNorm;
      inNorm = false;
      Expr inside = expression();
      inNorm = outer;
      depth--;
      consume(close, close == TokenType.RIGHT_PAREN ? "')'" : "'}'", "");
      Double value = Exprs.constantValue(inside);
      if (value == null) {
        throw new ExpressionException("the exponent after '" + operator + "' at " + at.span().column()
            + " must be a number, as in X^2 or X^-1" + exponentAdvice(base), at.span());
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
          + number.span().column() + " but found " + number.describe() + ": a power is a number, as in X^2 or X^-1"
          + exponentAdvice(base), number.span());
    }
    advance();
    return sign * number.number();
  }

  /** What a student who wrote e^x or x^y probably wants. */
  private static String exponentAdvice(Expr base) {
    if (base instanceof Expr.Symbol s && s.name().equals("e")) {
      return "; for the exponential write exp(x)";
    }
    return "; a transpose is x' or x^T, an entry-wise power x .^ 2";
  }

  private Expr primary() {
    Token token = peek();
    switch (token.type()) {
      case NUMBER -> {
        advance();
        return spanned(new Expr.Number(token.number()), token.span());
      }
      case NAME -> {
        if (differentials != null) {
          Expr differential = differential(token);
          if (differential != null) {
            return differential;
          }
        }
        String split = splitName(current);
        if (split != null) {
          readings.add("\"" + token.text() + "\" read as " + split);
          return primary(); // the first of the pieces
        }
        advance();
        return name(token);
      }
      case LEFT_PAREN, LEFT_BRACE -> {
        advance();
        enter(token);
        boolean outer = inNorm;
        inNorm = false;
        Expr inside = expression();
        inNorm = outer;
        depth--;
        Token close = token.type() == TokenType.LEFT_PAREN
            ? consume(TokenType.RIGHT_PAREN, "')'", " to close the '(' at " + token.span().column())
            : consume(TokenType.RIGHT_BRACE, "'}'", " to close the '{' at " + token.span().column());
        Expr grouped = inside;
        // A parenthesized chain must not be extended by the product around it.
        spans.put(grouped, token.span().to(close.span()));
        parenthesized.put(grouped, Boolean.TRUE);
        return grouped;
      }
      case NORM_BAR -> {
        advance();
        enter(token);
        boolean outer = inNorm;
        inNorm = true;
        Expr inside = expression();
        inNorm = outer;
        Token close = consume(TokenType.NORM_BAR, "'||'", " to close the norm opened at " + token.span().column());
        depth--;
        Span span = token.span().to(close.span());
        if (match(TokenType.UNDERSCORE)) { // ||X||_F and ||x||_2 are what norm(...) computes
          Token which = advance();
          boolean braced = which.type() == TokenType.LEFT_BRACE;
          Token name = braced ? advance() : which;
          if (!(name.text().equals("F") || name.text().equals("2"))
              || (braced && !match(TokenType.RIGHT_BRACE))) {
            throw new ExpressionException("after ||...||_ at " + name.span().column()
                + " the tutor reads F (Frobenius) or 2 (Euclidean), the norms norm(...) computes", name.span());
          }
          span = span.to(previous().span());
        }
        return spanned(new Expr.Norm(inside), span);
      }
      case BAR -> throw new ExpressionException("unexpected '|' at " + token.span().column()
          + ": write det(X) for a determinant, abs(x) for an absolute value, and ||x|| or norm(x) for a norm",
          token.span());
      case FRAC -> {
        advance();
        enter(token);
        Expr numerator = primary();
        Expr denominator = primary();
        depth--;
        Double top = Exprs.constantValue(numerator);
        Double bottom = Exprs.constantValue(denominator);
        Expr quotient = top != null && bottom != null && bottom != 0 && Double.isFinite(top / bottom)
            ? Exprs.number(top / bottom) : new Expr.Product(List.of(numerator, new Expr.Power(denominator, -1)));
        return spanned(quotient, token.span().to(previous().span()));
      }
      case COMMAND -> throw new ExpressionException("'" + token.text() + "' at " + token.span().column()
          + " is LaTeX that the answer box does not read: write the plain-text form (see the syntax help)",
          token.span());
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
        boolean outer = inNorm;
        inNorm = false;
        Expr left = expression();
        consume(TokenType.COMMA, "','",
            " in the inner product <a, b> opened at " + token.span().column());
        Expr right = expression();
        Token close = consume(TokenType.GREATER, "'>'",
            " to close the inner product opened at " + token.span().column());
        inNorm = outer;
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
    boolean outer = inNorm;
    inNorm = false;
    try {
      return matrixRows(open);
    } finally {
      inNorm = outer;
    }
  }

  private Expr matrixRows(Token open) {
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
    boolean call = check(TokenType.LEFT_PAREN) || check(TokenType.LEFT_BRACE);
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
    if (call && name.equals("K")) { // as the commutation matrix K_{m,n} is typeset
      throw new ExpressionException("K(...) at " + token.span().column() + " is no function: the commutation"
          + " matrix K_{m,n} is typed commutation(m, n)", token.span());
    }
    String elsewhere = SPELLED_OTHERWISE.get(name);
    if (call && elsewhere != null) {
      throw new ExpressionException("unknown function '" + name + "' at " + token.span().column() + ": " + elsewhere,
          token.span());
    }
    if (call && looksLikeFunction(name)) {
      String suggestion = Exprs.closest(name, FUNCTIONS);
      throw new ExpressionException("unknown function '" + name + "' at " + token.span().column()
          + (suggestion == null ? "" : ": did you mean " + suggestion + "?"), token.span());
    }
    return spanned(new Expr.Symbol(name), token.span());
  }

  /** In a chain: dX, or d before an operand; else null. */
  private Expr differential(Token token) {
    String name = token.text();
    if (name.equals("d") && startsOperand(tokens.get(current + 1).type())) {
      advance();
      enter(token);
      Expr operand = postfix();
      depth--;
      if (operand instanceof Expr.Symbol symbol) {
        return spanned(new Expr.Differential(symbol), token.span());
      }
      Expr.Symbol placeholder = new Expr.Symbol("\u2202" + differentials.size());
      differentials.put(placeholder, operand);
      return spanned(new Expr.Differential(placeholder), token.span());
    }
    String rest = name.substring(1);
    if (name.startsWith("d") && !rest.isEmpty() && !FUNCTIONS.contains(name) && !declared.contains(name)
        && (declared.contains(rest) || rest.length() == 1 || Exprs.GREEK.contains(rest))) {
      advance();
      return spanned(new Expr.Differential(new Expr.Symbol(rest)), token.span());
    }
    return null;
  }

  /**
   * Splits the name token at index into the tokens of declared symbols when it is not a name of its
   * own but spells their product: Sx is S x, and a T after a symbol (T not declared) is its
   * transpose, so xTAx is x' A x. Of several splits the one with the fewest pieces wins. Returns how
   * it was read ("S x"), or null when the name does not split (or nothing is declared).
   */
  private String splitName(int index) {
    Token token = tokens.get(index);
    String name = token.text();
    if (token.type() != TokenType.NAME || declared.isEmpty() || name.length() < 2 || declared.contains(name)
        || FUNCTIONS.contains(name) || name.equals("pi")) {
      return null;
    }
    boolean transposes = !declared.contains("T");
    int n = name.length();
    // fewest[i]: the fewest pieces that spell name[i..]; piece[i]: the symbol that starts there
    int[] fewest = new int[n + 1];
    String[] piece = new String[n + 1];
    boolean[] transposed = new boolean[n + 1];
    java.util.Arrays.fill(fewest, Integer.MAX_VALUE);
    fewest[n] = 0;
    for (int i = n - 1; i >= 0; i--) {
      for (String symbol : declared) {
        if (!name.startsWith(symbol, i)) {
          continue;
        }
        int end = i + symbol.length();
        boolean markFollows = transposes && end < n && name.charAt(end) == 'T';
        for (int next : markFollows ? new int[] {end, end + 1} : new int[] {end}) {
          if (fewest[next] != Integer.MAX_VALUE && fewest[next] + 1 < fewest[i]) {
            fewest[i] = fewest[next] + 1;
            piece[i] = symbol;
            transposed[i] = next > end;
          }
        }
      }
    }
    if (fewest[0] == Integer.MAX_VALUE) {
      return null;
    }
    List<Token> pieces = new ArrayList<>();
    List<String> shown = new ArrayList<>();
    int at = token.span().start();
    for (int i = 0; i < n; ) {
      int end = i + piece[i].length();
      pieces.add(new Token(TokenType.NAME, piece[i], 0, new Span(at + i, at + end)));
      if (transposed[i]) {
        pieces.add(new Token(TokenType.QUOTE, "T", 0, new Span(at + end, at + end + 1)));
      }
      shown.add(piece[i] + (transposed[i] ? "'" : ""));
      i = transposed[i] ? end + 1 : end;
    }
    tokens.remove(index);
    tokens.addAll(index, pieces);
    return String.join(" ", shown);
  }

  /** Names like trc or trace2 before '(' are misspelt functions; A(...) and x1(...) are products. */
  private static boolean looksLikeFunction(String name) {
    return name.length() >= 3 && name.chars().allMatch(Character::isLowerCase)
        && !Exprs.GREEK.contains(name);
  }

  private Expr call(Token name) {
    Token open = advance();
    TokenType closing = open.type() == TokenType.LEFT_BRACE ? TokenType.RIGHT_BRACE : TokenType.RIGHT_PAREN;
    enter(open);
    boolean outer = inNorm;
    inNorm = false;
    List<Expr> arguments = new ArrayList<>();
    if (!check(closing)) {
      do {
        arguments.add(expression());
      } while (match(TokenType.COMMA));
    }
    Token close = consume(closing, closing == TokenType.RIGHT_PAREN ? "')'" : "'}'",
        " to close " + name.text() + open.text() + " at " + open.span().column());
    inNorm = outer;
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

  private boolean startsOperand(TokenType type) {
    return switch (type) {
      case NUMBER, NAME, LEFT_PAREN, LEFT_BRACE, LEFT_BRACKET, LESS, BAR, FRAC, COMMAND -> true;
      case NORM_BAR -> !inNorm;
      default -> false;
    };
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
