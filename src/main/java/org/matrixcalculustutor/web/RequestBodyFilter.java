package org.matrixcalculustutor.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.SocketTimeoutException;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads every request body whole before anything else sees it, within a size limit
 * (tutor.limits.max-body-bytes) and a time limit (tutor.limits.body-read-timeout), so a client
 * that sends its body a byte at a time holds a request thread for seconds, not for as long as it
 * likes. A body that announces a larger Content-Length is refused before it is read (400); one of
 * unknown length (chunked) is refused once it passes the limit; one that is too slow gets 408.
 * Forms are parsed here from the body read, so their parameters obey the same limits.
 */
class RequestBodyFilter extends OncePerRequestFilter {

  private final int limit;
  private final Duration timeout;

  RequestBodyFilter(int limit, Duration timeout) {
    this.limit = limit;
    this.timeout = timeout;
  }

  static String tooLarge(int limit) {
    return "the request body is larger than " + limit + " bytes";
  }

  /**
   * The most parameters a query may have: far more than any page or call of the tutor uses, and below
   * the container's own limit, whose refusal would come as an exception logged with its stack trace.
   */
  static final int MAX_QUERY_PARAMETERS = 100;

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (parameterCount(request.getQueryString()) > MAX_QUERY_PARAMETERS) {
      refuse(request, response, HttpServletResponse.SC_BAD_REQUEST,
          "the query has more than " + MAX_QUERY_PARAMETERS + " parameters");
      return;
    }
    long length = request.getContentLengthLong();
    boolean chunked = "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"));
    if (length <= 0 && !chunked) {
      chain.doFilter(request, response);
      return;
    }
    if (length > limit) {
      refuse(request, response, HttpServletResponse.SC_BAD_REQUEST, tooLarge(limit));
      return;
    }
    byte[] body;
    try {
      body = length > 0 ? read(request.getInputStream(), (int) length) : read(request.getInputStream());
    } catch (TooLarge e) {
      refuse(request, response, HttpServletResponse.SC_BAD_REQUEST, tooLarge(limit));
      return;
    } catch (IOException e) {
      if (!(e instanceof TooSlow || timedOut(e))) {
        throw e;
      }
      response.setHeader("Connection", "close");
      refuse(request, response, HttpServletResponse.SC_REQUEST_TIMEOUT, "the request body came too slowly: it "
          + "must arrive within " + timeout.toSeconds() + " s");
      return;
    }
    chain.doFilter(new BufferedRequest(request, body), response);
  }

  /** The server's own read timeout, which the container wraps as an aborted client. */
  private static boolean timedOut(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SocketTimeoutException) {
        return true;
      }
    }
    return false;
  }

  /**
   * A body of announced length (at most the limit), read straight into an array of that length:
   * no buffer to grow and copy for every request.
   */
  private byte[] read(InputStream in, int length) throws IOException {
    long end = System.nanoTime() + timeout.toNanos();
    byte[] body = new byte[length];
    int read = 0;
    while (read < length) {
      int n = in.read(body, read, length - read);
      if (n < 0) {
        return java.util.Arrays.copyOf(body, read); // shorter than announced: what came
      }
      read += n;
      if (System.nanoTime() - end > 0) {
        throw new TooSlow();
      }
    }
    return body;
  }

  private byte[] read(InputStream in) throws IOException {
    long end = System.nanoTime() + timeout.toNanos();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      out.write(buffer, 0, n);
      if (out.size() > limit) {
        throw new TooLarge();
      }
      if (System.nanoTime() - end > 0) {
        throw new TooSlow();
      }
    }
    return out.toByteArray();
  }

  /** How many parameters a query string has: its pieces between '&'. */
  static int parameterCount(String query) {
    if (query == null || query.isEmpty()) {
      return 0;
    }
    int count = 1;
    for (int i = 0; i < query.length(); i++) {
      count += query.charAt(i) == '&' ? 1 : 0;
    }
    return count;
  }

  /** JSON for the API, the error page for everything else. */
  private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String message)
      throws IOException {
    if (ApiExceptionHandler.isApi(request)) {
      response.setStatus(status);
      response.setContentType("application/json");
      response.setCharacterEncoding("UTF-8");
      response.getWriter().write("{\"error\":\"" + message + "\",\"position\":null}");
    } else {
      response.sendError(status);
    }
  }

  private static final class TooLarge extends IOException {}

  private static final class TooSlow extends IOException {}

  /** The request with its body already read: served from memory, form parameters parsed from it. */
  private static final class BufferedRequest extends HttpServletRequestWrapper {

    private final byte[] body;
    private Map<String, String[]> parameters;
    private ServletInputStream stream;

    BufferedRequest(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    private Charset charset() {
      String encoding = getCharacterEncoding();
      try {
        return encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
      } catch (IllegalArgumentException unknown) {
        return StandardCharsets.UTF_8;
      }
    }

    @Override
    public ServletInputStream getInputStream() {
      if (stream == null) {
        stream = new BodyStream(body);
      }
      return stream;
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), charset()));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }

    /** The query's parameters, then the form body's, as the servlet container would merge them. */
    private Map<String, String[]> parameters() {
      if (parameters == null) {
        Map<String, List<String>> merged = new LinkedHashMap<>();
        // the container reads only the query now: the body was read here
        super.getParameterMap().forEach((name, values) -> merged.computeIfAbsent(name, k -> new ArrayList<>())
            .addAll(List.of(values)));
        if (isForm()) {
          for (String pair : new String(body, charset()).split("&")) {
            if (pair.isEmpty()) {
              continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            merged.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
          }
        }
        Map<String, String[]> result = new LinkedHashMap<>();
        merged.forEach((name, values) -> result.put(name, values.toArray(String[]::new)));
        parameters = Collections.unmodifiableMap(result);
      }
      return parameters;
    }

    private boolean isForm() {
      String type = getContentType();
      try {
        return type != null && MediaType.APPLICATION_FORM_URLENCODED.includes(MediaType.parseMediaType(type))
            && "POST".equalsIgnoreCase(getMethod());
      } catch (IllegalArgumentException notAMediaType) {
        return false;
      }
    }

    private String decode(String text) {
      try {
        return URLDecoder.decode(text, charset());
      } catch (IllegalArgumentException badEscape) {
        return text; // as the container does with a malformed %-escape: keep the text
      }
    }

    @Override
    public String getParameter(String name) {
      String[] values = parameters().get(name);
      return values == null || values.length == 0 ? null : values[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
      return parameters();
    }

    @Override
    public Enumeration<String> getParameterNames() {
      return Collections.enumeration(parameters().keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
      String[] values = parameters().get(name);
      return values == null ? null : values.clone();
    }
  }

  private static final class BodyStream extends ServletInputStream {

    private final ByteArrayInputStream in;

    BodyStream(byte[] body) {
      this.in = new ByteArrayInputStream(body);
    }

    @Override
    public int read() {
      return in.read();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      return in.read(buffer, offset, length);
    }

    @Override
    public boolean isFinished() {
      return in.available() == 0;
    }

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void setReadListener(ReadListener listener) {
      throw new UnsupportedOperationException("the body has been read already");
    }
  }
}
