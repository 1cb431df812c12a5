package org.matrixcalculustutor.classroom;

import java.util.List;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AttemptRepository extends JpaRepository<Attempt, Long> {

  List<Attempt> findByStudentOrderByCreatedAtDesc(Student student);

  @EntityGraph(attributePaths = "student")
  List<Attempt> findByStudentClassroomOrderByCreatedAtAsc(Classroom classroom);

  @EntityGraph(attributePaths = "student")
  List<Attempt> findByStudentClassroomAndExerciseIdOrderByCreatedAtAsc(Classroom classroom, String exerciseId);

  long countByStudent(Student student);

  /** How many attempts one student has stored. */
  interface AttemptCount {
    Long getStudentId();

    long getAttempts();
  }

  @Query("select a.student.id as studentId, count(a) as attempts from Attempt a"
      + " where a.student.classroom = :classroom group by a.student.id")
  List<AttemptCount> countByStudentIn(@Param("classroom") Classroom classroom);

  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("update Attempt a set a.student = :to where a.student = :from")
  int move(@Param("from") Student from, @Param("to") Student to);

  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("delete from Attempt a where a.student = :student")
  int deleteByStudent(@Param("student") Student student);

  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("delete from Attempt a where a.student.id in (select s.id from Student s where s.classroom = :classroom)")
  int deleteByClassroom(@Param("classroom") Classroom classroom);
}
