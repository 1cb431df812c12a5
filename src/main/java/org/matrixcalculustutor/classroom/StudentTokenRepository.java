package org.matrixcalculustutor.classroom;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface StudentTokenRepository extends JpaRepository<StudentToken, String> {

  long countByStudent(Student student);

  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("delete from StudentToken t where t.student = :student")
  int deleteByStudent(@Param("student") Student student);

  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("update StudentToken t set t.student = :to where t.student = :from")
  int move(@Param("from") Student from, @Param("to") Student to);

  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("delete from StudentToken t where t.student.id in (select s.id from Student s where s.classroom = :classroom)")
  int deleteByClassroom(@Param("classroom") Classroom classroom);
}
