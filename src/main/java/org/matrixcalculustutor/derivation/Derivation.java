package org.matrixcalculustutor.derivation;

import java.util.List;
import java.util.Locale;
import org.matrixcalculustutor.algebra.RuleLatex;
import org.matrixcalculustutor.grading.Formula;
import org.matrixcalculustutor.grading.Grade;

/**
 * A student's derivation, checked line by line against the true differential.
 *
 * @param lines each line with its status
 * @param firstError the index (from 0) of the first line that is not correct, or null
 * @param slip what the first wrong line did wrong, or null
 * @param readOff the derivative read off the last line (in the problem's layout), or null when the
 *     last line is not of a form to read off
 * @param readOffGrade that derivative graded as an answer, or null
 * @param verdict correct (every line right, and the last one read off), incorrect, incomplete
 *     (every line right, the last not read off yet) or invalid
 * @param diagnoses the slip of the first wrong line, then what grading the read-off found
 * @param hint for an incomplete derivation, the next step; else null
 * @param continuedFrom the index of the last right line the engine's derivation continues from, or
 *     null when it starts from f
 * @param continuation the engine's own derivation from that line onward (a solution: pages show it
 *     under the class's rule for solutions)
 */
public record Derivation(List<Line> lines, Integer firstError, Slip slip, Formula readOff, Grade readOffGrade,
    Verdict verdict, List<Finding> diagnoses, String hint, Integer continuedFrom, List<WorkStep> continuation) {

  public Derivation {
    lines = List.copyOf(lines);
    diagnoses = List.copyOf(diagnoses);
    continuation = List.copyOf(continuation);
  }

  /** The outcome of a whole derivation. */
  public enum Verdict {
    CORRECT,
    INCORRECT,
    INCOMPLETE,
    INVALID;

    public String word() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The outcome of one line. */
  public enum Status {
    CORRECT("✓"),
    INCORRECT("✗"),
    INVALID("?");

    private final String mark;

    Status(String mark) {
      this.mark = mark;
    }

    public String word() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The mark beside the line. */
    public String mark() {
      return mark;
    }
  }

  /**
   * One line as checked.
   *
   * @param text the line as typed
   * @param latex the expression as the tutor read it (dX typeset as a differential), or null when it
   *     could not be read
   * @param status correct, incorrect or invalid
   * @param rule for the first wrong line, the rule its step broke (or the engine's next rule);
   *     else null
   * @param message what is wrong (for an invalid line, the problem; for the first wrong line, the
   *     slip), or null
   * @param position for an invalid line, the 1-based position of the problem in the line; for the
   *     first wrong line, where the slip sits when known; else null
   * @param equivalence for a correct line, "symbolic" or "numeric"; else null
   * @param readings how habits in the line were read ("Ax" read as A x)
   */
  public record Line(String text, String latex, Status status, String rule, String message, Integer position,
      String equivalence, List<String> readings) {

    public Line {
      readings = List.copyOf(readings);
    }

    public boolean correct() {
      return status == Status.CORRECT;
    }

    /** The rule in pieces to typeset: words, and each formula as TeX. */
    public List<RuleLatex.Part> ruleParts() {
      return rule == null ? List.of() : Rules.parts(rule);
    }
  }

  /**
   * A finding about the derivation.
   *
   * @param code a slip (NON_CYCLIC_SWAP, ...) or a diagnosis of the read-off answer (LAYOUT, ...)
   * @param title the finding in plain words
   * @param message what a student reads
   * @param line the index of the line it is about, or null
   */
  public record Finding(String code, String title, String message, Integer line) {}

  /**
   * One step of the engine's own derivation.
   *
   * @param rule the rule, in the engine's notation
   * @param latex the line it gives
   * @param ruleParts the rule typeset for a page
   */
  public record WorkStep(String rule, String latex, List<RuleLatex.Part> ruleParts) {

    public WorkStep {
      ruleParts = List.copyOf(ruleParts);
    }

    /** A line of the continuation, its rule typeset as {@link Rules#parts} does. */
    public WorkStep(String rule, String latex) {
      this(rule, latex, Rules.parts(rule));
    }
  }

  public boolean correct() {
    return verdict == Verdict.CORRECT;
  }

  /** A status per line, one letter each (c, x, i): how the classroom stores the marks. */
  public String marks() {
    StringBuilder marks = new StringBuilder();
    lines.forEach(l -> marks.append(switch (l.status()) {
      case CORRECT -> 'c';
      case INCORRECT -> 'x';
      case INVALID -> 'i';
    }));
    return marks.toString();
  }
}
