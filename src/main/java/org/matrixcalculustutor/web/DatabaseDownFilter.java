package org.matrixcalculustutor.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * When the database cannot be reached, answer 503 with a clear page (or JSON for the API) instead
 * of a stack trace. It stands first in the chain, before the session filter, which needs the
 * database too. Nothing is lost: attempts made before are in the database when it returns.
 */
class DatabaseDownFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(DatabaseDownFilter.class);

  static final String PAGE = """
      <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Back soon · Matrix Calculus Tutor</title>
      <link rel="stylesheet" href="/css/tutor.css"></head><body><main id="database-down">
      <h1>The tutor's database is not reachable</h1>
      <p>Nothing you saved is lost. Lessons and the calculator may still work; please try this page again in a minute.</p>
      <p><a href="/">Back to the start</a></p></main></body></html>""";

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (ServletException | RuntimeException e) {
      if (!causedByDatabase(e) || response.isCommitted()) {
        throw e;
      }
      log.warn("database unavailable: {}", e.getMessage());
      response.resetBuffer();
      response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
      response.setHeader("Retry-After", "60");
      if (request.getRequestURI().startsWith("/api/")) {
        response.setContentType("application/json");
        response.getWriter().write("{\"error\":\"the database is not reachable; try again in a minute\",\"position\":null}");
      } else {
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write(PAGE);
      }
    }
  }

  static boolean causedByDatabase(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof DataAccessException || t instanceof SQLException || t instanceof TransactionException
          || t.getClass().getName().startsWith("org.hibernate.exception.JDBC")) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
