package org.matrixcalculustutor.classroom;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A student of one class. Students have no password: a long random token in a cookie brings them
 * back (one per browser, see {@link StudentToken}); only its SHA-256 hash is stored, so the
 * database alone cannot impersonate anyone.
 */
@Entity
@Table(name = "student")
public class Student {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.EAGER)
  @JoinColumn(name = "classroom_id")
  private Classroom classroom;

  @Column(name = "display_name", nullable = false)
  private String displayName;

  @Column(name = "student_number")
  private String studentNumber;

  @Column(name = "joined_at", nullable = false)
  private Instant joinedAt;

  protected Student() {}

  Student(Classroom classroom, String displayName, String studentNumber) {
    this.classroom = classroom;
    this.displayName = displayName;
    this.studentNumber = studentNumber;
    this.joinedAt = Instant.now();
  }

  public Long getId() {
    return id;
  }

  public Classroom getClassroom() {
    return classroom;
  }

  public String getDisplayName() {
    return displayName;
  }

  public String getStudentNumber() {
    return studentNumber;
  }

  public Instant getJoinedAt() {
    return joinedAt;
  }

  void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  void setStudentNumber(String studentNumber) {
    this.studentNumber = studentNumber;
  }
}
