package org.matrixcalculustutor.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Cache headers for static assets. Pages link them under versioned addresses: our CSS, JavaScript
 * and icon with a hash of their content (application.properties), MathJax under its webjar's
 * version ({@code /webjars/mathjax/3.2.2/es5/tex-chtml.js}, and its fonts below that, since
 * MathJax loads them relative to its script). Such an address always names the same bytes, so a
 * browser keeps it a year without asking again. An address without a version may change with the
 * next release, so a browser asks each time (and gets a 304 when nothing changed).
 */
@Component
class StaticCaching extends OncePerRequestFilter {

  static final String IMMUTABLE = "public, max-age=31536000, immutable";
  static final String REVALIDATE = "no-cache";
  static final String NOT_STORED = "no-store";

  /** "tutor-0123456789abcdef0123456789abcdef.css": the content strategy's MD5 before the extension. */
  private static final Pattern CONTENT_VERSION = Pattern.compile(".*-[0-9a-f]{32}\\.[A-Za-z0-9]+$");

  /** "/webjars/mathjax/3.2.2/...": a webjar's own version after its name. */
  private static final Pattern WEBJAR_VERSION = Pattern.compile("/webjars/[^/]+/\\d[^/]*/.+");

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI();
    return !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
        || !(path.startsWith("/webjars/") || path.startsWith("/css/") || path.startsWith("/js/")
            || path.equals("/favicon.svg") || path.startsWith("/favicon-"));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader(HttpHeaders.CACHE_CONTROL, isVersioned(request.getRequestURI()) ? IMMUTABLE : REVALIDATE);
    chain.doFilter(request, new HttpServletResponseWrapper(response) {
      // a missing asset is no answer to keep: the next release may have it

      @Override
      public void sendError(int status) throws IOException {
        setHeader(HttpHeaders.CACHE_CONTROL, NOT_STORED);
        super.sendError(status);
      }

      @Override
      public void sendError(int status, String message) throws IOException {
        setHeader(HttpHeaders.CACHE_CONTROL, NOT_STORED);
        super.sendError(status, message);
      }

      @Override
      public void setStatus(int status) {
        if (status >= 400) {
          setHeader(HttpHeaders.CACHE_CONTROL, NOT_STORED);
        }
        super.setStatus(status);
      }
    });
  }

  static boolean isVersioned(String path) {
    return WEBJAR_VERSION.matcher(path).matches() || CONTENT_VERSION.matcher(path).matches();
  }
}
