package org.matrixcalculustutor.exercises;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.matrixcalculustutor.derivation.Derivation;
import org.matrixcalculustutor.derivation.DerivationChecker;
import org.matrixcalculustutor.engine.Derivative;
import org.matrixcalculustutor.grading.Grade;
import org.matrixcalculustutor.grading.Verdict;
import org.matrixcalculustutor.web.RateLimiter;
import org.matrixcalculustutor.web.EngineGate;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The bank and its checks over JSON. */
@RestController
class ExerciseApiController {

  private final ExerciseBank bank;
  private final ExerciseChecker checker;
  private final Learners learners;
  private final RateLimiter rateLimiter;
  private final EngineGate gate;

  ExerciseApiController(ExerciseBank bank, ExerciseChecker checker, Learners learners, RateLimiter rateLimiter,
      EngineGate gate) {
    this.bank = bank;
    this.checker = checker;
    this.learners = learners;
    this.rateLimiter = rateLimiter;
    this.gate = gate;
  }

  record ExerciseSummary(String id, String title, String topic, int level, String function, String variable,
      String declarations, String layout, int hints) {}

  /**
   * An answer to an exercise, its derivation line by line (lines, beside or instead of the answer),
   * or both; showSolution asks for the solution with the grade, which a class's student gets only
   * when the class's rule allows it (the reveal is then recorded).
   */
  record AttemptRequest(String answer, Long seed, Boolean showSolution, List<String> lines) {}

  record CheckRequest(String expression, String variable, String declarations, String layout, Integer order,
      String answer) {}

  /** A derivation of any problem's first derivative: "df = ...", then "= ...", one step a line. */
  record DerivationCheckRequest(String expression, String variable, String declarations, String layout,
      List<String> lines) {}

  /** What an attempt's engine work found: the answer's grade and the derivation's check, either may be absent. */
  private record Checked(Grade grade, Derivation work, Derivative expected) {}

  @GetMapping("/api/exercises")
  List<ExerciseSummary> exercises() {
    return bank.all().stream().map(e -> new ExerciseSummary(e.id(), e.title().plain(), e.topic(), e.level(),
        e.function(), e.variable(), e.declarations(), e.layout(), e.hints().size())).toList();
  }

  @PostMapping("/api/exercises/{id}/attempts")
  GradeResponse attempt(@PathVariable String id, @RequestBody AttemptRequest request, HttpServletRequest http) {
    Exercise exercise = bank.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
        "there is no exercise '" + id + "'"));
    Optional<Learners.Learner> learner = learners.current(http);
    long seed = learner.map(l -> l.seedFor(id)).orElse(request.seed() == null ? 0 : request.seed());
    rateLimiter.attempt(learner.map(Learners.Learner::id).orElse(null), http.getRemoteAddr());
    EngineGate.Client client = learner.map(l -> EngineGate.Client.student(l.id()))
        .orElseGet(() -> EngineGate.Client.anonymous(http));
    List<String> lines = request.lines();
    boolean work = lines != null && !lines.isEmpty();
    if (work) {
      DerivationChecker.requireBounds(lines, checker.limits()); // before any parsing
    }
    boolean answered = !work || (request.answer() != null && !request.answer().isBlank());
    Checked checked = gate.run(http, client, () -> new Checked(
        answered ? checker.attempt(exercise, seed, request.answer()) : null,
        work ? checker.derivation(exercise, seed, lines) : null,
        checker.expected(checker.variant(exercise, seed))));
    Grade grade = checked.grade();
    Derivation derivation = checked.work();
    ShownWork shown = work ? ShownWork.of(lines, derivation) : null;
    boolean asked = Boolean.TRUE.equals(request.showSolution());
    boolean solution = answered ? grade.correct() : derivation.correct();
    if (learner.isPresent()) {
      Learners.Learner l = learner.get();
      if (answered && grade.verdict() != Verdict.INVALID) {
        learners.record(l, id, seed, Learners.Outcome.of(request.answer(), grade, shown));
      } else if (answered && grade.shapeSlip()) {
        learners.slip(l, id, seed, request.answer());
      } else if (!answered && (derivation.verdict() == Derivation.Verdict.CORRECT
          || derivation.verdict() == Derivation.Verdict.INCORRECT)) {
        learners.record(l, id, seed, workOutcome(lines, derivation, shown));
      }
      Learners.Standing standing = learners.standing(l);
      if (asked && !solution && standing.solutions().allows(standing.on(id))) {
        learners.solutionShown(l, id, seed);
        solution = true;
      }
    } else {
      solution |= asked;
    }
    return answered ? GradeResponse.of(grade, id, seed, solution, derivation)
        : GradeResponse.of(derivation, checked.expected(), id, seed, solution);
  }

  /**
   * A derivation without an answer as an attempt: its answer is the derivative read off the last
   * line (else the last line as typed), its diagnoses those of that read-off.
   */
  static Learners.Outcome workOutcome(List<String> lines, Derivation derivation, ShownWork shown) {
    String last = lines.get(lines.size() - 1);
    String answer = derivation.readOff() != null ? derivation.readOff().text() : last == null ? "" : last.strip();
    List<String> diagnoses = derivation.readOffGrade() == null ? List.of()
        : derivation.readOffGrade().diagnoses().stream().map(d -> d.code().name()).toList();
    return new Learners.Outcome(answer.length() > 2000 ? answer.substring(0, 2000) : answer,
        derivation.verdict().word(), diagnoses, shown);
  }

  /**
   * Checks a derivation line by line: each line against the true differential, the first wrong one
   * diagnosed, the last read off. Carries the engine's own derivation from the last right line.
   */
  @PostMapping("/api/derivation/check")
  DerivationResponse derivation(@RequestBody DerivationCheckRequest request, HttpServletRequest http) {
    DerivationChecker.requireBounds(request.lines(), checker.limits()); // before any parsing
    return gate.run(http, EngineGate.Client.anonymous(http), () -> DerivationResponse.of(checker.derivation(
        request.expression(), request.variable(), request.declarations(), request.layout(), request.lines()), true));
  }

  @PostMapping("/api/check")
  GradeResponse check(@RequestBody CheckRequest request, HttpServletRequest http) {
    return gate.run(http, EngineGate.Client.anonymous(http), () -> GradeResponse.of(checker.check(
        request.expression(), request.variable(), request.declarations(), request.layout(),
        request.order() == null ? 1 : request.order(), request.answer()), null, null, true));
  }
}
