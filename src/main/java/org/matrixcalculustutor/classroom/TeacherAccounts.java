package org.matrixcalculustutor.classroom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Teachers sign in with a password stored as a BCrypt hash. The first account comes from
 * tutor.teacher.username and tutor.teacher.password (TUTOR_TEACHER_PASSWORD); setting the password
 * again at start changes it. Without one, a random password is made once and logged. A password
 * shorter than {@value #MIN_PASSWORD_LENGTH} characters stops the start with a message saying why.
 */
@Component
class TeacherAccounts implements UserDetailsService, ApplicationRunner {

  /** Characters (code points) a teacher's password has at least. */
  static final int MIN_PASSWORD_LENGTH = 10;

  private static final Logger log = LoggerFactory.getLogger(TeacherAccounts.class);

  private final TeacherRepository teachers;
  private final PasswordEncoder encoder;
  private final String username;
  private final String password;

  TeacherAccounts(TeacherRepository teachers, PasswordEncoder encoder,
      @Value("${tutor.teacher.username:teacher}") String username,
      @Value("${tutor.teacher.password:}") String password) {
    this.teachers = teachers;
    this.encoder = encoder;
    this.username = username;
    this.password = password;
    int length = password.codePointCount(0, password.length());
    if (!password.isEmpty() && length < MIN_PASSWORD_LENGTH) {
      throw new PasswordTooShortException(length, MIN_PASSWORD_LENGTH);
    }
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    Teacher existing = teachers.findByUsername(username).orElse(null);
    if (existing == null) {
      String chosen = password.isBlank() ? Tokens.password() : password;
      teachers.save(new Teacher(username, encoder.encode(chosen)));
      if (password.isBlank()) {
        log.warn("Created the teacher account '{}' with the password '{}'. Set TUTOR_TEACHER_PASSWORD to choose one.",
            username, chosen);
      } else {
        log.info("Created the teacher account '{}'.", username);
      }
    } else if (!password.isBlank() && !encoder.matches(password, existing.getPasswordHash())) {
      existing.setPasswordHash(encoder.encode(password));
      teachers.save(existing);
      log.info("Set a new password for the teacher account '{}'.", username);
    }
  }

  @Override
  public UserDetails loadUserByUsername(String name) {
    Teacher teacher = teachers.findByUsername(name).orElseThrow(() -> new UsernameNotFoundException(name));
    return User.withUsername(teacher.getUsername()).password(teacher.getPasswordHash()).roles("TEACHER").build();
  }
}
