package org.matrixcalculustutor.exercises;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A hint of an exercise and the lesson section it comes from. The bank writes a hint as an object
 * {"text": "...", "lesson": "differentials#identity-rule-product"}, or as a plain string (then it
 * links to the exercise's lesson).
 *
 * @param text the hint, a template over the exercise's symbols
 * @param lesson chapter slug and anchor, "differentials#identity-rule-product"; null for the exercise's lesson
 */
public record Hint(Template text, String lesson) {

  @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
  public Hint(@JsonProperty("text") Template text, @JsonProperty("lesson") String lesson) {
    this.text = text;
    this.lesson = lesson;
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static Hint of(String text) {
    return new Hint(Template.of(text), null);
  }
}
