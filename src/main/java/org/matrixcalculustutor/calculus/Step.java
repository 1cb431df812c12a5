package org.matrixcalculustutor.calculus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.matrixcalculustutor.algebra.Children;
import org.matrixcalculustutor.algebra.Declarations;
import org.matrixcalculustutor.algebra.Expr;
import org.matrixcalculustutor.algebra.LatexPrinter;
import org.matrixcalculustutor.algebra.LeftSide;
import org.matrixcalculustutor.algebra.RuleLatex;
import org.matrixcalculustutor.algebra.TextPrinter;

/**
 * One line a teacher would write in a derivation, as mathematics: before = after, by a named rule.
 * The printers write it ({@link #latex}, {@link #text}); the derivation holds only expressions.
 *
 * @param rule the rule's name in plain text, with its formula: "product rule: d(XY) = dX Y + X dY"
 * @param before the left side: an expression (f, df, d(X'X), vec(dF)), or the variable of a
 *     derivative written in the course's notation (see left)
 * @param after the right side
 * @param left what the left side names
 * @param parts the differentials the line leaves to later lines: a differential dM, for a key M,
 *     stands for d(parts.get(M)), whose own line comes after this one (or came before, when the
 *     same part was worked out already)
 * @param declarations the problem's, which tell the printers a scalar divisor (x'*x) from a matrix;
 *     null when the line is printed by the look of its expressions alone
 * @param earlier the parts whose lines came before this one, with their numbers: the rule's label
 *     says where to find them ("d||X|| from line 2")
 */
public record Step(String rule, Expr before, Expr after, LeftSide left, Map<Expr.Symbol, Expr> parts,
    Declarations declarations, List<Reference> earlier) {

  /**
   * A part of a line, by its key in parts, whose own line is number line of the derivation (counting
   * from 1, as the pages number them).
   */
  public record Reference(Expr.Symbol part, int line) {}

  public Step {
    parts = Map.copyOf(parts);
    earlier = List.copyOf(earlier);
  }

  public Step(String rule, Expr before, Expr after, LeftSide left, Map<Expr.Symbol, Expr> parts) {
    this(rule, before, after, left, parts, null, List.of());
  }

  /** This line, printed with what declarations say of its shapes. */
  Step under(Declarations problem) {
    return new Step(rule, before, after, left, parts, problem, earlier);
  }

  /** This line, its label saying where the given parts' lines are. */
  Step referring(List<Reference> references) {
    return new Step(rule, before, after, left, parts, declarations, references);
  }

  /** The node whose differential this line works out (d(node) = ...), or null for another line. */
  Expr node() {
    return before instanceof Expr.Differential d ? parts.get(d.variable()) : null;
  }

  /** before = after, an equation between expressions. */
  static Step of(String rule, Expr before, Expr after) {
    return new Step(rule, before, after, LeftSide.EXPRESSION, Map.of());
  }

  /** A derivative of f by variable, written in the notation left, equals after. */
  static Step derivative(String rule, LeftSide left, Expr variable, Expr after) {
    return new Step(rule, variable, after, left, Map.of());
  }

  /** before = after, where the differentials of parts (and any others of shownAs) are written as their keys say. */
  static Step of(String rule, Expr before, Expr after, Map<Expr.Symbol, Expr> shownAs) {
    Map<Expr.Symbol, Expr> used = new HashMap<>();
    for (Expr side : new Expr[] {before, after}) {
      if (side != null) {
        collect(side, shownAs, used);
      }
    }
    return new Step(rule, before, after, LeftSide.EXPRESSION, used);
  }

  private static void collect(Expr e, Map<Expr.Symbol, Expr> shownAs, Map<Expr.Symbol, Expr> into) {
    if (e instanceof Expr.Differential d && shownAs.containsKey(d.variable())) {
      into.put(d.variable(), shownAs.get(d.variable()));
    }
    List<Expr> children = Children.of(e); // by index: no iterator per node
    for (int i = 0; i < children.size(); i++) {
      Expr child = children.get(i);
      collect(child, shownAs, into);
    }
  }

  /** The line as TeX, for MathJax. */
  public String latex() {
    return LatexPrinter.line(left, before, after, parts, declarations);
  }

  /** The line in plain text, in the course's language where it has words for it: "d(x'*x) = dx'*x + x'*dx". */
  public String text() {
    return TextPrinter.line(left, before, after, parts, declarations);
  }

  /** The rule typeset for a derivation, as one TeX string: its words upright, its formula as mathematics. */
  public String ruleLatex() {
    return RuleLatex.of(ruleParts());
  }

  /**
   * The rule in pieces for a page: words in the page's font, each formula as TeX to typeset; then
   * where the parts worked out before are ("; d||X|| from line 2").
   */
  public List<RuleLatex.Part> ruleParts() {
    List<RuleLatex.Part> all = new ArrayList<>(RuleLatex.parts(rule));
    for (Reference reference : earlier) {
      all.add(new RuleLatex.Part(false, "; "));
      all.add(new RuleLatex.Part(true, LatexPrinter.print(new Expr.Differential(reference.part()), parts)));
      all.add(new RuleLatex.Part(false, " from line " + reference.line()));
    }
    return List.copyOf(all);
  }
}
