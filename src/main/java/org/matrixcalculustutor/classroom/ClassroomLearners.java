package org.matrixcalculustutor.classroom;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.matrixcalculustutor.exercises.Learners;
import org.springframework.stereotype.Component;

/**
 * Learners are students recognised by their cookie; their attempts go to the database. A student
 * of a closed class practises as an anonymous visitor: nothing new is recorded.
 */
@Component
class ClassroomLearners implements Learners {

  /** The request attribute that remembers the student for the rest of the request. */
  static final String ATTRIBUTE = ClassroomLearners.class.getName();

  private final ClassroomService classrooms;

  ClassroomLearners(ClassroomService classrooms) {
    this.classrooms = classrooms;
  }

  @Override
  public Optional<Learner> current(HttpServletRequest request) {
    Object known = request.getAttribute(ATTRIBUTE);
    if (known instanceof Student student) {
      return Optional.of(new Learner(student.getId(), student.getDisplayName()));
    }
    Optional<Student> student = StudentCookie.read(request).flatMap(classrooms::byToken)
        .filter(s -> !s.getClassroom().isClosed());
    student.ifPresent(s -> request.setAttribute(ATTRIBUTE, s));
    return student.map(s -> new Learner(s.getId(), s.getDisplayName()));
  }

  @Override
  public void record(Learner learner, String exerciseId, long seed, Outcome outcome) {
    classrooms.record(learner.id(), exerciseId, seed, outcome.answer(), outcome.verdict(), outcome.diagnoses(),
        outcome.work());
  }

  @Override
  public void slip(Learner learner, String exerciseId, long seed, String answer) {
    classrooms.recordSlip(learner.id(), exerciseId, seed, answer);
  }

  @Override
  public void solutionShown(Learner learner, String exerciseId, long seed) {
    classrooms.recordSolutionView(learner.id(), exerciseId, seed);
  }

  @Override
  public Standing standing(Learner learner) {
    Student student = classrooms.student(learner.id()).orElseThrow();
    Classroom classroom = student.getClassroom();
    return new Standing(classroom.getExerciseIds(), classroom.getSolutionRule(), classrooms.progress(student));
  }
}
