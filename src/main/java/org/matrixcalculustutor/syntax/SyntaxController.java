package org.matrixcalculustutor.syntax;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** /syntax: every form of the answer language, with examples typeset as the engine reads them. */
@Controller
class SyntaxController {

  static final String VIEW = "syntax/syntax";

  private final SyntaxGuide guide;

  SyntaxController(SyntaxGuide guide) {
    this.guide = guide;
  }

  @GetMapping("/syntax")
  String syntax(Model model) {
    model.addAttribute("guide", guide);
    return VIEW;
  }
}
