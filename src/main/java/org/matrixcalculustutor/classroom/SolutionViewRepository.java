package org.matrixcalculustutor.classroom;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface SolutionViewRepository extends JpaRepository<SolutionView, Long> {

  List<SolutionView> findByStudent(Student student);

  boolean existsByStudentAndExerciseId(Student student, String exerciseId);

  List<SolutionView> findByStudentClassroom(Classroom classroom);

  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("update SolutionView v set v.student = :to where v.student = :from")
  int move(@Param("from") Student from, @Param("to") Student to);

  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("delete from SolutionView v where v.student = :student")
  int deleteByStudent(@Param("student") Student student);

  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("delete from SolutionView v where v.student.id in (select s.id from Student s where s.classroom = :classroom)")
  int deleteByClassroom(@Param("classroom") Classroom classroom);
}
