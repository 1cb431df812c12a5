package org.matrixcalculustutor.classroom;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface AttemptRepository extends JpaRepository<Attempt, Long> {

  List<Attempt> findByStudentOrderByCreatedAtDesc(Student student);

  List<Attempt> findByStudentClassroomOrderByCreatedAtAsc(Classroom classroom);
}
