package org.matrixcalculustutor.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.matrixcalculustutor.browser.BrowserExtension;
import org.matrixcalculustutor.browser.BrowserExtension.Browser;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chromium.HasCdp;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The bytes a lesson costs a browser: the first visit downloads the page, our assets and MathJax
 * (compressed), a second visit only the page, since every asset is cached under its versioned
 * address. The numbers go to target/lesson-bytes.txt (quoted in the README).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(BrowserExtension.class)
class StaticAssetsBrowserTest {

  static final String LESSON = "/lessons/differentials";

  /** Bytes over the network (headers included) of the page and everything it loaded; 0 for what came from the cache. */
  static final String TRANSFERRED = """
      return document.fonts.ready.then(() => {
        const entries = performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'));
        return {bytes: entries.reduce((sum, e) => sum + e.transferSize, 0),
                fetched: entries.filter((e) => e.transferSize > 0).length, files: entries.length,
                each: entries.map((e) => new URL(e.name).pathname.replace(/[0-9a-f]{32}/, '<hash>') + ' ' + e.transferSize).join('\\n')};
      });
      """;

  @LocalServerPort
  int port;

  @SuppressWarnings("unchecked")
  private Map<String, Object> visit(Browser browser) {
    browser.open("http://localhost:" + port + LESSON);
    browser.awaitMathJax();
    return (Map<String, Object>) ((JavascriptExecutor) browser.driver()).executeScript(TRANSFERRED);
  }

  @Test
  void aSecondVisit_downloadsOnlyThePage(Browser browser) throws Exception {
    ((HasCdp) browser.driver()).executeCdpCommand("Network.enable", Map.of());
    ((HasCdp) browser.driver()).executeCdpCommand("Network.clearBrowserCache", Map.of());
    Map<String, Object> first = visit(browser);
    browser.driver().get("about:blank");
    Map<String, Object> second = visit(browser);

    String report = String.format("%s: first visit %,d bytes in %d files; second visit %,d bytes (%d of %d files fetched)%n"
        + "first visit:%n%s%nsecond visit:%n%s%n", LESSON, first.get("bytes"), first.get("files"), second.get("bytes"),
        second.get("fetched"), second.get("files"), first.get("each"), second.get("each"));
    System.out.print(report);
    Files.writeString(Path.of("target", "lesson-bytes.txt"), report);

    // MathJax's script alone is 1.2 MB uncompressed; compressed, the whole first visit is well under half of that
    assertThat((Long) first.get("bytes")).isBetween(50_000L, 600_000L);
    assertThat((Long) second.get("fetched")).isEqualTo(1);
    assertThat((Long) second.get("bytes")).isLessThan((Long) first.get("bytes") / 10);
  }
}
