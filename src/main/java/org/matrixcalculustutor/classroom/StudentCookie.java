package org.matrixcalculustutor.classroom;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/** The long-lived cookie that brings a student back to their own progress. */
final class StudentCookie {

  static final String NAME = "tutor_student";
  static final Duration LIFETIME = Duration.ofDays(365);

  private StudentCookie() {}

  static Optional<String> read(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    return cookies == null ? Optional.empty()
        : Arrays.stream(cookies).filter(c -> NAME.equals(c.getName())).map(Cookie::getValue).findFirst();
  }

  static void write(HttpServletResponse response, HttpServletRequest request, String token) {
    ResponseCookie cookie = ResponseCookie.from(NAME, token).path("/").httpOnly(true).sameSite("Lax")
        .secure(request.isSecure()).maxAge(LIFETIME).build();
    response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
  }
}
