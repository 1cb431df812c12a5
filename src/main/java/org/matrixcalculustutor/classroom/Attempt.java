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
import java.util.Arrays;
import java.util.List;

/** One graded attempt: who, which exercise and variant, the answer, the verdict and diagnoses, when. */
@Entity
@Table(name = "attempt")
public class Attempt {

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

  @Column(nullable = false)
  private String verdict;

  /** Diagnosis codes, comma separated; empty for a correct answer. */
  @Column(nullable = false)
  private String diagnoses;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  /** Whether the student had asked for the solution before this attempt. */
  @Column(name = "solution_viewed", nullable = false)
  private boolean solutionViewed;

  protected Attempt() {}

  Attempt(Student student, String exerciseId, long seed, String answer, String verdict, List<String> diagnoses) {
    this.student = student;
    this.exerciseId = exerciseId;
    this.seed = seed;
    this.answer = answer;
    this.verdict = verdict;
    this.diagnoses = String.join(",", diagnoses);
    this.createdAt = Instant.now();
  }

  public Long getId() {
    return id;
  }

  public Student getStudent() {
    return student;
  }

  public String getExerciseId() {
    return exerciseId;
  }

  public long getSeed() {
    return seed;
  }

  public String getAnswer() {
    return answer;
  }

  public String getVerdict() {
    return verdict;
  }

  public boolean isCorrect() {
    return "correct".equals(verdict);
  }

  public List<String> getDiagnosisCodes() {
    return diagnoses.isEmpty() ? List.of() : Arrays.asList(diagnoses.split(","));
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public boolean isSolutionViewed() {
    return solutionViewed;
  }

  void setSolutionViewed(boolean solutionViewed) {
    this.solutionViewed = solutionViewed;
  }
}
