package org.matrixcalculustutor.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps the size of a request body at tutor.limits.max-body-bytes. A body that announces a larger
 * Content-Length is refused before anything reads it (400 with a JSON message); a body of unknown
 * length (chunked) is read through a counting stream that fails once the limit is passed, which
 * {@link ApiExceptionHandler} reports the same way.
 */
class BodySizeFilter extends OncePerRequestFilter {

  private final int limit;

  BodySizeFilter(int limit) {
    this.limit = limit;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long length = request.getContentLengthLong();
    if (length > limit) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      response.setContentType("application/json");
      response.setCharacterEncoding("UTF-8");
      response.getWriter().write("{\"error\":\"" + BodyTooLargeException.message(limit) + "\",\"position\":null}");
      return;
    }
    chain.doFilter(length >= 0 ? request : new LimitedRequest(request, limit), response);
  }

  /** The body went past the limit while it was read. */
  static final class BodyTooLargeException extends IOException {

    BodyTooLargeException(int limit) {
      super(message(limit));
    }

    static String message(int limit) {
      return "the request body is larger than " + limit + " bytes";
    }

    /** This exception among the causes of e, or null. */
    static BodyTooLargeException in(Throwable e) {
      for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
        if (t instanceof BodyTooLargeException tooLarge) {
          return tooLarge;
        }
      }
      return null;
    }
  }

  /** A request whose body stream counts bytes and fails past the limit. */
  private static final class LimitedRequest extends HttpServletRequestWrapper {

    private final int limit;
    private ServletInputStream stream;

    LimitedRequest(HttpServletRequest request, int limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new LimitedStream(super.getInputStream(), limit);
      }
      return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
      String encoding = getCharacterEncoding();
      Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
      return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }
  }

  private static final class LimitedStream extends ServletInputStream {

    private final ServletInputStream in;
    private final int limit;
    private long count;

    LimitedStream(ServletInputStream in, int limit) {
      this.in = in;
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        counted(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      if (n > 0) {
        counted(n);
      }
      return n;
    }

    private void counted(int n) throws BodyTooLargeException {
      count += n;
      if (count > limit) {
        throw new BodyTooLargeException(limit);
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
