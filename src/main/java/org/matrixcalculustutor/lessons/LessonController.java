package org.matrixcalculustutor.lessons;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.matrixcalculustutor.calculus.Layout;
import org.matrixcalculustutor.engine.Derivative;
import org.matrixcalculustutor.engine.Engine;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** The chapter list and the chapters; each worked example's derivation comes from the engine. */
@Controller
class LessonController {

  static final String INDEX_VIEW = "lessons/index";

  private final LessonCatalog catalog;
  private final Engine engine;
  /** Each chapter's identities with their derivations, built once: the engine is deterministic. */
  private final Map<String, Map<String, IdentityView>> views = new ConcurrentHashMap<>();

  LessonController(Engine engine, LessonCatalog catalog) {
    this.engine = engine;
    this.catalog = catalog;
  }

  @GetMapping({"/lessons", "/lessons/"})
  String index(Model model) {
    model.addAttribute("lessons", catalog.lessons());
    return INDEX_VIEW;
  }

  @GetMapping("/lessons/{slug}")
  String lesson(@PathVariable String slug, Model model) {
    Lesson lesson = catalog.lesson(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    model.addAttribute("lesson", lesson);
    model.addAttribute("lessons", catalog.lessons());
    model.addAttribute("previous", catalog.previous(lesson).orElse(null));
    model.addAttribute("next", catalog.next(lesson).orElse(null));
    model.addAttribute("identities", views.computeIfAbsent(slug, this::views));
    model.addAttribute("figures", SvgFigures.INSTANCE);
    return "lessons/" + lesson.slug();
  }

  private Map<String, IdentityView> views(String slug) {
    Map<String, IdentityView> out = new LinkedHashMap<>();
    catalog.identities(slug).forEach((id, identity) -> out.put(id, view(identity)));
    return out;
  }

  private IdentityView view(LessonIdentity i) {
    List<ShownStep> steps = List.of();
    String denominator = null;
    String numerator = null;
    String tryUrl = null;
    if (i.isGradient()) {
      Derivative derived = engine.derive(i.function(), i.variable(), i.declarations(), Layout.parse(i.layout()),
          i.order());
      steps = derived.steps().stream().map(ShownStep::of).toList();
      if (i.numerator() != null) {
        denominator = derived.latex();
        numerator = engine.derive(i.function(), i.variable(), i.declarations(), Layout.NUMERATOR).latex();
      }
      tryUrl = "/calculator?expression=" + encode(i.function()) + "&variable=" + encode(i.variable())
          + "&declarations=" + encode(i.declarations()) + "&layout=" + encode(i.layout())
          + (i.isHessian() ? "&order=2" : "");
    }
    String exerciseUrl = i.exercise() == null ? null : "/exercises/" + i.exercise();
    return new IdentityView(i.id(), i.latex(), i.text(), i.note(), steps, denominator, numerator, tryUrl,
        exerciseUrl, i);
  }

  /** A query value; a space is written %20, which every reader of a query string decodes alike. */
  private static String encode(String s) {
    return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
