package org.matrixcalculustutor.classroom;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * A personal re-entry link a teacher hands to a student: its own random value (never a cookie's),
 * stored hashed, used once, and void after {@link #LIFETIME}.
 */
@Entity
@Table(name = "reentry_link")
class ReentryLink {

  static final Duration LIFETIME = Duration.ofDays(7);

  @Id
  @Column(name = "token_hash")
  private String tokenHash;

  @ManyToOne(optional = false, fetch = FetchType.EAGER)
  @JoinColumn(name = "student_id")
  private Student student;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  protected ReentryLink() {}

  ReentryLink(String tokenHash, Student student) {
    this.tokenHash = tokenHash;
    this.student = student;
    this.createdAt = Instant.now();
    this.expiresAt = createdAt.plus(LIFETIME);
  }

  Student getStudent() {
    return student;
  }

  Instant getExpiresAt() {
    return expiresAt;
  }

  boolean isValid(Instant now) {
    return now.isBefore(expiresAt);
  }
}
