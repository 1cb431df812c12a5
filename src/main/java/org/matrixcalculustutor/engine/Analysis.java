package org.matrixcalculustutor.engine;

import java.util.List;
import org.matrixcalculustutor.algebra.Expr;
import org.matrixcalculustutor.algebra.Shape;
import org.matrixcalculustutor.algebra.Typing;

/**
 * A parsed and shape-checked expression; its text and LaTeX are printed when first asked for.
 */
public final class Analysis {

  private final Expr expr;
  private final Typing typing;
  private final List<String> symbols;
  private final List<String> readings;
  private final Printed printed;

  /**
   * @param expr the expression as parsed
   * @param typing shapes of every node and the declarations, inferred ones included
   * @param symbols the symbols in order of first appearance (the calculator offers them as variables)
   * @param readings how habits in the text were read, one sentence each ("Sx" read as S x); pages echo them
   */
  public Analysis(Expr expr, Typing typing, List<String> symbols, List<String> readings) {
    this.expr = expr;
    this.typing = typing;
    this.symbols = List.copyOf(symbols);
    this.readings = List.copyOf(readings);
    this.printed = new Printed(expr, typing.declarations());
  }

  /** The expression as parsed. */
  public Expr expr() {
    return expr;
  }

  /** Shapes of every node and the declarations, inferred ones included. */
  public Typing typing() {
    return typing;
  }

  /** The expression printed in the language (re-parses to expr). */
  public String text() {
    return printed.text();
  }

  /** The expression as LaTeX, for MathJax. */
  public String latex() {
    return printed.latex();
  }

  /** The symbols in order of first appearance. */
  public List<String> symbols() {
    return symbols;
  }

  /** How habits in the text were read, one sentence each. */
  public List<String> readings() {
    return readings;
  }

  public Shape shape() {
    return typing.shape();
  }

  @Override
  public String toString() {
    return "Analysis[" + text() + "]";
  }
}
