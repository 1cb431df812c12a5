package org.matrixcalculustutor.classroom;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ClassroomRepository extends JpaRepository<Classroom, Long> {

  Optional<Classroom> findByJoinCode(String joinCode);

  List<Classroom> findByTeacherOrderByCreatedAtDesc(Teacher teacher);
}
