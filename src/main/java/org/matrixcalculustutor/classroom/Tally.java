package org.matrixcalculustutor.classroom;

import java.util.Collection;

/**
 * What a class's pages and CSV files count of a student's attempts: only those at the exercises the
 * class assigns now. Attempts at an exercise taken off the class stay stored and listed, but count
 * nowhere, so that the gradebook, the student's page and the gradebook CSV give one Solved and one
 * Attempts.
 *
 * @param attempts attempts at assigned exercises
 * @param solved assigned exercises with a correct attempt
 * @param notCounted attempts at exercises the class no longer assigns
 */
record Tally(long attempts, long solved, long notCounted) {

  static Tally of(Collection<Attempt> attempts, Collection<String> assigned) {
    long counted = attempts.stream().filter(a -> assigned.contains(a.getExerciseId())).count();
    long solved = attempts.stream().filter(a -> assigned.contains(a.getExerciseId()) && a.isCorrect())
        .map(Attempt::getExerciseId).distinct().count();
    return new Tally(counted, solved, attempts.size() - counted);
  }

  /** "3 attempts, 1 exercise solved": the student page's summary, counted as the gradebook counts. */
  String summary() {
    return Words.count(attempts, "attempt") + ", " + Words.count(solved, "exercise") + " solved";
  }

  /** Why some listed attempts count nowhere, or null when every attempt counts. */
  String notCountedNote() {
    return notCounted == 0 ? null
        : Words.count(notCounted, "attempt") + " at exercises no longer assigned to the class "
            + (notCounted == 1 ? "is" : "are") + " listed below but not counted, as in the gradebook.";
  }
}
