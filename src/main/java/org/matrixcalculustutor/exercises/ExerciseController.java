package org.matrixcalculustutor.exercises;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.matrixcalculustutor.algebra.Declaration;
import org.matrixcalculustutor.algebra.ExpressionException;
import org.matrixcalculustutor.derivation.Derivation;
import org.matrixcalculustutor.derivation.DerivationChecker;
import org.matrixcalculustutor.algebra.Expr;
import org.matrixcalculustutor.algebra.LatexPrinter;
import org.matrixcalculustutor.algebra.Property;
import org.matrixcalculustutor.engine.Analysis;
import org.matrixcalculustutor.engine.Derivative;
import org.matrixcalculustutor.engine.Engine;
import org.matrixcalculustutor.grading.Grade;
import org.matrixcalculustutor.grading.Verdict;
import org.matrixcalculustutor.lessons.LessonCatalog;
import org.matrixcalculustutor.syntax.SyntaxGuide;
import org.matrixcalculustutor.web.EngineGate;
import org.matrixcalculustutor.web.RateLimiter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The exercise pages. Every action is a plain form post that keeps the typed answer, so they work
 * without JavaScript: check the answer, show the next hint, show the solution (when the class
 * allows it; the reveal is stored with the student's record).
 */
@Controller
class ExerciseController {

  static final String LIST_VIEW = "exercises/list";
  static final String EXERCISE_VIEW = "exercises/exercise";

  /** The answer box's example: valid language, and the answer of no exercise (a test checks both). */
  static final String EXAMPLE = "(P + P')*z - 3*q";

  private final ExerciseBank bank;
  private final ExerciseChecker checker;
  private final Engine engine;
  private final Learners learners;
  private final RateLimiter rateLimiter;
  private final EngineGate gate;
  private final LessonCatalog lessons;

  ExerciseController(ExerciseBank bank, ExerciseChecker checker, Engine engine, Learners learners,
      RateLimiter rateLimiter, EngineGate gate, LessonCatalog lessons) {
    this.bank = bank;
    this.checker = checker;
    this.engine = engine;
    this.learners = learners;
    this.rateLimiter = rateLimiter;
    this.gate = gate;
    this.lessons = lessons;
  }

  /** A declaration as the problem states it: typeset, with its properties in words. */
  record DeclarationView(String latex, String words) {}

  /** An exercise in the list, with what a student in a class has done on it. */
  record Entry(Exercise exercise, String title, boolean assigned, boolean attempted, boolean solved) {}

  @GetMapping("/exercises")
  String list(HttpServletRequest request, Model model) {
    Optional<Learners.Learner> learner = learners.current(request);
    Optional<Learners.Standing> standing = learner.map(learners::standing);
    Map<String, List<Entry>> topics = new LinkedHashMap<>();
    bank.byTopic().forEach((topic, exercises) -> topics.put(topic, exercises.stream().map(e -> {
      long seed = learner.map(l -> l.seedFor(e.id())).orElse(0L);
      SolutionRule.Progress progress = standing.map(s -> s.on(e.id())).orElse(SolutionRule.Progress.NONE);
      return new Entry(e, checker.variant(e, seed).title().tex(),
          standing.map(s -> s.assigned().contains(e.id())).orElse(false), progress.attempts() > 0, progress.solved());
    }).toList()));
    model.addAttribute("topics", topics);
    model.addAttribute("count", bank.all().size());
    model.addAttribute("learner", learner.orElse(null));
    return LIST_VIEW;
  }

  @GetMapping("/exercises/{id}")
  String exercise(@PathVariable String id, @RequestParam(defaultValue = "0") long seed,
      @RequestParam(defaultValue = "0") int hints, HttpServletRequest request, Model model) {
    Exercise exercise = find(id);
    Optional<Learners.Learner> learner = learners.current(request);
    Page page = show(exercise, learner, seed, hints, "", request, model);
    page.offerSolution(model);
    return EXERCISE_VIEW;
  }

  /** The lines of the "show your work" box: one step a line, blank lines skipped. */
  static List<String> lines(String work) {
    return work == null ? List.of() : java.util.Arrays.stream(work.split("\\R")).filter(l -> !l.isBlank()).toList();
  }

  /** The lines, or none (with the page's message) when they pass the bounds: checked before any parsing. */
  private List<String> bounded(List<String> lines, Model model) {
    if (lines.isEmpty()) {
      return lines;
    }
    try {
      DerivationChecker.requireBounds(lines, checker.limits());
      return lines;
    } catch (ExpressionException tooMuch) {
      model.addAttribute("workError", "Your work was not checked: " + tooMuch.getMessage() + ".");
      return List.of();
    }
  }

  /** What a check's engine work found: the answer's grade and the work's derivation, either may be absent. */
  private record Checked(Grade grade, Derivation work) {}

  @PostMapping("/exercises/{id}")
  String act(@PathVariable String id, @RequestParam(defaultValue = "0") long seed,
      @RequestParam(defaultValue = "0") int hints, @RequestParam(defaultValue = "") String answer,
      @RequestParam(defaultValue = "") String work, @RequestParam(defaultValue = "check") String action,
      HttpServletRequest request, HttpServletResponse response, Model model) {
    Exercise exercise = find(id);
    Optional<Learners.Learner> learner = learners.current(request);
    List<String> lines = bounded(lines(work), model);
    model.addAttribute("work", work);
    switch (action) {
      case "hint" -> {
        Page page = show(exercise, learner, seed, hints + 1, answer, request, model);
        model.addAttribute("focusHint", page.hintsShown());
        page.offerSolution(model);
      }
      case "solution" -> {
        Page page = show(exercise, learner, seed, hints, answer, request, model);
        if (page.solutionAllowed()) {
          learner.filter(l -> !page.progress().solved())
              .ifPresent(l -> learners.solutionShown(l, id, page.variant().seed()));
          Derivation derivation = page.workAllowed() && !lines.isEmpty() ? derivation(exercise, page, lines, request,
              learner, model) : null;
          if (derivation != null && derivation.continuedFrom() != null) {
            model.addAttribute("derivation", derivation);
            model.addAttribute("continuation", derivation.continuation()); // from their last right line
          } else {
            model.addAttribute("solution", checker.expected(page.variant()));
          }
        } else {
          page.offerSolution(model);
        }
      }
      default -> {
        Page page = show(exercise, learner, seed, hints, answer, request, model);
        rateLimiter.attempt(learner.map(Learners.Learner::id).orElse(null), request.getRemoteAddr());
        boolean withWork = page.workAllowed() && !lines.isEmpty();
        boolean answered = !withWork || !answer.isBlank();
        Checked checked;
        try {
          checked = gate.run(request, client(learner, request), () -> new Checked(
              answered ? checker.attempt(exercise, page.variant().seed(), answer) : null,
              withWork ? checker.derivation(exercise, page.variant().seed(), lines) : null));
        } catch (EngineGate.Refused busy) {
          response.setStatus(busy.getStatusCode().value());
          response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(busy.retryAfterSeconds()));
          model.addAttribute("notGraded", busy.getReason() + " Your answer was not graded and counts as no attempt.");
          page.offerSolution(model);
          return EXERCISE_VIEW;
        } catch (ExpressionException tooMuchWork) { // more lines than a derivation may have
          model.addAttribute("workError", tooMuchWork.getMessage());
          page.offerSolution(model);
          return EXERCISE_VIEW;
        }
        Grade grade = checked.grade();
        Derivation derivation = checked.work();
        ShownWork shown = derivation == null ? null : ShownWork.of(lines, derivation);
        model.addAttribute("derivation", derivation);
        if (grade != null) {
          model.addAttribute("grade", grade);
          model.addAttribute("syntaxLink", SyntaxGuide.linkFor(grade.error()));
        }
        learner.ifPresent(l -> {
          if (grade != null && grade.verdict() != Verdict.INVALID) {
            learners.record(l, id, page.variant().seed(), Learners.Outcome.of(answer, grade, shown));
          } else if (grade != null && grade.shapeSlip()) {
            learners.slip(l, id, page.variant().seed(), answer);
          } else if (grade == null && (derivation.verdict() == Derivation.Verdict.CORRECT
              || derivation.verdict() == Derivation.Verdict.INCORRECT)) {
            learners.record(l, id, page.variant().seed(), ExerciseApiController.workOutcome(lines, derivation, shown));
          }
        });
        boolean correct = grade != null ? grade.correct() : derivation.correct();
        if (correct) {
          model.addAttribute("solution", checker.expected(page.variant()));
          model.addAttribute("next", next(exercise, learner).orElse(null));
        } else {
          Page after = new Page(page.variant(), page.hintsShown(), page.rule(),
              learner.map(l -> learners.standing(l).on(id)).orElse(page.progress()), page.workAllowed());
          after.offerSolution(model);
        }
      }
    }
    return EXERCISE_VIEW;
  }

  private Exercise find(String id) {
    return bank.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }

  /**
   * What one request shows: the variant, the hints revealed, where the student stands, and whether
   * the exercise takes a derivation line by line (a first derivative of the six kinds).
   */
  private record Page(Variant variant, int hintsShown, SolutionRule rule, SolutionRule.Progress progress,
      boolean workAllowed) {

    boolean solutionAllowed() {
      return rule.allows(progress);
    }

    /** The "show the solution" button, or why it is not there yet. */
    void offerSolution(Model model) {
      model.addAttribute("solutionAllowed", solutionAllowed());
      model.addAttribute("solutionNote", solutionAllowed() ? null : rule.explain(progress));
    }
  }

  private static EngineGate.Client client(Optional<Learners.Learner> learner, HttpServletRequest request) {
    return learner.map(l -> EngineGate.Client.student(l.id())).orElseGet(() -> EngineGate.Client.anonymous(request));
  }

  /** A variant as the engine works it out: what the page of an exercise shows. */
  private record Worked(Variant variant, Analysis function, Derivative expected) {}

  private Page show(Exercise exercise, Optional<Learners.Learner> learner, long requestedSeed, int hints,
      String answer, HttpServletRequest request, Model model) {
    long seed = learner.map(l -> l.seedFor(exercise.id())).orElse(requestedSeed);
    Optional<Learners.Standing> standing = learner.map(learners::standing);
    Worked worked = gate.run(request, client(learner, request), () -> {
      Variant v = checker.variant(exercise, seed);
      return new Worked(v, engine.analyze(v.function(), v.declarations()), checker.expected(v));
    });
    Variant variant = worked.variant();
    Analysis function = worked.function();
    Derivative expected = worked.expected();
    int shown = Math.max(0, Math.min(hints, exercise.hints().size()));
    model.addAttribute("exercise", exercise);
    model.addAttribute("variant", variant);
    model.addAttribute("function", function);
    model.addAttribute("declarations", function.typing().declarations().all().stream()
        .map(ExerciseController::view).toList());
    model.addAttribute("variableLatex", LatexPrinter.print(new Expr.Symbol(variant.variable())));
    model.addAttribute("kind", expected.kind().title());
    model.addAttribute("order", exercise.order());
    model.addAttribute("indexing", expected.indexing());
    model.addAttribute("expectedShape", expected.shape().describe());
    model.addAttribute("seed", seed);
    model.addAttribute("hintsShown", shown);
    model.addAttribute("answer", answer);
    model.addAttribute("example", EXAMPLE);
    model.addAttribute("learner", learner.orElse(null));
    model.addAttribute("lesson", lessons.lesson(Links.chapter(exercise.lesson() == null ? exercise.chapter()
        : exercise.lesson())).orElse(null));
    boolean workAllowed = exercise.order() == 1 && !expected.kind().isVecJacobian();
    model.addAttribute("workAllowed", workAllowed);
    model.addAttribute("layout", exercise.layout());
    return new Page(variant, shown, standing.map(Learners.Standing::solutions).orElse(SolutionRule.ANONYMOUS),
        standing.map(s -> s.on(exercise.id())).orElse(SolutionRule.Progress.NONE), workAllowed);
  }

  /** The work checked again for the solution's continuation from its last right line; null when it cannot be. */
  private Derivation derivation(Exercise exercise, Page page, List<String> lines, HttpServletRequest request,
      Optional<Learners.Learner> learner, Model model) {
    try {
      return gate.run(request, client(learner, request),
          () -> checker.derivation(exercise, page.variant().seed(), lines));
    } catch (ExpressionException tooMuchWork) {
      model.addAttribute("workError", tooMuchWork.getMessage());
      return null;
    }
  }

  private static DeclarationView view(Declaration d) {
    return new DeclarationView(LatexPrinter.declaration(d),
        String.join(", ", d.properties().stream().sorted().map(Property::words).toList()));
  }

  /**
   * The next exercise after a correct answer: in a class, the next assigned one not yet solved;
   * else the next in the topic by level, then the next topic.
   */
  private Optional<Exercise> next(Exercise current, Optional<Learners.Learner> learner) {
    if (learner.isPresent()) {
      Learners.Standing standing = learners.standing(learner.get());
      List<String> assigned = standing.assigned();
      int at = assigned.indexOf(current.id());
      for (int i = 1; i <= assigned.size(); i++) {
        String id = assigned.get(Math.floorMod(at + i, assigned.size()));
        if (!id.equals(current.id()) && !standing.on(id).solved() && bank.find(id).isPresent()) {
          return bank.find(id);
        }
      }
    }
    return bank.after(current);
  }
}
