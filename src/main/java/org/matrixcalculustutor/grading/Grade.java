package org.matrixcalculustutor.grading;

import java.util.List;
import org.matrixcalculustutor.calculus.Step;

/**
 * The result of checking one answer.
 *
 * @param verdict correct, incorrect or invalid
 * @param equivalence how a correct answer was recognised; null otherwise
 * @param diagnoses what is wrong, most specific first; empty when correct
 * @param answer the answer as the server read it; null when it could not be read
 * @param expected the engine's own derivative
 * @param steps the engine's derivation
 * @param error for an invalid answer, what is wrong with it
 * @param position for an invalid answer, the 1-based position of the problem, or null
 * @param readings how habits in the answer were read ("Sx" read as S x), the same as the preview says
 * @param suggestion for an answer whose shapes clash where one transpose would fix them, the answer
 *     as probably meant; null otherwise
 */
public record Grade(Verdict verdict, Equivalence equivalence, List<Diagnosis> diagnoses, Formula answer,
    Formula expected, List<Step> steps, String error, Integer position, List<String> readings, String suggestion) {

  public Grade {
    diagnoses = List.copyOf(diagnoses);
    steps = List.copyOf(steps);
    readings = List.copyOf(readings);
  }

  /** An invalid answer whose shapes clash where one transpose would fix them: a slip, not nonsense. */
  public boolean shapeSlip() {
    return verdict == Verdict.INVALID && suggestion != null;
  }

  public boolean correct() {
    return verdict == Verdict.CORRECT;
  }
}
