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

/** A student asked for the solution of an exercise: the gradebook says so beside their result. */
@Entity
@Table(name = "solution_view")
public class SolutionView {

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

  @Column(name = "viewed_at", nullable = false)
  private Instant viewedAt;

  protected SolutionView() {}

  SolutionView(Student student, String exerciseId, long seed) {
    this.student = student;
    this.exerciseId = exerciseId;
    this.seed = seed;
    this.viewedAt = Instant.now();
  }

  public Student getStudent() {
    return student;
  }

  public String getExerciseId() {
    return exerciseId;
  }

  public Instant getViewedAt() {
    return viewedAt;
  }
}
