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
 * An answer whose shapes clashed where one transpose would fix them: invalid and no attempt, but
 * counted in the class's "where it goes wrong", since a forgotten transpose is the subject's
 * commonest slip.
 */
@Entity
@Table(name = "validation_slip")
public class ValidationSlip {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "student_id")
  private Student student;

  @Column(name = "exercise_id", nullable = false)
  private String exerciseId;

  @Column(nullable = false)
  private long seed;

  @Column(nullable = false, length = 2000)
  private String answer;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected ValidationSlip() {}

  ValidationSlip(Student student, String exerciseId, long seed, String answer) {
    this.student = student;
    this.exerciseId = exerciseId;
    this.seed = seed;
    this.answer = answer;
    this.createdAt = Instant.now();
  }

  public String getExerciseId() {
    return exerciseId;
  }

  public String getAnswer() {
    return answer;
  }
}
