package org.matrixcalculustutor.classroom;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** The hash of one browser's cookie token: a student signed in on three devices has three. */
@Entity
@Table(name = "student_token")
class StudentToken {

  @Id
  @Column(name = "token_hash")
  private String tokenHash;

  @ManyToOne(optional = false, fetch = FetchType.EAGER)
  @JoinColumn(name = "student_id")
  private Student student;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected StudentToken() {}

  StudentToken(String tokenHash, Student student) {
    this.tokenHash = tokenHash;
    this.student = student;
    this.createdAt = Instant.now();
  }

  Student getStudent() {
    return student;
  }
}
