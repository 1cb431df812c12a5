package org.matrixcalculustutor.reliability;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One visitor of the tutor over HTTP, with its own cookies, as a browser without JavaScript would be. */
final class Visitor {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final String base;
  private final HttpClient http;
  private final Duration timeout;
  /** The address this visitor comes from, as the trusted proxy in front (loopback) tells it; or none. */
  private final String address;

  Visitor(String base) {
    this(base, Duration.ofSeconds(30));
  }

  Visitor(String base, Duration timeout) {
    this(base, timeout, HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
        .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build(), null);
  }

  private Visitor(String base, Duration timeout, HttpClient http, String address) {
    this.base = base;
    this.timeout = timeout;
    this.http = http;
    this.address = address;
  }

  /** The same visitor, cookies and all, at another address of the tutor (cookies ignore ports). */
  Visitor at(String otherBase) {
    return new Visitor(otherBase, timeout, http, address);
  }

  /**
   * The same visitor coming from another address, through the reverse proxy on this machine that
   * the tutor trusts by default (X-Forwarded-For from loopback): tests on one machine can so be
   * many clients.
   */
  Visitor from(String clientAddress) {
    return new Visitor(base, timeout, http, clientAddress);
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
        .timeout(timeout);
    return address == null ? builder : builder.header("X-Forwarded-For", address);
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
    return http.send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Opens the form at formPath and posts fields to action with the form's CSRF token. */
  HttpResponse<String> submit(String formPath, String action, Map<String, String> fields)
      throws IOException, InterruptedException {
    Matcher token = CSRF.matcher(get(formPath).body());
    Map<String, String> all = new LinkedHashMap<>(fields);
    if (token.find()) {
      all.put("_csrf", token.group(1));
    }
    return postForm(action, all);
  }

  HttpResponse<String> postForm(String path, Map<String, String> fields) throws IOException, InterruptedException {
    StringBuilder body = new StringBuilder();
    fields.forEach((name, value) -> body.append(body.length() == 0 ? "" : "&").append(encode(name)).append('=')
        .append(encode(value)));
    return http.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
  }

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** Signs in as the teacher and creates a class with the given exercises; its join code. */
  static String createClass(String base, String password, String name, String... exercises) throws Exception {
    Visitor teacher = new Visitor(base);
    HttpResponse<String> signedIn = teacher.submit("/login", "/login",
        Map.of("username", "teacher", "password", password));
    if (signedIn.statusCode() != 302) {
      throw new IllegalStateException("sign-in failed: " + signedIn.statusCode());
    }
    StringBuilder form = new StringBuilder("name=" + encode(name));
    for (String exercise : exercises) {
      form.append("&exercise=").append(encode(exercise));
    }
    Matcher token = CSRF.matcher(teacher.get("/teacher").body());
    if (!token.find()) {
      throw new IllegalStateException("no CSRF token on /teacher");
    }
    form.append("&_csrf=").append(encode(token.group(1)));
    HttpResponse<String> created = teacher.http.send(teacher.request("/teacher/classes")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(), HttpResponse.BodyHandlers.ofString());
    String location = created.headers().firstValue("Location").orElseThrow(
        () -> new IllegalStateException("creating the class gave " + created.statusCode()));
    Matcher code = Pattern.compile("id=\"join-code\"[^>]*>([A-Z0-9-]+)<").matcher(teacher.get(location).body());
    if (!code.find()) {
      throw new IllegalStateException("no join code on " + location);
    }
    return code.group(1);
  }

  /** Joins the class as a new student; this visitor keeps the student's cookie. */
  void join(String code, String name) throws Exception {
    HttpResponse<String> joined = submit("/join", "/join", Map.of("code", code, "name", name));
    if (joined.statusCode() != 302) {
      throw new IllegalStateException("joining failed: " + joined.statusCode() + " " + joined.body());
    }
  }
}
