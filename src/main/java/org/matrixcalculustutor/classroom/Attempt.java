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

  /** The derivation shown with the attempt, a line of it per line of text; null when none was shown. */
  @Column(length = 82000)
  private String work;

  /** A mark per line of the work: c correct, x incorrect, i invalid. */
  @Column(name = "work_marks", length = 40)
  private String workMarks;

  /** The slip of the work's first wrong line (a Slip's name), or null. */
  @Column(length = 40)
  private String slip;

  /** The index (from 0) of the work's first line that is not correct, or null. */
  @Column(name = "slip_line")
  private Integer slipLine;

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

  /** The lines of the work shown, or an empty list. */
  public List<String> getWorkLines() {
    return work == null ? List.of() : Arrays.asList(work.split("\n", -1));
  }

  public boolean hasWork() {
    return work != null;
  }

  /** The mark of line i of the work: 'c', 'x', 'i', or '?' when unknown. */
  public char workMark(int i) {
    return workMarks != null && i < workMarks.length() ? workMarks.charAt(i) : '?';
  }

  public String getSlip() {
    return slip;
  }

  public Integer getSlipLine() {
    return slipLine;
  }

  /** Stores a derivation with the attempt; lines hold no line breaks (they separate the stored lines). */
  void setWork(List<String> lines, String marks, String slip, Integer slipLine) {
    this.work = String.join("\n", lines);
    this.workMarks = marks;
    this.slip = slip;
    this.slipLine = slipLine;
  }
}
