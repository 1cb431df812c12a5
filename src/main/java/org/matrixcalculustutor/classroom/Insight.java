package org.matrixcalculustutor.classroom;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.matrixcalculustutor.algebra.Declaration;
import org.matrixcalculustutor.algebra.Declarations;
import org.matrixcalculustutor.algebra.Expr;
import org.matrixcalculustutor.algebra.LatexPrinter;
import org.matrixcalculustutor.algebra.Renamer;
import org.matrixcalculustutor.algebra.TextPrinter;
import org.matrixcalculustutor.derivation.DerivationChecker;
import org.matrixcalculustutor.engine.Analysis;
import org.matrixcalculustutor.engine.Engine;
import org.matrixcalculustutor.exercises.Exercise;
import org.matrixcalculustutor.exercises.ExerciseBank;
import org.matrixcalculustutor.exercises.ExerciseChecker;
import org.matrixcalculustutor.exercises.Variant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the teacher reads about answers: a student's attempts with each answer typeset, and a
 * class's answers to one exercise grouped by diagnosis. Students answer their own variants (other
 * symbol names), so on an exercise's page every answer is renamed back to the exercise's own
 * symbols before answers are compared and counted.
 */
@Component
class Insight {

  /** How many distinct answers a group lists; the rest are counted. */
  static final int ANSWERS_SHOWN = 10;

  private final ClassroomService classrooms;
  private final ExerciseBank bank;
  private final ExerciseChecker checker;
  private final Engine engine;

  Insight(ClassroomService classrooms, ExerciseBank bank, ExerciseChecker checker, Engine engine) {
    this.classrooms = classrooms;
    this.bank = bank;
    this.checker = checker;
    this.engine = engine;
  }

  /** An answer as typed, and typeset when it still parses (null latex otherwise). */
  record Answer(String text, String latex) {}

  /**
   * One attempt on the teacher's page of a student.
   *
   * @param solutionViewed whether the student had opened the worked solution before answering (the
   *     stored mark the gradebook's "after viewing the solution" and the attempt log's "yes" come from)
   * @param work the derivation the student showed, line by line; empty when none
   * @param wrongStep where the shown work first went wrong and how ("line 2: a transpose lost"), or null
   * @param assigned whether the class still assigns the exercise (if not, the attempt counts nowhere)
   */
  record AttemptRow(long id, String at, String exerciseId, String exerciseTitle, long seed, Answer answer,
      String verdict, List<String> diagnoses, boolean late, boolean solutionViewed, List<WorkLine> work,
      String wrongStep, boolean assigned) {

    public boolean isCorrect() {
      return "correct".equals(verdict);
    }
  }

  /**
   * A line of shown work as stored: its text, typeset when it still reads, and its mark.
   *
   * @param status correct, incorrect, invalid (or unknown)
   */
  record WorkLine(String text, String latex, String status) {

    /** The mark beside the line. */
    public String mark() {
      return switch (status) {
        case "correct" -> "✓";
        case "incorrect" -> "✗";
        default -> "?";
      };
    }
  }

  /**
   * The attempts whose shown work went wrong with one slip, with the steps themselves.
   *
   * @param id the slip's code
   * @param title the slip in words
   * @param attempts how many attempts
   * @param students how many students
   * @param steps the wrong steps, in the exercise's own symbols: the last right line and the wrong one
   */
  record SlipGroup(String id, String title, long attempts, long students, List<WrongStep> steps) {

    public String attemptsLabel() {
      return Words.count(attempts, "attempt");
    }

    public String studentsLabel() {
      return Words.count(students, "student");
    }
  }

  /**
   * One wrong step of shown work.
   *
   * @param student who made it
   * @param line its line number, from 1
   * @param before the line before it (typeset), or null when it was the first
   * @param wrong the wrong line (typeset), as a WorkLine
   */
  record WrongStep(String student, int line, WorkLine before, WorkLine wrong) {}

  /** One distinct answer (in the exercise's own symbols), how often it was given and by whom. */
  record AnswerCount(Answer answer, long count, List<String> students, List<String> diagnoses) {

    public String countLabel() {
      return Words.count(count, "time");
    }
  }

  /** The attempts that share one diagnosis (or are correct, or have none), with their answers. */
  record DiagnosisGroup(String id, String title, long attempts, long students, List<AnswerCount> answers,
      long moreAnswers) {

    public String attemptsLabel() {
      return Words.count(attempts, "attempt");
    }

    public String studentsLabel() {
      return Words.count(students, "student");
    }
  }

  /** A class's answers to one exercise, and the wrong steps of their shown work by slip. */
  record ExerciseAnswers(String exerciseId, String title, String functionLatex, String variable, long attempts,
      long students, long solved, List<DiagnosisGroup> groups, List<AnswerCount> commonWrong,
      List<SlipGroup> wrongSteps) {

    public String summary() {
      return Words.count(students, "student") + " tried, " + solved + " solved, "
          + Words.count(attempts, "attempt") + " in all";
    }
  }

  @Transactional(readOnly = true)
  public List<AttemptRow> attempts(Student student) {
    Classroom classroom = student.getClassroom();
    Map<String, Answer> typeset = new HashMap<>();
    List<String> assigned = classroom.getExerciseIds();
    return classrooms.attemptsOf(student).stream().map(a -> new AttemptRow(a.getId(),
        Words.time(a.getCreatedAt(), classroom.getZone()), a.getExerciseId(), classrooms.title(a.getExerciseId()),
        a.getSeed(), typeset.computeIfAbsent(a.getExerciseId() + "#" + a.getSeed() + "#" + a.getAnswer(),
            k -> asTyped(a)), a.getVerdict(), Words.diagnoses(a.getDiagnosisCodes()),
        classroom.isLate(a.getCreatedAt()), a.isSolutionViewed(), work(a, Map.of()), wrongStep(a),
        assigned.contains(a.getExerciseId()))).toList();
  }

  /** "line 2: a transpose lost", or null when the attempt's shown work has no wrong step. */
  private static String wrongStep(Attempt a) {
    if (!a.hasWork() || a.getSlipLine() == null) {
      return null;
    }
    return "line " + (a.getSlipLine() + 1) + (a.getSlip() == null ? " is not right" : ": " + Words.slip(a.getSlip()));
  }

  /** The attempt's shown work, each line typeset in its variant's symbols (renamed by back, if given). */
  private List<WorkLine> work(Attempt a, Map<String, String> back) {
    if (!a.hasWork()) {
      return List.of();
    }
    Optional<Exercise> exercise = bank.find(a.getExerciseId());
    org.matrixcalculustutor.algebra.Declarations declarations = null;
    String variable = null;
    if (exercise.isPresent()) {
      try {
        Variant variant = checker.variant(exercise.get(), a.getSeed());
        declarations = Declarations.parse(variant.declarations(), engine.limits());
        variable = variant.variable();
      } catch (RuntimeException changed) {
        declarations = null; // a changed exercise: the lines show as typed
      }
    }
    List<String> lines = a.getWorkLines();
    List<WorkLine> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String latex = declarations == null ? null
          : DerivationChecker.latex(lines.get(i), declarations, variable, engine.limits(), back);
      out.add(new WorkLine(lines.get(i), latex, switch (a.workMark(i)) {
        case 'c' -> "correct";
        case 'x' -> "incorrect";
        case 'i' -> "invalid";
        default -> "unknown";
      }));
    }
    return out;
  }

  @Transactional(readOnly = true)
  public ExerciseAnswers exercise(Classroom classroom, String exerciseId) {
    Exercise exercise = bank.find(exerciseId).orElse(null);
    List<Attempt> all = classrooms.attemptsAt(classroom, exerciseId);
    Map<String, Answer> canonical = new HashMap<>();
    Map<Long, Map<String, String>> renamings = new HashMap<>();
    List<Given> given = new ArrayList<>();
    for (Attempt a : all) {
      Answer answer = canonical.computeIfAbsent(a.getSeed() + "#" + a.getAnswer(),
          k -> inExerciseSymbols(exercise, a, renamings));
      given.add(new Given(a, answer));
    }

    Map<String, List<Given>> byGroup = new LinkedHashMap<>();
    for (Given g : given) {
      if (g.attempt().isCorrect()) {
        byGroup.computeIfAbsent("correct", k -> new ArrayList<>()).add(g);
      } else if (g.attempt().getDiagnosisCodes().isEmpty()) {
        byGroup.computeIfAbsent("other", k -> new ArrayList<>()).add(g);
      } else {
        for (String code : g.attempt().getDiagnosisCodes()) {
          byGroup.computeIfAbsent(code, k -> new ArrayList<>()).add(g);
        }
      }
    }
    List<DiagnosisGroup> groups = new ArrayList<>();
    byGroup.forEach((id, members) -> {
      List<AnswerCount> answers = counted(members);
      groups.add(new DiagnosisGroup(id, groupTitle(id), members.size(),
          members.stream().map(g -> g.attempt().getStudent().getId()).distinct().count(),
          answers.stream().limit(ANSWERS_SHOWN).toList(), Math.max(0, answers.size() - ANSWERS_SHOWN)));
    });
    // mistakes first, the most frequent first; unexplained mistakes, then correct answers, last
    groups.sort(Comparator.comparingInt((DiagnosisGroup g) -> g.id().equals("correct") ? 2 : g.id().equals("other") ? 1 : 0)
        .thenComparing(Comparator.comparingLong(DiagnosisGroup::attempts).reversed())
        .thenComparing(DiagnosisGroup::title));

    List<AnswerCount> commonWrong = counted(given.stream().filter(g -> !g.attempt().isCorrect()).toList())
        .stream().limit(ANSWERS_SHOWN).toList();
    String functionLatex = null;
    String variable = null;
    if (exercise != null) {
      functionLatex = engine.analyze(exercise.function(), exercise.declarations()).latex();
      variable = exercise.variable();
    }
    return new ExerciseAnswers(exerciseId, classrooms.title(exerciseId), functionLatex, variable, all.size(),
        all.stream().map(a -> a.getStudent().getId()).distinct().count(),
        all.stream().filter(Attempt::isCorrect).map(a -> a.getStudent().getId()).distinct().count(),
        groups, commonWrong, wrongSteps(exercise, all, renamings));
  }

  /** The attempts with a wrong step in their shown work, by slip, the most frequent first. */
  private List<SlipGroup> wrongSteps(Exercise exercise, List<Attempt> all, Map<Long, Map<String, String>> renamings) {
    Map<String, List<Attempt>> bySlip = new LinkedHashMap<>();
    for (Attempt a : all) {
      if (a.hasWork() && a.getSlipLine() != null) {
        bySlip.computeIfAbsent(a.getSlip() == null ? "UNNAMED" : a.getSlip(), k -> new ArrayList<>()).add(a);
      }
    }
    List<SlipGroup> groups = new ArrayList<>();
    bySlip.forEach((code, attempts) -> {
      List<WrongStep> steps = new ArrayList<>();
      for (Attempt a : attempts.stream().limit(ANSWERS_SHOWN).toList()) {
        Map<String, String> back = exercise == null ? Map.of()
            : renamings.computeIfAbsent(a.getSeed(), seed -> backToExercise(exercise, seed));
        List<WorkLine> lines = work(a, back);
        int at = a.getSlipLine();
        if (at < lines.size()) {
          steps.add(new WrongStep(a.getStudent().getDisplayName(), at + 1, at > 0 ? lines.get(at - 1) : null,
              lines.get(at)));
        }
      }
      groups.add(new SlipGroup(code, Words.slip(code), attempts.size(),
          attempts.stream().map(a -> a.getStudent().getId()).distinct().count(), steps));
    });
    groups.sort(Comparator.comparingLong(SlipGroup::attempts).reversed().thenComparing(SlipGroup::title));
    return groups;
  }

  private record Given(Attempt attempt, Answer answer) {}

  private static String groupTitle(String id) {
    return switch (id) {
      case "correct" -> "correct";
      case "other" -> "wrong, without a diagnosis";
      default -> Words.diagnosis(id);
    };
  }

  /** Distinct answers of the group, the most frequent first. */
  private static List<AnswerCount> counted(List<Given> members) {
    Map<String, List<Given>> byAnswer = new LinkedHashMap<>();
    for (Given g : members) {
      byAnswer.computeIfAbsent(g.answer().text(), k -> new ArrayList<>()).add(g);
    }
    List<AnswerCount> counts = new ArrayList<>();
    byAnswer.values().forEach(same -> {
      Set<String> students = new LinkedHashSet<>();
      Set<String> diagnoses = new LinkedHashSet<>();
      same.forEach(g -> {
        students.add(g.attempt().getStudent().getDisplayName());
        diagnoses.addAll(Words.diagnoses(g.attempt().getDiagnosisCodes()));
      });
      counts.add(new AnswerCount(same.get(0).answer(), same.size(), students.stream().sorted(NameOrder.NAMES).toList(),
          List.copyOf(diagnoses)));
    });
    counts.sort(Comparator.comparingLong(AnswerCount::count).reversed());
    return counts;
  }

  /** The answer as the student typed it, typeset in their own variant's symbols. */
  private Answer asTyped(Attempt attempt) {
    return parse(attempt).map(a -> new Answer(attempt.getAnswer(), a.latex()))
        .orElse(new Answer(attempt.getAnswer(), null));
  }

  /** The answer in the exercise's own symbols, printed canonically so equal answers compare equal. */
  private Answer inExerciseSymbols(Exercise exercise, Attempt attempt, Map<Long, Map<String, String>> renamings) {
    Optional<Analysis> parsed = parse(attempt);
    if (parsed.isEmpty() || exercise == null) {
      return new Answer(attempt.getAnswer().strip(), null);
    }
    Map<String, String> back = renamings.computeIfAbsent(attempt.getSeed(), seed -> backToExercise(exercise, seed));
    Expr renamed = Renamer.rename(parsed.get().expr(), back);
    Declarations declared = Renamer.rename(parsed.get().typing().declarations(), back); // x'*x divides
    return new Answer(TextPrinter.print(renamed, declared), LatexPrinter.print(renamed, declared));
  }

  private Optional<Analysis> parse(Attempt attempt) {
    Optional<Exercise> exercise = bank.find(attempt.getExerciseId());
    if (exercise.isEmpty()) {
      return Optional.empty();
    }
    try {
      Variant variant = checker.variant(exercise.get(), attempt.getSeed());
      return Optional.of(engine.analyze(attempt.getAnswer(), variant.declarations()));
    } catch (RuntimeException e) {
      // stored answers parsed when they were graded; a changed exercise may no longer take one
      return Optional.empty();
    }
  }

  /**
   * The renaming from a variant's symbols back to the exercise's: a variant renames the
   * exercise's declarations in place, so the two lists pair up by position.
   */
  private Map<String, String> backToExercise(Exercise exercise, long seed) {
    if (seed == 0) {
      return Map.of();
    }
    try {
      List<Declaration> base = List.copyOf(engine.analyze(exercise.function(), exercise.declarations())
          .typing().declarations().all());
      List<Declaration> variant = List.copyOf(Declarations.parse(checker.variant(exercise, seed).declarations(),
          engine.limits()).all());
      if (base.size() != variant.size()) {
        return Map.of();
      }
      Map<String, String> back = new HashMap<>();
      for (int i = 0; i < base.size(); i++) {
        back.put(variant.get(i).name(), base.get(i).name());
      }
      return back;
    } catch (RuntimeException e) {
      return Map.of();
    }
  }
}
