package org.matrixcalculustutor.algebra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Splits an expression into tokens; the first character it cannot read is an error at its place.
 * Besides the plain-text language it reads what students bring from LaTeX and textbooks: ᵀ and ⊤
 * (transpose), ², ³ and ⁻¹, ‖x‖ and ||x||, ’ (a phone's apostrophe), and a few LaTeX commands
 * (\top, \cdot, \|, \langle, Greek letters, \operatorname{tr}...), each read as the token it means.
 */
final class Scanner {

  /** LaTeX commands that stand for a token of the language. */
  private static final Map<String, TokenType> COMMAND_TOKENS = Map.ofEntries(
      Map.entry("top", TokenType.QUOTE), Map.entry("intercal", TokenType.QUOTE),
      Map.entry("cdot", TokenType.STAR), Map.entry("times", TokenType.STAR), Map.entry("ast", TokenType.STAR),
      Map.entry("odot", TokenType.DOT_STAR), Map.entry("circ", TokenType.DOT_STAR),
      Map.entry("oslash", TokenType.DOT_SLASH),
      Map.entry("langle", TokenType.LESS), Map.entry("rangle", TokenType.GREATER),
      Map.entry("Vert", TokenType.NORM_BAR), Map.entry("lVert", TokenType.NORM_BAR),
      Map.entry("rVert", TokenType.NORM_BAR),
      Map.entry("vert", TokenType.BAR), Map.entry("lvert", TokenType.BAR), Map.entry("rvert", TokenType.BAR),
      Map.entry("frac", TokenType.FRAC), Map.entry("dfrac", TokenType.FRAC), Map.entry("tfrac", TokenType.FRAC));

  /** LaTeX commands that only size or space things: read as nothing. */
  private static final Set<String> COMMANDS_SKIPPED = Set.of("left", "right", "big", "Big", "bigg", "Bigg",
      "bigl", "bigr", "Bigl", "Bigr", "quad", "qquad");

  /** LaTeX commands that are names of the language: \Sigma, \log, \tr. */
  private static final Set<String> COMMAND_NAMES = Set.of("tr", "det", "log", "exp", "sin", "cos", "tan", "tanh",
      "sqrt", "diag");

  /** LaTeX commands that wrap a name in a font: \operatorname{tr}, \mathbf{x}, \mathsf{T}. */
  private static final Set<String> FONT_COMMANDS = Set.of("operatorname", "mathrm", "text", "textrm", "mathit",
      "mathbf", "boldsymbol", "bm", "mathsf", "mathbb");

  /** Greek letters typed as such, read as the names that print as them. */
  private static final Map<Character, String> GREEK_LETTERS = greekLetters();

  private static Map<Character, String> greekLetters() {
    String letters = "αalpha βbeta γgamma δdelta εepsilon ϵepsilon ζzeta ηeta θtheta ιiota κkappa λlambda μmu νnu "
        + "ξxi πpi ρrho σsigma τtau υupsilon φphi ϕphi χchi ψpsi ωomega ΓGamma ΔDelta ΘTheta ΛLambda ΞXi ΠPi "
        + "ΣSigma ΥUpsilon ΦPhi ΨPsi ΩOmega";
    Map<Character, String> map = new java.util.HashMap<>();
    for (String entry : letters.split(" ")) {
      map.put(entry.charAt(0), entry.substring(1));
    }
    return Map.copyOf(map);
  }

  private static final String SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

  private final String source;
  private final List<Token> tokens = new ArrayList<>();
  private int start;
  private int current;

  Scanner(String source) {
    this.source = source;
  }

  List<Token> scan() {
    while (!atEnd()) {
      start = current;
      scanToken();
    }
    tokens.add(new Token(TokenType.END, "", 0, new Span(source.length(), source.length())));
    return tokens;
  }

  private void scanToken() {
    char c = advance();
    switch (c) {
      case ' ', '\t', '\r', '\n', '\u00a0' -> { }
      case '+' -> add(TokenType.PLUS);
      case '-', '\u2212', '\u2013' -> add(TokenType.MINUS);
      case '*', '\u00b7', '\u00d7', '\u2217', '\u22c5' -> add(TokenType.STAR);
      case '@' -> add(TokenType.AT);
      case '/' -> add(TokenType.SLASH);
      case '\u2299', '\u2218' -> add(TokenType.DOT_STAR);
      case '\u2298' -> add(TokenType.DOT_SLASH);
      case '^' -> add(TokenType.CARET);
      // ' and its look-alikes: prime, a phone's curly apostrophes, superscript T, the symbol ⊤
      case '\'', '\u2032', '\u2019', '\u2018', '\u1d40', '\u1d57', '\u22a4' -> add(TokenType.QUOTE);
      case '(' -> add(TokenType.LEFT_PAREN);
      case ')' -> add(TokenType.RIGHT_PAREN);
      case '{' -> add(TokenType.LEFT_BRACE);
      case '}' -> add(TokenType.RIGHT_BRACE);
      case '[' -> add(TokenType.LEFT_BRACKET);
      case ']' -> add(TokenType.RIGHT_BRACKET);
      case '<', '\u27e8', '\u2329' -> add(TokenType.LESS);
      case '>', '\u27e9', '\u232a' -> add(TokenType.GREATER);
      case '\u2016' -> add(TokenType.NORM_BAR);
      case '|' -> add(match('|') ? TokenType.NORM_BAR : TokenType.BAR);
      case '_' -> add(TokenType.UNDERSCORE);
      case ',' -> add(TokenType.COMMA);
      case ';' -> add(TokenType.SEMICOLON);
      case '.' -> dot();
      case '\\' -> command();
      default -> {
        if (isDigit(c)) {
          number();
        } else if (SUPERSCRIPT_DIGITS.indexOf(c) >= 0 || c == '\u207b' || c == '\u207a') {
          superscript();
        } else if (isNameStart(c)) {
          name();
        } else {
          unexpected();
        }
      }
    }
  }

  /** A character the language does not have: named whole (an emoji is two chars), with advice. */
  private void unexpected() {
    int codePoint = source.codePointAt(start);
    current = start + Character.charCount(codePoint);
    boolean invisible = Character.isISOControl(codePoint) || Character.isWhitespace(codePoint)
        || Character.isSurrogate(source.charAt(start)) && codePoint <= 0xffff // a half of a pair alone
        || Character.getType(codePoint) == Character.FORMAT || !Character.isDefined(codePoint);
    String shown = invisible ? String.format("U+%04X", codePoint) : new String(Character.toChars(codePoint));
    String plain = java.text.Normalizer.normalize(new String(Character.toChars(codePoint)),
        java.text.Normalizer.Form.NFKC);
    String advice = codePoint > 0xffff && plain.length() == 1 && Character.isLetterOrDigit(plain.charAt(0))
        ? ": it is a styled letter; type a plain " + plain : codePoint <= 0xffff ? advice((char) codePoint) : "";
    throw new ExpressionException("unexpected character '" + shown + "' at " + (start + 1) + advice,
        new Span(start, current));
  }

  /** What to write instead of a character the language does not have. */
  private static String advice(char c) {
    return switch (c) {
      case '$' -> ": the answer is plain text, not LaTeX between $ signs; leave them out";
      case '\u2297' -> ": write kron(A, B) for a Kronecker product";
      case '\u221a' -> ": write sqrt(x) for a square root";
      case '\u2211' -> ": write sum(x) for the sum of the entries";
      case '\u2202', '\u2207' -> ": type only the derivative itself, such as 3*B'*u";
      case '=' -> ": type only the right-hand side, the derivative itself";
      case '"', '`' -> ": a transpose is written with ' (an apostrophe), as in x'";
      default -> "";
    };
  }

  private void dot() {
    if (match('*')) {
      add(TokenType.DOT_STAR);
    } else if (match('/')) {
      add(TokenType.DOT_SLASH);
    } else if (match('^')) {
      add(TokenType.DOT_CARET);
    } else if (peek() == 'T' && !isNamePart(peekNext())) {
      current++;
      add(TokenType.DOT_T);
    } else if (isDigit(peek())) {
      number();
    } else {
      throw new ExpressionException("unexpected '.' at " + (start + 1)
          + ": expected .*, ./, .^, .T or a number", Span.at(start));
    }
  }

  /** A LaTeX command: read as the token or name it stands for, or an error that says what to write. */
  private void command() {
    if (atEnd()) {
      throw new ExpressionException("unexpected '\\' at " + (start + 1) + " at the end", Span.at(start));
    }
    char next = peek();
    if (!isAsciiLetter(next)) {
      current++;
      switch (next) {
        case '|' -> add(TokenType.NORM_BAR);
        case ',', ';', '!', ' ', ':' -> { }
        default -> throw new ExpressionException("unexpected '\\" + next + "' at " + (start + 1)
            + ": the answer is plain text; see the syntax help for what it reads", new Span(start, current));
      }
      return;
    }
    while (isAsciiLetter(peek())) {
      current++;
    }
    String name = source.substring(start + 1, current);
    TokenType type = COMMAND_TOKENS.get(name);
    if (type != null) {
      add(type);
    } else if (COMMANDS_SKIPPED.contains(name)) {
      return;
    } else if (Exprs.GREEK.contains(name) || COMMAND_NAMES.contains(name)) {
      tokens.add(new Token(TokenType.NAME, name, 0, new Span(start, current)));
    } else if (FONT_COMMANDS.contains(name)) {
      fontCommand(name);
    } else {
      add(TokenType.COMMAND);
    }
  }

  /** \operatorname{tr}, \mathbf{x}: the name inside; \mathbf{1} is the vector of ones, \mathsf{T} a transpose. */
  private void fontCommand(String command) {
    while (peek() == ' ') {
      current++;
    }
    if (!match('{')) {
      throw new ExpressionException("expected '{' after \\" + command + " at " + (current + 1),
          Span.at(Math.min(current, source.length() - 1)));
    }
    int inner = current;
    while (!atEnd() && peek() != '}') {
      current++;
    }
    String content = source.substring(inner, current).strip();
    if (!match('}')) {
      throw new ExpressionException("expected '}' to close \\" + command + "{ at " + (start + 1),
          new Span(start, current));
    }
    Span span = new Span(start, current);
    if (content.equals("T") && (command.equals("mathsf") || command.equals("mathrm"))) {
      tokens.add(new Token(TokenType.QUOTE, source.substring(start, current), 0, span));
    } else if (content.equals("1")) {
      tokens.add(new Token(TokenType.NAME, "ones", 0, span));
    } else if (content.equals("R") && command.equals("mathbb")) {
      throw new ExpressionException("\\mathbb{R} at " + (start + 1)
          + " belongs in declarations, not in an answer", span);
    } else if (!content.isEmpty() && isNameStart(content.charAt(0))
        && content.chars().allMatch(ch -> isNamePart((char) ch))) {
      tokens.add(new Token(TokenType.NAME, content, 0, span));
    } else {
      throw new ExpressionException("\\" + command + "{...} at " + (start + 1)
          + " should hold a name, such as \\operatorname{tr}", span);
    }
  }

  private void superscript() {
    current = start;
    int sign = 1;
    if (peek() == '\u207b' || peek() == '\u207a') {
      sign = advance() == '\u207b' ? -1 : 1;
    }
    int value = 0;
    int digits = 0;
    while (!atEnd() && SUPERSCRIPT_DIGITS.indexOf(peek()) >= 0 && digits < 3) {
      value = 10 * value + SUPERSCRIPT_DIGITS.indexOf(advance());
      digits++;
    }
    if (digits == 0) {
      if (peek() == '\u1d40' || peek() == '\u22a4') { // ⁻ᵀ: the transpose of the inverse
        tokens.add(new Token(TokenType.SUPERSCRIPT, source.substring(start, current), -1,
            new Span(start, current)));
        return;
      }
      throw new ExpressionException("expected a superscript digit after '" + source.charAt(start) + "' at "
          + (start + 1) + ", as in X⁻¹", new Span(start, current));
    }
    tokens.add(new Token(TokenType.SUPERSCRIPT, source.substring(start, current), sign * value,
        new Span(start, current)));
  }

  private void number() {
    while (isDigit(peek())) {
      current++;
    }
    if (peek() == '.' && isDigit(peekNext())) {
      current++;
      while (isDigit(peek())) {
        current++;
      }
    }
    if ((peek() == 'e' || peek() == 'E')
        && (isDigit(peekNext()) || ((peekNext() == '-' || peekNext() == '+') && isDigit(peekAt(2))))) {
      current += 2;
      while (isDigit(peek())) {
        current++;
      }
    }
    String text = source.substring(start, current);
    double value = Double.parseDouble(text);
    if (!Double.isFinite(value)) {
      throw new ExpressionException("the number " + text + " at " + (start + 1) + " is too large",
          new Span(start, current));
    }
    tokens.add(new Token(TokenType.NUMBER, text, value, new Span(start, current)));
  }

  private void name() {
    String greek = GREEK_LETTERS.get(source.charAt(start));
    if (greek != null) { // σ is the name sigma; σx is sigma times x
      tokens.add(new Token(TokenType.NAME, greek, 0, new Span(start, current)));
      return;
    }
    while (isNamePart(peek()) && !GREEK_LETTERS.containsKey(peek())) {
      current++;
    }
    add(TokenType.NAME);
  }

  private void add(TokenType type) {
    tokens.add(new Token(type, source.substring(start, current), 0, new Span(start, current)));
  }

  private boolean match(char expected) {
    if (peek() != expected) {
      return false;
    }
    current++;
    return true;
  }

  private char advance() {
    return source.charAt(current++);
  }

  private char peek() {
    return peekAt(0);
  }

  private char peekNext() {
    return peekAt(1);
  }

  private char peekAt(int ahead) {
    int index = current + ahead;
    return index < source.length() ? source.charAt(index) : '\0';
  }

  private boolean atEnd() {
    return current >= source.length();
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /** Letters start names; modifier letters such as ᵀ do not (ᵀ is a transpose, not part of a name). */
  static boolean isNameStart(char c) {
    return isAsciiLetter(c) || (Character.isLetter(c) && Character.getType(c) != Character.MODIFIER_LETTER);
  }

  static boolean isNamePart(char c) {
    return isNameStart(c) || isDigit(c) || c == '_';
  }
}
