package org.matrixcalculustutor.classroom;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ValidationSlipRepository extends JpaRepository<ValidationSlip, Long> {

  List<ValidationSlip> findByStudentClassroom(Classroom classroom);

  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("update ValidationSlip v set v.student = :to where v.student = :from")
  int move(@Param("from") Student from, @Param("to") Student to);

  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("delete from ValidationSlip v where v.student = :student")
  int deleteByStudent(@Param("student") Student student);

  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("delete from ValidationSlip v where v.student.id in (select s.id from Student s where s.classroom = :classroom)")
  int deleteByClassroom(@Param("classroom") Classroom classroom);
}
