package org.matrixcalculustutor.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every /api response a Server-Timing header, also one that no controller wrote (a body
 * over the size limit, the database down): the engine's time starts at zero here and
 * {@link ServerTimingAdvice} replaces it with the measured time just before a body is written.
 */
class ServerTimingFilter extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    EngineTiming.report(request, response, 0L);
    chain.doFilter(request, response);
  }
}
