package org.matrixcalculustutor.exercises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.matrixcalculustutor.syntax.SyntaxGuide;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** The exercise pages without a browser: what a GET shows and what each form post does. */
@SpringBootTest
@AutoConfigureMockMvc
class ExercisePageTest {

  @Autowired
  MockMvc mvc;

  @Autowired
  ExerciseBank bank;

  @Autowired
  ExerciseChecker checker;

  @Autowired
  SyntaxGuide syntax;

  private String page(String path) throws Exception {
    return mvc.perform(get(path)).andReturn().getResponse().getContentAsString();
  }

  private String act(String exercise, String action, String answer, int hints) throws Exception {
    return mvc.perform(post("/exercises/" + exercise).with(csrf()).param("action", action).param("answer", answer)
        .param("hints", String.valueOf(hints)).param("seed", "0")).andReturn().getResponse().getContentAsString();
  }

  private String expectedLatex(String exercise) {
    return checker.expected(checker.variant(bank.find(exercise).orElseThrow(), 0)).latex();
  }

  @Test
  void theStatement_typesetsDeclarationsWithPropertiesInWordsAndLinksItsLesson() throws Exception {
    String html = page("/exercises/weighted-least-squares");
    assertThat(html).contains("\\(W \\in \\mathbb{R}^{m \\times m}\\)").contains(", symmetric")
        .contains("\\(w \\in \\mathbb{R}^{n}\\)")
        .contains("href=\"/lessons/machine-learning#linear-regression\"")
        .contains("id=\"syntax-panel\"").contains(ExerciseController.EXAMPLE.replace("'", "&#39;"));
    assertThat(page("/exercises/log-determinant-spd")).contains(", symmetric positive definite");
  }

  @Test
  void aPage_neverShowsTheSolutionUnasked() throws Exception {
    String html = page("/exercises/least-squares");
    assertThat(html).doesNotContain("id=\"solution\"").doesNotContain(expectedLatex("least-squares"))
        .contains("id=\"solution-button\"");
    String wrong = act("least-squares", "check", "2*A'*(A*x + b)", 0);
    assertThat(wrong).contains("id=\"verdict\"").doesNotContain("id=\"solution\"");
  }

  @Test
  void showTheSolution_inAnonymousPracticeShowsTheDerivationAndKeepsTheAnswer() throws Exception {
    String html = act("least-squares", "solution", "2*A*x", 1);
    assertThat(html).contains("id=\"solution\"").contains(expectedLatex("least-squares"))
        .contains("value=\"2*A*x\"").doesNotContain("id=\"verdict\"");
    assertThat(Pattern.compile("id=\"hint-1\"[^>]*hidden").matcher(html).find()).as("hint 1 still shown").isFalse();
  }

  @Test
  void aHintPost_revealsTheNextHintKeepsTheAnswerAndGradesNothing() throws Exception {
    String html = act("quadratic-form", "hint", "x'*(A + A')", 0);
    assertThat(html).contains("value=\"x&#39;*(A + A&#39;)\"").doesNotContain("id=\"verdict\"")
        .contains("data-focus=\"true\"");
    assertThat(Pattern.compile("id=\"hint-1\"[^>]*hidden").matcher(html).find()).isFalse();
    assertThat(Pattern.compile("id=\"hint-2\"[^>]*hidden").matcher(html).find()).isTrue();
    assertThat(html).contains("name=\"hints\" value=\"1\"");
  }

  @Test
  void aCorrectAnswer_offersTheNextExerciseOfItsTopic() throws Exception {
    Exercise current = bank.find("trace-ax").orElseThrow();
    Exercise next = bank.after(current).orElseThrow();
    String html = act("trace-ax", "check", "A'", 0);
    assertThat(html).contains("Correct!").contains("href=\"/exercises/" + next.id() + "\"")
        .contains("id=\"solution\"");
  }

  @Test
  void anUnreadableAnswer_linksTheSectionOfTheSyntaxHelpItIsAbout() throws Exception {
    assertThat(act("quadratic-form", "check", "x^k", 0)).contains("href=\"/syntax#powers\"");
    assertThat(act("quadratic-form", "check", "|x|", 0)).contains("href=\"/syntax#not-read\"");
  }

  @Test
  void everyLessonLink_ofEveryExerciseAndHint_pointsToAnAnchorOfItsLesson() throws Exception {
    Map<String, String> lessons = new HashMap<>();
    for (Exercise e : bank.all()) {
      java.util.List<String> links = new java.util.ArrayList<>();
      links.add(e.lessonLink());
      Variant v = checker.variant(e, 0);
      for (int i = 0; i < e.hints().size(); i++) {
        links.add(v.hintLink(i));
      }
      for (String link : links) {
        String path = link.contains("#") ? link.substring(0, link.indexOf('#')) : link;
        String html = lessons.computeIfAbsent(path, p -> {
          try {
            return page(p);
          } catch (Exception failure) {
            throw new IllegalStateException(failure);
          }
        });
        assertThat(html).as("%s: %s", e.id(), link).contains("id=\"lesson-title\"");
        if (link.contains("#")) {
          assertThat(html).as("%s: %s", e.id(), link).contains("id=\"" + link.substring(link.indexOf('#') + 1) + "\"");
        }
      }
    }
  }

  @Test
  void theSyntaxHelp_showsEveryFormTypesetAndThePanelSitsBesideEveryAnswerBox() throws Exception {
    String html = page("/syntax");
    for (var section : syntax.sections()) {
      assertThat(html).contains("id=\"" + section.id() + "\"");
      for (var example : section.examples()) {
        assertThat(html).as(example.typed()).contains("\\(" + example.latex().replace("<", "&lt;")
            .replace(">", "&gt;").replace("&", "&amp;").replace("&amp;lt;", "&lt;").replace("&amp;gt;", "&gt;") + "\\)");
      }
    }
    assertThat(html).contains("id=\"not-read\"").contains("x^TAx").contains("2Sx");
    assertThat(page("/calculator")).contains("id=\"syntax-panel\"").contains("href=\"/syntax\"");
    assertThat(syntax.compact()).hasSizeGreaterThan(8);
  }

  /** After Check the page opens at the verdict (without JavaScript too), which announces itself. */
  @Test
  void checking_landsOnTheVerdictWhichIsAnnounced() throws Exception {
    String html = act("least-squares", "check", "2*A'*(A*x + b)", 0);
    assertThat(html).contains("action=\"/exercises/least-squares#feedback\"")
        .contains("formaction=\"/exercises/least-squares#hint-1\"")
        .containsPattern("id=\"feedback\"[^>]*tabindex=\"-1\"[^>]*role=\"status\"[^>]*aria-live=\"polite\"");
  }

  /** The boxes that correct the course documents name them by their titles. */
  @Test
  void corrections_nameTheDocumentsTheyCorrect() throws Exception {
    String html = page("/lessons/machine-learning");
    assertThat(html).contains("A correction to Lecture 7, “Matrix Calculus”")
        .contains("A correction to the slides “Matrix Calculus Foundation for\n      Machine Learning”")
        .doesNotContain("one lecture").doesNotContain("One set of slides");
    assertThat(page("/lessons/kinds-and-layouts")).doesNotContain("One lecture").contains("“Vector,\n      Matrix, Tensor Derivatives”");
  }

  @Test
  void theList_titlesAreTypesetTemplates() throws Exception {
    String html = page("/exercises");
    assertThat(html).contains("The quadratic form \\(x^{\\top} A x\\)").doesNotContain("class=\"mark assigned\"");
  }
}
