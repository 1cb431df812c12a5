package org.matrixcalculustutor.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.matrixcalculustutor.TutorApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A short TUTOR_TEACHER_PASSWORD stops the start, and the log says why and what to do. */
@ExtendWith(OutputCaptureExtension.class)
class TeacherPasswordTest {

  @Test
  void aPasswordOfNineCharacters_isRefusedAndTenAreEnough() {
    assertThatThrownBy(() -> new TeacherAccounts(null, null, "teacher", "123456789"))
        .isInstanceOf(PasswordTooShortException.class).hasMessageContaining("has 9 characters")
        .hasMessageContaining("at least 10");
    // characters, not bytes: ten accented letters are ten
    assertThatCode(() -> new TeacherAccounts(null, null, "teacher", "éééééééééé")).doesNotThrowAnyException();
    // none set: a random one is made at start
    assertThatCode(() -> new TeacherAccounts(null, null, "teacher", "")).doesNotThrowAnyException();
  }

  @Test
  void theApp_doesNotStartWithAShortPasswordAndSaysWhy(CapturedOutput output) {
    assertThatThrownBy(() -> SpringApplication.run(TutorApplication.class, "--server.port=0",
        "--spring.datasource.url=jdbc:h2:mem:short-password", "--tutor.teacher.password=secret"))
        .hasRootCauseInstanceOf(PasswordTooShortException.class);
    assertThat(output).contains("APPLICATION FAILED TO START")
        .contains("TUTOR_TEACHER_PASSWORD (tutor.teacher.password) has 6 characters")
        .contains("Set TUTOR_TEACHER_PASSWORD to at least 10 characters");
  }
}
