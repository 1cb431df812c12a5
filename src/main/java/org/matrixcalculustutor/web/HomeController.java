package org.matrixcalculustutor.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: what the course is and where to start. */
@Controller
class HomeController {

  static final String VIEW = "home";

  @GetMapping("/")
  String home() {
    return VIEW;
  }
}
