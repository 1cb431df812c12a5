package org.matrixcalculustutor.exercises;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
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
  default void record(Learner learner, String exerciseId, long seed, String answer, Grade grade) {
    record(learner, exerciseId, seed, Outcome.of(answer, grade, null));
  }

  /** Stores a graded attempt of the learner, with the work shown if any. */
  void record(Learner learner, String exerciseId, long seed, Outcome outcome);

  /**
   * What one graded attempt stores.
   *
   * @param answer the answer as typed (for shown work alone, the derivative read off its last line)
   * @param verdict correct or incorrect
   * @param diagnoses the diagnosis codes of the answer
   * @param work the derivation shown, or null
   */
  record Outcome(String answer, String verdict, List<String> diagnoses, ShownWork work) {

    public Outcome {
      diagnoses = List.copyOf(diagnoses);
    }

    static Outcome of(String answer, Grade grade, ShownWork work) {
      return new Outcome(answer, grade.verdict().word(),
          grade.diagnoses().stream().map(d -> d.code().name()).toList(), work);
    }
  }

  /**
   * Stores a shape slip: an answer whose shapes clash where one transpose would fix them. It is
   * invalid and no attempt, but the class's "where it goes wrong" counts it.
   */
  void slip(Learner learner, String exerciseId, long seed, String answer);

  /** Stores that the learner asked for the solution of an exercise; later attempts carry the mark. */
  void solutionShown(Learner learner, String exerciseId, long seed);

  /** The learner's class as exercises need it: assignment, rule for solutions, progress. */
  Standing standing(Learner learner);

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

  /**
   * A student's place in their class.
   *
   * @param assigned the class's exercises, in the teacher's order
   * @param solutions when the class may see solutions
   * @param progress per exercise the student has touched
   */
  record Standing(List<String> assigned, SolutionRule solutions, Map<String, SolutionRule.Progress> progress) {

    public Standing {
      assigned = List.copyOf(assigned);
      progress = Map.copyOf(progress);
    }

    public SolutionRule.Progress on(String exerciseId) {
      return progress.getOrDefault(exerciseId, SolutionRule.Progress.NONE);
    }
  }
}
