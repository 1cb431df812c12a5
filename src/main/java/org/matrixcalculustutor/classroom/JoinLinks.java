package org.matrixcalculustutor.classroom;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Full addresses students open: the join page with the class's code filled in, and re-entry links.
 * They start with the configured public address (tutor.public-url, TUTOR_PUBLIC_URL) or, when none
 * is set, with the address of the teacher's own request.
 */
@Component
class JoinLinks {

  private final String publicUrl;

  JoinLinks(@Value("${tutor.public-url:}") String publicUrl) {
    this.publicUrl = publicUrl == null ? "" : publicUrl.strip().replaceAll("/+$", "");
  }

  String base() {
    return publicUrl.isEmpty() ? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString() : publicUrl;
  }

  String join(Classroom classroom) {
    return base() + "/join?code=" + URLEncoder.encode(classroom.getJoinCode(), StandardCharsets.UTF_8);
  }

  /** The join address without scheme, short enough to write on a board. */
  String joinShown(Classroom classroom) {
    return join(classroom).replaceFirst("^https?://", "");
  }

  String reentry(String token) {
    return base() + "/join/again/" + token;
  }
}
