package org.matrixcalculustutor;

import org.matrixcalculustutor.web.StopSignal;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Matrix Calculus Tutor: lessons, a calculator and graded exercises on one differential engine. */
@SpringBootApplication
public class TutorApplication {

  public static void main(String[] args) {
    StopSignal.exitZeroOnTerm();
    SpringApplication.run(TutorApplication.class, args);
  }
}
