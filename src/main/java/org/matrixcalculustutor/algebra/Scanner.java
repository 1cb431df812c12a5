package org.matrixcalculustutor.algebra;

import java.util.ArrayList;
import java.util.List;

/** Splits an expression into tokens; the first character it cannot read is an error at its place. */
final class Scanner {

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
      case ' ', '\t', '\r', '\n' -> { }
      case '+' -> add(TokenType.PLUS);
      case '-', '\u2212' -> add(TokenType.MINUS);
      case '*', '\u00b7' -> add(TokenType.STAR);
      case '@' -> add(TokenType.AT);
      case '/' -> add(TokenType.SLASH);
      case '\u2299', '\u2218' -> add(TokenType.DOT_STAR);
      case '^' -> add(TokenType.CARET);
      case '\'', '\u2032', '\u1d40' -> add(TokenType.QUOTE);
      case '(' -> add(TokenType.LEFT_PAREN);
      case ')' -> add(TokenType.RIGHT_PAREN);
      case '[' -> add(TokenType.LEFT_BRACKET);
      case ']' -> add(TokenType.RIGHT_BRACKET);
      case '<', '\u27e8' -> add(TokenType.LESS);
      case '>', '\u27e9' -> add(TokenType.GREATER);
      case ',' -> add(TokenType.COMMA);
      case ';' -> add(TokenType.SEMICOLON);
      case '.' -> dot();
      default -> {
        if (isDigit(c)) {
          number();
        } else if (isNameStart(c)) {
          name();
        } else {
          throw new ExpressionException(
              "unexpected character '" + c + "' at " + (start + 1), Span.at(start));
        }
      }
    }
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
    while (isNamePart(peek())) {
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

  private static boolean isNameStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || Character.isLetter(c);
  }

  private static boolean isNamePart(char c) {
    return isNameStart(c) || isDigit(c) || c == '_';
  }
}
