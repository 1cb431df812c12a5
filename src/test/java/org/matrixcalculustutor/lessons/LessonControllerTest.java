package org.matrixcalculustutor.lessons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@SpringBootTest
@AutoConfigureMockMvc
class LessonControllerTest {

  @Autowired
  MockMvc mvc;

  static Stream<Lesson> lessons() {
    return LessonCatalog.load().lessons().stream();
  }

  @Test
  void index_listsEveryChapterInOrder() throws Exception {
    ResultActions page = mvc.perform(get("/lessons")).andExpect(status().isOk());
    for (Lesson lesson : LessonCatalog.load().lessons()) {
      page.andExpect(content().string(containsString("href=\"/lessons/" + lesson.slug() + "\"")));
    }
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("lessons")
  void chapter_showsEveryIdentityItStates(Lesson lesson) throws Exception {
    ResultActions page = mvc.perform(get("/lessons/" + lesson.slug())).andExpect(status().isOk())
        .andExpect(content().string(containsString(lesson.title())));
    for (String id : LessonCatalog.load().identities(lesson.slug()).keySet()) {
      page.andExpect(content().string(containsString("id=\"identity-" + id + "\"")));
    }
  }

  @Test
  void workedExample_showsTheEnginesDerivationAndLinks() throws Exception {
    mvc.perform(get("/lessons/differentials")).andExpect(status().isOk())
        .andExpect(content().string(containsString("d log|X| = tr(X^-1 dX)")))
        .andExpect(content().string(containsString("/calculator?expression=tr%28A*X*B%29")))
        .andExpect(content().string(containsString("href=\"/exercises/trace-axb\"")));
  }

  @Test
  void pages_drawTheirFiguresAsInlineSvg() throws Exception {
    mvc.perform(get("/lessons/vectors"))
        .andExpect(content().string(containsString("<svg id=\"figure-circle-tangent\"")))
        .andExpect(content().string(containsString("<svg id=\"figure-directional\"")));
    mvc.perform(get("/lessons/kinds-and-layouts"))
        .andExpect(content().string(containsString("<svg id=\"figure-layouts\"")));
    mvc.perform(get("/lessons/machine-learning"))
        .andExpect(content().string(containsString("<svg id=\"figure-least-squares\"")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lessons")
  void chapter_linksOnlyToCalculatorResultsAndExercisesThatExist(Lesson lesson) throws Exception {
    String page = mvc.perform(get("/lessons/" + lesson.slug())).andReturn().getResponse().getContentAsString();
    List<String> links = hrefs(page, "/calculator?", "/exercises/");
    for (String link : links) {
      MockHttpServletResponse target = mvc.perform(get(URI.create(link))).andReturn().getResponse();
      assertThat(target.getStatus()).as(link).isEqualTo(200);
      if (link.startsWith("/calculator")) {
        assertThat(target.getContentAsString()).as(link).contains("id=\"result\"").doesNotContain("id=\"error\"");
      }
    }
    if (!LessonCatalog.load().identities(lesson.slug()).values().stream()
        .filter(LessonIdentity::isGradient).toList().isEmpty()) {
      assertThat(links).as("try-it links").anyMatch(l -> l.startsWith("/calculator?"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lessons")
  void derivationRules_areTypesetWithTheirPlainTextAsTitle(Lesson lesson) throws Exception {
    String page = mvc.perform(get("/lessons/" + lesson.slug())).andReturn().getResponse().getContentAsString();
    Matcher rule = Pattern.compile("<span class=\"rule\" title=\"([^\"]*)\">").matcher(page);
    while (rule.find()) {
      assertThat(rule.group(1)).as("the plain name").doesNotContain("\\");
    }
    Matcher formula = Pattern.compile("<span class=\"rule-math math\">([^<]*)</span>").matcher(page);
    while (formula.find()) {
      assertThat(formula.group(1)).as("a typeset rule").startsWith("\\(").endsWith("\\)").doesNotContain("&lt;", "&gt;");
    }
  }


  @Test
  void index_answersWithATrailingSlashToo() throws Exception {
    mvc.perform(get("/lessons/")).andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"chapter-notation\"")));
  }

  @Test
  void unknownChapter_is404() throws Exception {
    mvc.perform(get("/lessons/no-such-chapter")).andExpect(status().isNotFound());
  }

  /** The page's links that start with one of the prefixes, with HTML entities undone. */
  private static List<String> hrefs(String page, String... prefixes) {
    List<String> out = new ArrayList<>();
    Matcher href = Pattern.compile("href=\"([^\"]*)\"").matcher(page);
    while (href.find()) {
      String link = href.group(1).replace("&amp;", "&");
      if (Stream.of(prefixes).anyMatch(link::startsWith)) {
        out.add(link);
      }
    }
    return out;
  }
}
