package org.matrixcalculustutor.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Redirects never repeat the Host header a client sent: a redirect to this server's own address
 * (Spring Security builds some from the request) is written relative to the site, or against the
 * configured public URL (tutor.public-url) when there is one. So a forged Host cannot turn a
 * redirect of the tutor into a link to another site.
 */
class RedirectFilter extends OncePerRequestFilter {

  private final String publicUrl;

  /** @param publicUrl the address students use, such as https://tutor.school.org; empty for none */
  RedirectFilter(String publicUrl) {
    this.publicUrl = publicUrl == null ? "" : publicUrl.strip().replaceAll("/+$", "");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    chain.doFilter(request, new HttpServletResponseWrapper(response) {
      @Override
      public void sendRedirect(String location) throws IOException {
        super.sendRedirect(own(location, request));
      }

      @Override
      public void setHeader(String name, String value) {
        super.setHeader(name, "Location".equalsIgnoreCase(name) ? own(value, request) : value);
      }

      @Override
      public void addHeader(String name, String value) {
        super.addHeader(name, "Location".equalsIgnoreCase(name) ? own(value, request) : value);
      }
    });
  }

  /** location with this server's own scheme, host and port replaced by the public URL, or taken off. */
  String own(String location, HttpServletRequest request) {
    if (location == null) {
      return null;
    }
    URI uri;
    try {
      uri = new URI(location);
    } catch (URISyntaxException notAUri) {
      return location;
    }
    if (!uri.isAbsolute() || uri.getHost() == null || !uri.getHost().equalsIgnoreCase(request.getServerName())) {
      return location; // relative already, or another site's address that the tutor wrote itself
    }
    String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
        + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
    return publicUrl + path;
  }
}
