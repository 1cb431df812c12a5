package org.matrixcalculustutor.algebra;

/** The kinds of token of the expression language. */
enum TokenType {
  NUMBER,
  NAME,
  PLUS,
  MINUS,
  STAR,
  AT,
  SLASH,
  DOT_STAR,
  DOT_SLASH,
  CARET,
  DOT_CARET,
  QUOTE,
  DOT_T,
  LEFT_PAREN,
  RIGHT_PAREN,
  LEFT_BRACKET,
  RIGHT_BRACKET,
  LESS,
  GREATER,
  COMMA,
  SEMICOLON,
  END
}
