package org.matrixcalculustutor.lessons;

import java.util.List;

/**
 * An identity as a page shows it.
 *
 * @param id the identity's id, also the element id "identity-{id}"
 * @param latex the stated identity
 * @param text the same in the expression language
 * @param note a remark, or null
 * @param steps the engine's derivation, printed, for gradients; empty otherwise
 * @param denominatorLatex the engine's denominator-layout derivative (cookbook), or null
 * @param numeratorLatex the engine's numerator-layout derivative (cookbook), or null
 * @param tryUrl the calculator filled in with this function, or null
 * @param exerciseUrl the matching exercise, or null
 * @param identity the identity itself
 */
public record IdentityView(String id, String latex, String text, String note, List<ShownStep> steps,
    String denominatorLatex, String numeratorLatex, String tryUrl, String exerciseUrl, LessonIdentity identity) {

  public IdentityView {
    steps = List.copyOf(steps);
  }
}
