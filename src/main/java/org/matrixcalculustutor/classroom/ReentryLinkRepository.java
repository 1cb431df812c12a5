package org.matrixcalculustutor.classroom;

import java.time.Instant;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ReentryLinkRepository extends JpaRepository<ReentryLink, String> {

  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("delete from ReentryLink l where l.student = :student")
  int deleteByStudent(@Param("student") Student student);

  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("update ReentryLink l set l.student = :to where l.student = :from")
  int move(@Param("from") Student from, @Param("to") Student to);

  /** Removes one link; 1 when this call used it, 0 when another request had already. */
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("delete from ReentryLink l where l.tokenHash = :hash")
  int use(@Param("hash") String hash);

  @Modifying
  @Query("delete from ReentryLink l where l.expiresAt < :now")
  int deleteExpired(@Param("now") Instant now);

  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("delete from ReentryLink l where l.student.id in (select s.id from Student s where s.classroom = :classroom)")
  int deleteByClassroom(@Param("classroom") Classroom classroom);
}
