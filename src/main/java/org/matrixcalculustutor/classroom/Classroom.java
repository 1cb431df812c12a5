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
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.matrixcalculustutor.exercises.SolutionRule;

/**
 * A class: its teacher, its join code and the exercises assigned to it, in order; the time zone its
 * times are shown in, an optional deadline, and whether it is closed (no new students or attempts)
 * or archived (closed and out of the teacher's list).
 */
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

  @Column(name = "time_zone", nullable = false)
  private String timeZone = "UTC";

  @Column(name = "deadline")
  private Instant deadline;

  @Column(name = "closed_at")
  private Instant closedAt;

  @Column(name = "archived_at")
  private Instant archivedAt;

  protected Classroom() {}

  Classroom(Teacher teacher, String name, String joinCode, List<String> exerciseIds, ZoneId zone) {
    this.teacher = teacher;
    this.name = name;
    this.joinCode = joinCode;
    this.exerciseIds = new ArrayList<>(exerciseIds);
    this.timeZone = zone.getId();
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

  void setName(String name) {
    this.name = name;
  }

  void setExerciseIds(List<String> exerciseIds) {
    this.exerciseIds.clear();
    this.exerciseIds.addAll(exerciseIds);
  }

  /** The zone the class's times are shown in (gradebook, student pages, CSV). */
  public ZoneId getZone() {
    return ZoneId.of(timeZone);
  }

  void setZone(ZoneId zone) {
    this.timeZone = zone.getId();
  }

  /** The deadline, or null: attempts after it are kept and marked late. */
  public Instant getDeadline() {
    return deadline;
  }

  void setDeadline(Instant deadline) {
    this.deadline = deadline;
  }

  public boolean isLate(Instant at) {
    return deadline != null && at.isAfter(deadline);
  }

  public Instant getClosedAt() {
    return closedAt;
  }

  /** A closed class takes no new students and records no new attempts; its gradebook is read-only. */
  public boolean isClosed() {
    return closedAt != null;
  }

  void setClosedAt(Instant closedAt) {
    this.closedAt = closedAt;
  }

  public boolean isArchived() {
    return archivedAt != null;
  }

  void setArchivedAt(Instant archivedAt) {
    this.archivedAt = archivedAt;
  }
}
