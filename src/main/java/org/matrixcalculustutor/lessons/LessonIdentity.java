package org.matrixcalculustutor.lessons;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One identity a lesson states, held in the expression language beside its LaTeX so that a test
 * verifies it numerically. Kinds: "equal" (lhs = rhs for all values), "gradient" (the engine's
 * first derivative of function, a vec Jacobian included, equals expected, and numerator when
 * given), "hessian" (the engine's Hessian of function equals expected, checked by second
 * differences), "differential" (the differential of function, written with the symbol dX, equals
 * differential).
 *
 * @param chapter the lesson's slug
 * @param id unique within the course
 * @param kind equal, gradient, hessian or differential
 * @param latex what the page shows
 * @param lhs left side (equal)
 * @param rhs right side (equal)
 * @param function f (gradient, differential)
 * @param variable the variable (gradient, differential)
 * @param expected the derivative in layout (gradient)
 * @param numerator the numerator-layout form, for the cookbook (gradient, optional)
 * @param differential df written with dX (differential)
 * @param declarations one per line
 * @param layout denominator or numerator (gradient)
 * @param exercise the id of the matching exercise, or null
 * @param note a remark the page shows below the identity, or null
 */
public record LessonIdentity(String chapter, String id, String kind, String latex, String lhs, String rhs,
    String function, String variable, String expected, String numerator, String differential,
    String declarations, String layout, String exercise, String note) {

  /** Whether the engine derives it (a gradient, a Jacobian or a Hessian), with a derivation to show. */
  public boolean isGradient() {
    return "gradient".equals(kind) || isHessian();
  }

  public boolean isHessian() {
    return "hessian".equals(kind);
  }

  /** 1 for a first derivative, 2 for a Hessian. */
  public int order() {
    return isHessian() ? 2 : 1;
  }

  /** The identity in the expression language, as the page prints it beside the LaTeX. */
  public String text() {
    return switch (kind) {
      case "equal" -> lhs + " = " + rhs;
      case "gradient" -> "d/d" + variable + " " + grouped(function) + " = " + expected + " (" + layout + " layout)";
      case "hessian" -> "Hessian of " + grouped(function) + " by " + variable + " = " + expected;
      case "differential" -> "d(" + function + ") = " + differential;
      default -> throw new IllegalStateException("unknown kind " + kind);
    };
  }

  /**
   * f in parentheses unless it is one name or one call: "d/dt a + t*b" reads as (d/dt a) + t*b, so
   * it is written d/dt (a + t*b); d/dX tr(X*A) stays as it is.
   */
  static String grouped(String f) {
    Matcher call = ONE_NAME_OR_CALL.matcher(f);
    if (call.matches() && (call.group(1) == null || closesAtTheEnd(f, call.start(1)))) {
      return f;
    }
    return "(" + f + ")";
  }

  private static final Pattern ONE_NAME_OR_CALL = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_]*(\\(.*\\))?");

  /** Whether the parenthesis opened at open closes at the last character. */
  private static boolean closesAtTheEnd(String f, int open) {
    int depth = 0;
    for (int i = open; i < f.length(); i++) {
      depth += f.charAt(i) == '(' ? 1 : f.charAt(i) == ')' ? -1 : 0;
      if (depth == 0) {
        return i == f.length() - 1;
      }
    }
    return false;
  }
}
