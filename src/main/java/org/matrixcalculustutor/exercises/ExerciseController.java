package org.matrixcalculustutor.exercises;

import org.matrixcalculustutor.engine.Analysis;
import org.matrixcalculustutor.engine.Engine;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.matrixcalculustutor.grading.Grade;
import org.matrixcalculustutor.grading.Verdict;
import org.matrixcalculustutor.web.RateLimiter;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The exercise pages; an answer is a plain form post, so they work without JavaScript. */
@Controller
class ExerciseController {

  static final String LIST_VIEW = "exercises/list";
  static final String EXERCISE_VIEW = "exercises/exercise";

  private final ExerciseBank bank;
  private final ExerciseChecker checker;
  private final Engine engine;
  private final Learners learners;
  private final RateLimiter rateLimiter;

  ExerciseController(ExerciseBank bank, ExerciseChecker checker, Engine engine, Learners learners,
      RateLimiter rateLimiter) {
    this.bank = bank;
    this.checker = checker;
    this.engine = engine;
    this.learners = learners;
    this.rateLimiter = rateLimiter;
  }

  @GetMapping("/exercises")
  String list(Model model) {
    model.addAttribute("topics", bank.byTopic());
    model.addAttribute("count", bank.all().size());
    return LIST_VIEW;
  }

  @GetMapping("/exercises/{id}")
  String exercise(@PathVariable String id, @RequestParam(defaultValue = "0") long seed,
      @RequestParam(defaultValue = "0") int hints, HttpServletRequest request, Model model) {
    Exercise exercise = find(id);
    Optional<Learners.Learner> learner = learners.current(request);
    show(exercise, learner.map(l -> l.seedFor(id)).orElse(seed), hints, "", model);
    model.addAttribute("learner", learner.orElse(null));
    return EXERCISE_VIEW;
  }

  @PostMapping("/exercises/{id}")
  String attempt(@PathVariable String id, @RequestParam(defaultValue = "0") long seed,
      @RequestParam(defaultValue = "0") int hints, @RequestParam(defaultValue = "") String answer,
      HttpServletRequest request, Model model) {
    Exercise exercise = find(id);
    Optional<Learners.Learner> learner = learners.current(request);
    long variant = learner.map(l -> l.seedFor(id)).orElse(seed);
    show(exercise, variant, hints, answer, model);
    model.addAttribute("learner", learner.orElse(null));
    rateLimiter.attempt(learner.map(Learners.Learner::id).orElse(null), request.getRemoteAddr());
    Grade grade = checker.attempt(exercise, variant, answer);
    if (learner.isPresent() && grade.verdict() != Verdict.INVALID) {
      learners.record(learner.get(), id, variant, answer, grade);
    }
    model.addAttribute("grade", grade);
    return EXERCISE_VIEW;
  }

  private Exercise find(String id) {
    return bank.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }

  private void show(Exercise exercise, long seed, int hints, String answer, Model model) {
    Variant variant = checker.variant(exercise, seed);
    Analysis function = engine.analyze(variant.function(), variant.declarations());
    model.addAttribute("exercise", exercise);
    model.addAttribute("variant", variant);
    model.addAttribute("function", function);
    var expected = checker.expected(variant);
    model.addAttribute("kind", expected.kind().title());
    model.addAttribute("order", exercise.order());
    model.addAttribute("indexing", expected.indexing());
    model.addAttribute("seed", seed);
    model.addAttribute("hintsShown", Math.max(0, Math.min(hints, exercise.hints().size())));
    model.addAttribute("answer", answer);
  }
}
