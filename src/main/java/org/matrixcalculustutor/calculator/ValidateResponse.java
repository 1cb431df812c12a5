package org.matrixcalculustutor.calculator;

import java.util.List;
import org.matrixcalculustutor.engine.Analysis;

/**
 * The parsed expression as the server reads it: printed back, as LaTeX, with its shape.
 *
 * @param text the expression printed in the language
 * @param latex the server's own LaTeX of it (never the student's raw text)
 * @param shape "m x n"
 * @param description "scalar", "vector n", "matrix m x n"
 * @param symbols symbols in order of appearance
 * @param declarations every symbol with its declared or inferred type
 * @param readings how habits in the text were read ("Sx" read as S x), the same reading grading uses
 */
record ValidateResponse(String text, String latex, String shape, String description, List<String> symbols,
    String declarations, List<String> readings) {

  static ValidateResponse of(Analysis a) {
    return new ValidateResponse(a.text(), a.latex(), a.shape().toString(), a.shape().describe(),
        a.symbols(), a.typing().declarations().text(), a.readings());
  }
}
