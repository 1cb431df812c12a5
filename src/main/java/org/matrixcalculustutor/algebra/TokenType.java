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
  /** A run of superscript digits as students paste them: ² is ^2, ⁻¹ is ^-1; the value is the number. */
  SUPERSCRIPT,
  LEFT_PAREN,
  RIGHT_PAREN,
  /** { and }: LaTeX's grouping, read as parentheses (X^{-1}, \frac{a}{b}). */
  LEFT_BRACE,
  RIGHT_BRACE,
  LEFT_BRACKET,
  RIGHT_BRACKET,
  LESS,
  GREATER,
  /** ||, ‖ or \|: a norm's bar. */
  NORM_BAR,
  /** A single |: determinant or absolute value in textbooks, neither in the language. */
  BAR,
  /** _ after a norm: ||X||_F, ||x||_2. */
  UNDERSCORE,
  /** \frac{a}{b}. */
  FRAC,
  /** A LaTeX command the language does not read (\sum, \nabla...): an error with advice. */
  COMMAND,
  COMMA,
  SEMICOLON,
  END
}
