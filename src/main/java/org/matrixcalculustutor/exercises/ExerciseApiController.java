package org.matrixcalculustutor.exercises;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
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
   * An answer to an exercise; showSolution asks for the solution with the grade, which a class's
   * student gets only when the class's rule allows it (the reveal is then recorded).
   */
  record AttemptRequest(String answer, Long seed, Boolean showSolution) {}

  record CheckRequest(String expression, String variable, String declarations, String layout, Integer order,
      String answer) {}

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
    Grade grade = gate.run(http, client, () -> checker.attempt(exercise, seed, request.answer()));
    boolean asked = Boolean.TRUE.equals(request.showSolution());
    boolean solution = grade.correct();
    if (learner.isPresent()) {
      Learners.Learner l = learner.get();
      if (grade.verdict() != Verdict.INVALID) {
        learners.record(l, id, seed, request.answer(), grade);
      } else if (grade.shapeSlip()) {
        learners.slip(l, id, seed, request.answer());
      }
      Learners.Standing standing = learners.standing(l);
      if (asked && !solution && standing.solutions().allows(standing.on(id))) {
        learners.solutionShown(l, id, seed);
        solution = true;
      }
    } else {
      solution |= asked;
    }
    return GradeResponse.of(grade, id, seed, solution);
  }

  @PostMapping("/api/check")
  GradeResponse check(@RequestBody CheckRequest request, HttpServletRequest http) {
    return gate.run(http, EngineGate.Client.anonymous(http), () -> GradeResponse.of(checker.check(
        request.expression(), request.variable(), request.declarations(), request.layout(),
        request.order() == null ? 1 : request.order(), request.answer()), null, null, true));
  }
}
