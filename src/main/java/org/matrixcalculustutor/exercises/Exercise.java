package org.matrixcalculustutor.exercises;

import java.util.List;

/**
 * One exercise of the bank. The reference answer is kept for the bank's test only: what a
 * student is graded against is always what the engine derives from the function.
 *
 * @param id stable, used in addresses: /exercises/quadratic-form
 * @param title what the list shows: a template over the exercise's symbols ("The quadratic form $x'Ax$")
 * @param topic the group it is listed under
 * @param chapter the slug of the lesson that teaches it
 * @param lesson the section of that lesson, "vectors#gradient" (chapter slug and anchor); null for the chapter
 * @param level 1 (direct) to 3 (several rules)
 * @param function f in the course's language
 * @param variable what to differentiate with respect to
 * @param declarations one per line
 * @param layout denominator or numerator: which form the answer must take
 * @param hints progressive, shown one at a time on request, each linked to its lesson section
 * @param answer a reference answer, checked against the engine by the bank's test
 * @param order 1 (the first derivative; the default when the bank leaves it out) or 2 (the Hessian)
 */
public record Exercise(String id, Template title, String topic, String chapter, String lesson, int level,
    String function, String variable, String declarations, String layout, List<Hint> hints, String answer,
    Integer order) {

  public Exercise {
    hints = List.copyOf(hints);
    order = order == null ? 1 : order;
    if (order != 1 && order != 2) {
      throw new IllegalArgumentException("exercise " + id + ": order 1 or 2");
    }
    if (level < 1 || level > 3 || hints.isEmpty() || hints.size() > 3) {
      throw new IllegalArgumentException("exercise " + id + ": level 1-3 and one to three hints");
    }
  }

  /** Where the exercise is taught: the lesson section, or the chapter. */
  public String lessonLink() {
    return Links.lesson(lesson == null ? chapter : lesson);
  }
}
