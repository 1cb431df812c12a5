package org.matrixcalculustutor.lessons;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/** The chapters in reading order and the identities each states (lessons/identities.json). */
public final class LessonCatalog {

  static final String IDENTITIES = "/lessons/identities.json";

  private static final List<Lesson> LESSONS = List.of(
      new Lesson(1, "notation", "Notation and inner products",
          "Scalars, vectors and matrices; trace, determinant and norms; the inner product and how factors move across it."),
      new Lesson(2, "kinds-and-layouts", "Kinds of derivative and layouts",
          "The six derivatives between scalars, vectors and matrices, and why numerator and denominator layouts disagree."),
      new Lesson(3, "vectors", "Derivatives with vectors",
          "Tangent vectors, gradients, directional derivatives, Jacobians and the chain rule."),
      new Lesson(4, "matrices", "Derivatives with matrices",
          "Tangent matrices and gradient matrices: traces, bilinear forms and the Frobenius norm."),
      new Lesson(5, "differentials", "The differential method",
          "The rules of differentials, the trace trick, and reading a gradient off df = <G, dX>."),
      new Lesson(6, "vec-and-hessians", "Beyond the six kinds: vec, Kronecker and Hessians",
          "Derivatives of matrices by matrices as matrices again, through vec and the Kronecker product; Hessians,"
              + " the Fisher information of logistic regression, and one Newton step."),
      new Lesson(7, "machine-learning", "Machine-learning examples",
          "Least squares, regression, softmax regression, the Gaussian MLE, Fisher information, attention and factorisation."),
      new Lesson(8, "cookbook", "Identities cookbook",
          "The most-used identities in both layouts, searchable, each verified by the engine on request."));

  private record File(List<LessonIdentity> identities) {}

  private final List<LessonIdentity> identities;

  private LessonCatalog(List<LessonIdentity> identities) {
    this.identities = List.copyOf(identities);
  }

  public static LessonCatalog load() {
    try (InputStream in = LessonCatalog.class.getResourceAsStream(IDENTITIES)) {
      return new LessonCatalog(JsonMapper.builder().build().readValue(in, File.class).identities());
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + IDENTITIES, e);
    }
  }

  public List<Lesson> lessons() {
    return LESSONS;
  }

  public Optional<Lesson> lesson(String slug) {
    return LESSONS.stream().filter(l -> l.slug().equals(slug)).findFirst();
  }

  public Optional<Lesson> previous(Lesson lesson) {
    return lesson.number() > 1 ? Optional.of(LESSONS.get(lesson.number() - 2)) : Optional.empty();
  }

  public Optional<Lesson> next(Lesson lesson) {
    return lesson.number() < LESSONS.size() ? Optional.of(LESSONS.get(lesson.number())) : Optional.empty();
  }

  public List<LessonIdentity> identities() {
    return identities;
  }

  /** The identities a chapter states, by id, in the file's order. */
  public Map<String, LessonIdentity> identities(String slug) {
    return identities.stream().filter(i -> i.chapter().equals(slug))
        .collect(Collectors.toMap(LessonIdentity::id, i -> i, (a, b) -> a, LinkedHashMap::new));
  }
}
