package org.matrixcalculustutor.classroom;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.matrixcalculustutor.exercises.SolutionRule;

/** A class: its teacher, its join code and the exercises assigned to it, in order. */
@Entity
@Table(name = "classroom")
public class Classroom {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.EAGER)
  @JoinColumn(name = "teacher_id")
  private Teacher teacher;

  @Column(nullable = false)
  private String name;

  @Column(name = "join_code", nullable = false, unique = true)
  private String joinCode;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  /** When students may see a solution: a {@link SolutionRule.When}, with solutionAfter wrong attempts. */
  @Column(name = "solution_when", nullable = false)
  private String solutionWhen = SolutionRule.DEFAULT.when().name();

  @Column(name = "solution_after", nullable = false)
  private int solutionAfter = SolutionRule.DEFAULT.wrongAttempts();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "classroom_exercise", joinColumns = @JoinColumn(name = "classroom_id"))
  @OrderColumn(name = "position")
  @Column(name = "exercise_id")
  private List<String> exerciseIds = new ArrayList<>();

  protected Classroom() {}

  Classroom(Teacher teacher, String name, String joinCode, List<String> exerciseIds) {
    this.teacher = teacher;
    this.name = name;
    this.joinCode = joinCode;
    this.exerciseIds = new ArrayList<>(exerciseIds);
    this.createdAt = Instant.now();
  }

  public Long getId() {
    return id;
  }

  public Teacher getTeacher() {
    return teacher;
  }

  public String getName() {
    return name;
  }

  public String getJoinCode() {
    return joinCode;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public List<String> getExerciseIds() {
    return List.copyOf(exerciseIds);
  }

  public SolutionRule getSolutionRule() {
    return new SolutionRule(SolutionRule.When.parse(solutionWhen), solutionAfter);
  }

  void setSolutionRule(SolutionRule rule) {
    this.solutionWhen = rule.when().name();
    this.solutionAfter = rule.wrongAttempts();
  }
}
