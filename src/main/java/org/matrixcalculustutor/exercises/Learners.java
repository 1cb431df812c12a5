package org.matrixcalculustutor.exercises;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.matrixcalculustutor.grading.Grade;

/**
 * Who is answering: a student who joined a class (implemented by the classroom), or nobody, for
 * anonymous practice. Exercises only ask; they never know how students are stored.
 */
public interface Learners {

  /** The student the request comes from, if any. */
  Optional<Learner> current(HttpServletRequest request);

  /** Stores a graded attempt of the learner. */
  void record(Learner learner, String exerciseId, long seed, String answer, Grade grade);

  /**
   * A student as exercises see them.
   *
   * @param id the student's id
   * @param displayName what the pages call them
   */
  record Learner(long id, String displayName) {

    /** The learner's own variant of an exercise: stable, and different between students. */
    public long seedFor(String exerciseId) {
      return 1 + Math.floorMod((exerciseId + "#" + id).hashCode(), 997);
    }
  }
}
