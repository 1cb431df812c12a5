package org.matrixcalculustutor.engine;

import java.util.List;
import org.matrixcalculustutor.algebra.Expr;
import org.matrixcalculustutor.algebra.Shape;
import org.matrixcalculustutor.algebra.Typing;

/**
 * A parsed and shape-checked expression.
 *
 * @param expr the expression as parsed
 * @param typing shapes of every node and the declarations, inferred ones included
 * @param text the expression printed in the language (re-parses to expr)
 * @param latex the expression as LaTeX, for MathJax
 * @param symbols the symbols in order of first appearance (the calculator offers them as variables)
 * @param readings how habits in the text were read, one sentence each ("Sx" read as S x); pages echo them
 */
public record Analysis(Expr expr, Typing typing, String text, String latex, List<String> symbols,
    List<String> readings) {

  public Analysis {
    symbols = List.copyOf(symbols);
    readings = List.copyOf(readings);
  }

  public Shape shape() {
    return typing.shape();
  }
}
