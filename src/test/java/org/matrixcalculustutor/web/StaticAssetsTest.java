package org.matrixcalculustutor.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/** Through the real server (Tomcat compresses): what a lesson page makes a browser download. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StaticAssetsTest {

  @LocalServerPort
  int port;

  @Autowired
  ResourceUrlProvider resourceUrls;

  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** The stylesheets, scripts and icon a lesson page links. */
  private List<String> assets(String page) throws Exception {
    String html = new String(get(page).body());
    List<String> found = new ArrayList<>();
    Matcher m = Pattern.compile("(?:href|src)=\"(/(?:css|js|webjars|favicon)[^\"]*)\"").matcher(html);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  @Test
  void aLessonLinksEveryAssetUnderAVersionedAddress() throws Exception {
    List<String> assets = assets("/lessons/differentials");
    assertThat(assets).anyMatch(a -> a.matches("/css/tutor-[0-9a-f]{32}\\.css"))
        .anyMatch(a -> a.matches("/js/mathjax-config-[0-9a-f]{32}\\.js"))
        .anyMatch(a -> a.matches("/favicon-[0-9a-f]{32}\\.svg"))
        .anyMatch(a -> a.matches("/webjars/mathjax/\\d[^/]*/es5/tex-chtml\\.js"));
    for (String asset : assets) {
      HttpResponse<byte[]> response = get(asset);
      assertThat(response.statusCode()).as(asset).isEqualTo(200);
      assertThat(response.headers().firstValue("Cache-Control")).as(asset).hasValue(StaticCaching.IMMUTABLE);
    }
  }

  @Test
  void mathJax_goesOutCompressedAsTextJavascript() throws Exception {
    String script = assets("/lessons/notation").stream().filter(a -> a.endsWith("tex-chtml.js")).findFirst().orElseThrow();
    HttpResponse<byte[]> plain = get(script);
    HttpResponse<byte[]> gzipped = get(script, "Accept-Encoding", "gzip");
    assertThat(gzipped.headers().firstValue("Content-Type").orElse("")).startsWith("text/javascript");
    assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(gzipped.body().length).isLessThan(plain.body().length / 3);
    assertThat(gunzip(gzipped.body())).isEqualTo(plain.body());
  }

  @Test
  void everyTextTypeTheAppServes_isCompressed() throws Exception {
    List<String> paths = new ArrayList<>(assets("/lessons/notation"));
    paths.add("/lessons/notation");
    for (String path : paths) {
      HttpResponse<byte[]> response = get(path, "Accept-Encoding", "gzip");
      String type = response.headers().firstValue("Content-Type").orElse("");
      if (plain(path).length >= 2048 && type.matches("(text/.*|image/svg\\+xml|application/(javascript|json).*)")) {
        assertThat(response.headers().firstValue("Content-Encoding")).as(path + " (" + type + ")").hasValue("gzip");
      }
    }
  }

  /**
   * A page's links to pages (/lessons, /exercises) are not searched for as files when the page is
   * rendered: under a /** file mapping each one was, in vain, and that was most of a page's time.
   */
  @Test
  void onlyAssetAddresses_areLookedUpAsFiles() throws Exception {
    assertThat(resourceUrls.getHandlerMap().keySet().stream().map(Object::toString)).doesNotContain("/**");
    assertThat(resourceUrls.getForLookupPath("/lessons")).isNull();
    assertThat(resourceUrls.getForLookupPath("/css/tutor.css")).matches("/css/tutor-[0-9a-f]{32}\\.css");
    assertThat(resourceUrls.getForLookupPath("/favicon.svg")).matches("/favicon-[0-9a-f]{32}\\.svg");
    assertThat(get("/css/tutor.css").statusCode()).isEqualTo(200);
    assertThat(get("/favicon.svg").statusCode()).isEqualTo(200);
  }

  @Test
  void anAddressWithoutAVersion_isRevalidated() throws Exception {
    HttpResponse<byte[]> css = get("/css/tutor.css");
    assertThat(css.headers().firstValue("Cache-Control")).hasValue(StaticCaching.REVALIDATE);
    String lastModified = css.headers().firstValue("Last-Modified").orElseThrow();
    assertThat(get("/css/tutor.css", "If-Modified-Since", lastModified).statusCode()).isEqualTo(304);
    assertThat(get("/webjars/mathjax/es5/tex-chtml.js").headers().firstValue("Cache-Control"))
        .hasValue(StaticCaching.REVALIDATE);
  }

  @Test
  void aMissingVersionedAsset_isNotCached() throws Exception {
    HttpResponse<byte[]> missing = get("/css/gone-0123456789abcdef0123456789abcdef.css");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.headers().firstValue("Cache-Control")).hasValue(StaticCaching.NOT_STORED);
  }

  @Test
  void mathJaxFonts_underTheVersionedAddress_areImmutableAndNotRecompressed() throws Exception {
    HttpResponse<byte[]> font = get("/webjars/mathjax/3.2.2/es5/output/chtml/fonts/woff-v2/MathJax_Main-Regular.woff",
        "Accept-Encoding", "gzip");
    assertThat(font.statusCode()).isEqualTo(200);
    assertThat(font.headers().firstValue("Cache-Control")).hasValue(StaticCaching.IMMUTABLE);
    assertThat(font.headers().firstValue("Content-Encoding")).isEmpty();
  }

  private byte[] plain(String path) throws Exception {
    return get(path).body();
  }

  private static byte[] gunzip(byte[] bytes) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return in.readAllBytes();
    }
  }
}
