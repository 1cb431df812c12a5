package org.matrixcalculustutor.classroom;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.matrixcalculustutor.web.RateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Teacher pages need a teacher's sign-in; everything else (lessons, calculator, exercises, joining)
 * stays open. Every HTML form carries a CSRF token. The JSON API is exempt: it only accepts
 * application/json, which a page on another site cannot send without a CORS preflight we never
 * allow, so a forged cross-site request cannot reach it.
 *
 * <p>Only a signed-in teacher has a session: the CSRF token lives in a cookie (double submit), no
 * request is saved for after sign-in (it always leads to /teacher), and a failed sign-in stores
 * nothing, so a visitor's pages never write a session row. Sign-in is throttled per account and
 * per address.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  static final String LOGIN = "/login";

  @Bean
  PasswordEncoder passwordEncoder() {
    return new BCryptPasswordEncoder();
  }

  /**
   * The engine's JSON endpoints and exercise attempts need no sign-in, session or CSRF token (a
   * student is known by their own cookie): a lean chain keeps them fast under a whole class's load.
   */
  @Bean
  @Order(1)
  SecurityFilterChain statelessApi(HttpSecurity http) throws Exception {
    http.securityMatcher("/api/derivative", "/api/validate", "/api/check", "/api/exercises", "/api/exercises/**")
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .securityContext(context -> context.disable())
        .anonymous(anonymous -> anonymous.disable())
        .csrf(csrf -> csrf.disable());
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain securityFilterChain(HttpSecurity http, RateLimiter rateLimiter) throws Exception {
    CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
    csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
    http.authorizeHttpRequests(requests -> requests
            .requestMatchers("/teacher/**").hasRole("TEACHER")
            .anyRequest().permitAll())
        .formLogin(form -> form.loginPage(LOGIN).defaultSuccessUrl("/teacher", true)
            .failureHandler(failures(rateLimiter)).permitAll())
        .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/"))
        .requestCache(cache -> cache.requestCache(new NullRequestCache()))
        .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens).ignoringRequestMatchers("/api/**"))
        .addFilterAfter(new CsrfTokenEarly(), CsrfFilter.class)
        .addFilterBefore(new SignInThrottle(rateLimiter), UsernamePasswordAuthenticationFilter.class);
    return http.build();
  }

  /**
   * Makes the CSRF token (and so its cookie) of a teacher's page before the page is written. Made
   * lazily, at the first form of a long page (a student's attempts, then the forms that manage
   * them), the token would come after the response was committed: its cookie would be lost and the
   * form refused. Other pages have their forms near the top, and make their token only if they
   * show a form.
   */
  static final class CsrfTokenEarly extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
      return !request.getRequestURI().startsWith(request.getContextPath() + "/teacher/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
        token.getToken();
      }
      chain.doFilter(request, response);
    }
  }

  /** A failed sign-in counts against the account and the address, and leads back to the form. */
  private static AuthenticationFailureHandler failures(RateLimiter rateLimiter) {
    return (request, response, exception) -> {
      rateLimiter.failedSignIn(request.getParameter("username"), request.getRemoteAddr());
      response.sendRedirect(request.getContextPath() + LOGIN + "?error");
    };
  }

  /**
   * Before a password is even checked: too many failures for this account or from this address in
   * the last minute lead back to the form with a message, whatever the password.
   */
  static final class SignInThrottle extends OncePerRequestFilter {

    private final RateLimiter rateLimiter;

    SignInThrottle(RateLimiter rateLimiter) {
      this.rateLimiter = rateLimiter;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
      return !("POST".equals(request.getMethod())
          && (request.getContextPath() + LOGIN).equals(request.getRequestURI()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      if (rateLimiter.signInAllowed(request.getParameter("username"), request.getRemoteAddr())) {
        chain.doFilter(request, response);
      } else {
        response.sendRedirect(request.getContextPath() + LOGIN + "?throttled");
      }
    }
  }
}
