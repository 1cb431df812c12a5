package org.matrixcalculustutor.derivation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.matrixcalculustutor.algebra.Deadline;
import org.matrixcalculustutor.algebra.Declaration;
import org.matrixcalculustutor.algebra.Declarations;
import org.matrixcalculustutor.algebra.Expr;
import org.matrixcalculustutor.algebra.ExpressionException;
import org.matrixcalculustutor.algebra.Exprs;
import org.matrixcalculustutor.algebra.Limits;
import org.matrixcalculustutor.algebra.Parser;
import org.matrixcalculustutor.algebra.Simplifier;
import org.matrixcalculustutor.algebra.Span;
import org.matrixcalculustutor.algebra.TextPrinter;
import org.matrixcalculustutor.calculus.Derivatives;
import org.matrixcalculustutor.calculus.Layout;
import org.matrixcalculustutor.engine.Engine;
import org.matrixcalculustutor.grading.Diagnosis;
import org.matrixcalculustutor.grading.Formula;
import org.matrixcalculustutor.grading.Grade;
import org.matrixcalculustutor.grading.Grader;
import org.matrixcalculustutor.grading.Verdict;
import org.matrixcalculustutor.numeric.NumericEquality;

/**
 * Checks a student's derivation line by line. Each line is an expression for df and is checked
 * against the true differential, not only against the line before: symbolically (its reading by
 * dX, the G of df = &lt;G, dX&gt;, has the normal form of the true one) and numerically (it agrees
 * with the directional derivative df at random points, distinct sizes, random directions dX). The
 * first wrong line gets the slip of the step that produced it; a last line of the form &lt;G, dX&gt;
 * is read off and G graded as an answer; a right derivation that stops before is incomplete.
 */
public final class DerivationChecker {

  /** The most lines of one derivation. */
  public static final int MAX_LINES = 40;

  /** Random points (each with its own random direction dX) for deciding a line numerically. */
  static final int POINTS = 2;

  private final Engine engine;
  private final Grader grader;

  public DerivationChecker(Engine engine) {
    this.engine = engine;
    this.grader = new Grader(engine);
  }

  /**
   * Refuses a derivation beyond the bounds before anything of it is parsed: no lines, more than
   * {@value #MAX_LINES}, or a line longer than an expression may be. The message names the line.
   *
   * @throws ExpressionException with the position (in the line) where the line passes the limit
   */
  public static void requireBounds(List<String> lines, Limits limits) {
    if (lines == null || lines.isEmpty()) {
      throw new ExpressionException("write the derivation one step a line: df = ..., then = ...");
    }
    if (lines.size() > MAX_LINES) {
      throw new ExpressionException("a derivation has at most " + MAX_LINES + " lines; this one has " + lines.size());
    }
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line != null && line.length() > limits.maxInputLength()) {
        throw new ExpressionException("line " + (i + 1) + " is " + line.length() + " characters long; a line has at"
            + " most " + limits.maxInputLength(), new Span(limits.maxInputLength(), line.length()));
      }
    }
  }

  /** A problem given as text: its derivative derived by the engine, ready for derivations. */
  public Problem problem(String expression, String variable, String declarations, Layout layout) {
    return Problem.of(engine.derive(expression, variable, declarations, layout));
  }

  /** One line as checked, with what the later passes need. */
  private record Checked(String text, LineReader.Read read, Parser.Result untyped, ExpressionException error,
      Derivatives.Result reading, Derivation.Status status, String equivalence) {}

  /**
   * Checks the lines of a derivation of problem.
   *
   * @param seed makes the random points reproducible
   * @throws ExpressionException when there are no lines, or more than {@value #MAX_LINES}
   */
  public Derivation check(Problem problem, List<String> lines, long seed) {
    requireBounds(lines, engine.limits());
    List<Checked> checked = new ArrayList<>();
    for (String line : lines) {
      Deadline.check();
      checked.add(checkLine(problem, line, seed));
    }
    Integer firstError = null;
    for (int i = 0; i < checked.size() && firstError == null; i++) {
      if (checked.get(i).status() != Derivation.Status.CORRECT) {
        firstError = i;
      }
    }
    int lastRight = -1;
    for (int i = 0; i < (firstError == null ? checked.size() : firstError); i++) {
      lastRight = i;
    }
    LineReader.Read previous = lastRight < 0 ? null : checked.get(lastRight).read();
    Derivatives.Result previousReading = lastRight < 0 ? null : checked.get(lastRight).reading();
    String nextRule = previous == null ? Continuation.firstRule(problem) : Continuation.nextRule(problem, previousReading);

    SlipFinder.Found slip = null;
    if (firstError != null) {
      Checked wrong = checked.get(firstError);
      Expr wrongExpr = wrong.read() != null ? wrong.read().expr() : wrong.untyped() == null ? null : wrong.untyped().expr();
      if (wrongExpr != null) { // a line that parses: its shapes may be one repair away
        Map<Expr, Span> spans = wrong.read() != null ? wrong.read().spans() : wrong.untyped().spans();
        slip = new SlipFinder(problem, seed).find(wrongExpr, spans, wrong.read() != null,
            previous == null ? null : previous.expr(), previous == null ? null : lastRight, firstError, nextRule);
        if (wrong.read() == null && slip.slip() == Slip.UNNAMED) {
          slip = null; // an invalid line says what is wrong with it; the engine's next rule adds nothing
        }
      }
    }

    List<Derivation.Line> out = new ArrayList<>();
    for (int i = 0; i < checked.size(); i++) {
      out.add(line(problem, checked.get(i), firstError != null && i == firstError ? slip : null));
    }

    Checked last = checked.get(checked.size() - 1);
    Formula readOff = null;
    Grade readOffGrade = null;
    if (last.read() != null) {
      Expr reading = ReadOff.of(problem, last.read().expr());
      if (reading != null) {
        Expr answer = Simplifier.simplify(problem.inLayout(reading), problem.shapes());
        readOffGrade = grader.grade(problem.graded(), TextPrinter.print(answer, problem.declarations()), seed);
        readOff = readOffGrade.answer() != null ? readOffGrade.answer()
            : new Formula(TextPrinter.print(answer, problem.declarations()), Trees.latex(answer, problem), null);
      }
    }

    Derivation.Verdict verdict;
    if (firstError != null) {
      verdict = checked.get(firstError).status() == Derivation.Status.INVALID ? Derivation.Verdict.INVALID
          : Derivation.Verdict.INCORRECT;
    } else if (readOffGrade != null) {
      verdict = readOffGrade.verdict() == Verdict.CORRECT ? Derivation.Verdict.CORRECT : Derivation.Verdict.INCORRECT;
    } else {
      verdict = Derivation.Verdict.INCOMPLETE;
    }

    List<Derivation.Finding> findings = new ArrayList<>();
    if (slip != null) {
      findings.add(new Derivation.Finding(slip.slip().name(), slip.slip().title(), slip.message(), firstError));
    }
    if (readOffGrade != null && readOffGrade.verdict() == Verdict.INCORRECT) {
      for (Diagnosis d : readOffGrade.diagnoses()) {
        findings.add(new Derivation.Finding(d.code().name(), d.code().title(), d.message(), checked.size() - 1));
      }
    }
    String hint = null;
    if (verdict == Derivation.Verdict.INCOMPLETE) {
      hint = "Every line is right; now bring the last one to " + targetForm(problem) + ". The engine would use: "
          + nextRule + ".";
    }
    List<Derivation.WorkStep> continuation;
    try {
      continuation = previous == null || previousReading == null ? Continuation.whole(problem)
          : Continuation.from(problem, previous, previousReading, lastRight);
    } catch (ExpressionException unreadable) {
      continuation = Continuation.whole(problem);
    }
    return new Derivation(out, firstError, slip == null ? null : slip.slip(), readOff, readOffGrade, verdict, findings,
        hint, lastRight < 0 ? null : lastRight, continuation);
  }

  /** Reads and checks one line against df. */
  private Checked checkLine(Problem problem, String text, long seed) {
    LineReader.Read read;
    try {
      read = LineReader.read(problem, text, engine.limits());
    } catch (ExpressionException invalid) {
      return new Checked(text, null, untyped(problem, text), invalid, null, Derivation.Status.INVALID, null);
    }
    Derivatives.Result reading = reading(problem, read);
    if (reading != null && symbolicallyEqual(problem, reading.derivative())) {
      return new Checked(text, read, null, null, reading, Derivation.Status.CORRECT, "symbolic");
    }
    boolean agrees;
    try {
      agrees = NumericEquality.equal(read.expr(), problem.differential(), problem.declarations(), seed, POINTS);
    } catch (ExpressionException noValidPoint) {
      agrees = false;
    }
    return new Checked(text, read, null, null, reading,
        agrees ? Derivation.Status.CORRECT : Derivation.Status.INCORRECT, agrees ? "numeric" : null);
  }

  /**
   * The engine's reading of a line by dX: the line is a function of the symbol dX, linear in it, so
   * its derivative by dX (denominator layout) is the G of df = &lt;G, dX&gt;. Null when the engine
   * cannot read it off (the numbers decide then).
   */
  private static Derivatives.Result reading(Problem problem, LineReader.Read read) {
    try {
      return Derivatives.derive(read.typing(), problem.dX().name(), Layout.DENOMINATOR);
    } catch (ExpressionException beyondTheSymbolicRoute) {
      return null;
    }
  }

  /** A line's reading has the normal form of the true one. */
  private static boolean symbolicallyEqual(Problem problem, Expr reading) {
    try {
      Expr normal = Simplifier.normalForm(reading, problem.shapes());
      return normal.equals(problem.readingNormalForm())
          || (Exprs.isZero(normal) && Exprs.isZero(problem.readingNormalForm()));
    } catch (ExpressionException beyondTheSymbolicRoute) {
      return false; // the numbers decide
    }
  }

  /** The line parsed but not typed, for the repairs of a line whose shapes clash; null if it does not parse. */
  private Parser.Result untyped(Problem problem, String text) {
    if (text == null || text.isBlank() || text.length() > engine.limits().maxInputLength()) {
      return null;
    }
    try {
      String padded = LineReader.differentialsAsSymbols(LineReader.blankPrefix(text), problem.variable());
      return Parser.parse(padded, engine.limits(),
          problem.declarations().all().stream().map(Declaration::name).collect(java.util.stream.Collectors.toSet()));
    } catch (ExpressionException | IllegalArgumentException syntax) {
      return null;
    }
  }

  private static Derivation.Line line(Problem problem, Checked c, SlipFinder.Found slip) {
    String latex = c.read() == null ? null : Trees.latex(c.read().expr(), problem);
    List<String> readings = c.read() == null ? List.of() : c.read().readings();
    return switch (c.status()) {
      case CORRECT -> new Derivation.Line(c.text(), latex, c.status(), null, null, null, c.equivalence(), readings);
      case INCORRECT -> slip != null
          ? new Derivation.Line(c.text(), latex, c.status(), slip.rule(), slip.message(), position(slip.span()), null,
              readings)
          : new Derivation.Line(c.text(), latex, c.status(), null, "this line is not equal to df", null, null, readings);
      case INVALID -> new Derivation.Line(c.text(), latex, c.status(), slip == null ? null : slip.rule(),
          c.error().getMessage() + (slip == null ? "" : " " + slip.message()), c.error().position(), null, readings);
    };
  }

  private static Integer position(Span span) {
    return span == null ? null : span.column();
  }

  /** The form to read the derivative off, in words. */
  private static String targetForm(Problem problem) {
    String x = problem.variable();
    return switch (problem.kind()) {
      case SCALAR_BY_VECTOR -> "<g, d" + x + "> (or g'*d" + x + ") and read off g";
      case SCALAR_BY_MATRIX -> "<G, d" + x + "> (or tr(G'*d" + x + ")) and read off G";
      case VECTOR_BY_VECTOR -> "J*d" + x + " and read off J";
      default -> "a multiple of d" + x + " and read off the derivative";
    };
  }

  /**
   * A stored line of a derivation typeset, dX as a differential, for pages that show work without
   * checking it again; null when the line no longer reads (or never did).
   *
   * @param declarations the problem's symbols (the variant's)
   * @param names a renaming of the symbols to apply (a variant's back to the exercise's), or empty
   */
  public static String latex(String line, Declarations declarations, String variable, Limits limits,
      Map<String, String> renaming) {
    if (line == null || line.isBlank() || line.length() > limits.maxInputLength() || variable == null) {
      return null;
    }
    try {
      Expr.Symbol dX = new Expr.Symbol("d" + variable);
      java.util.Set<String> names = declarations.all().stream().map(Declaration::name)
          .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new));
      names.add(dX.name());
      String text = LineReader.differentialsAsSymbols(LineReader.blankPrefix(line), variable);
      Expr expr = Parser.parse(text, limits, names).expr();
      return org.matrixcalculustutor.algebra.LatexPrinter.print( // with declarations: x'*x divides
          org.matrixcalculustutor.algebra.Renamer.rename(Trees.asDifferential(expr, dX, variable), renaming),
          org.matrixcalculustutor.algebra.Renamer.rename(declarations, renaming));
    } catch (ExpressionException | IllegalArgumentException unreadable) {
      return null;
    }
  }
}
