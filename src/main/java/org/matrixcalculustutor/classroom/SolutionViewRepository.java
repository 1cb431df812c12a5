package org.matrixcalculustutor.classroom;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface SolutionViewRepository extends JpaRepository<SolutionView, Long> {

  List<SolutionView> findByStudent(Student student);

  boolean existsByStudentAndExerciseId(Student student, String exerciseId);

  List<SolutionView> findByStudentClassroom(Classroom classroom);
}
