package org.matrixcalculustutor.algebra;

/** A token with its place in the source; numbers carry their value. */
record Token(TokenType type, String text, double number, Span span) {

  /** How the token reads in an error message: "')'" or "end of input". */
  String describe() {
    return type == TokenType.END ? "end of input" : "'" + text + "'";
  }
}
