package org.matrixcalculustutor.classroom;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface StudentRepository extends JpaRepository<Student, Long> {

  Optional<Student> findByTokenHash(String tokenHash);

  List<Student> findByClassroomOrderByDisplayNameAsc(Classroom classroom);
}
