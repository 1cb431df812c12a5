package org.matrixcalculustutor.classroom;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface StudentRepository extends JpaRepository<Student, Long> {

  /** In no particular order: pages sort students with {@link NameOrder}, which SQL cannot. */
  List<Student> findByClassroom(Classroom classroom);

  List<Student> findByClassroomAndStudentNumber(Classroom classroom, String studentNumber);

  long countByClassroom(Classroom classroom);

  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("delete from Student s where s.classroom = :classroom")
  int deleteByClassroom(@Param("classroom") Classroom classroom);
}
