package org.matrixcalculustutor.classroom;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The teacher's sign-in page; Spring Security handles the form post. */
@Controller
class LoginController {

  static final String VIEW = "classroom/login";

  @GetMapping("/login")
  String login() {
    return VIEW;
  }
}
