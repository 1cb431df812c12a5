package org.matrixcalculustutor.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.matrixcalculustutor.calculus.Layout;

/**
 * One line of identities.jsonl: a function, its variable, the declarations and the verified
 * gradient; "source" cites where it comes from (Matrix Cookbook equation number).
 */
public record IdentityCase(String id, String function, String variable, String declarations,
    String gradient, Layout layout, String source) {

  private static final Pattern FIELD = Pattern.compile("\"(\\w+)\": (\"((?:[^\"\\\\]|\\\\.)*)\"|null|-?\\d+)");

  public static List<IdentityCase> all() {
    try (InputStream in = IdentityCase.class.getResourceAsStream("/identities/identities.jsonl")) {
      List<IdentityCase> cases = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank()) {
          cases.add(parse(line));
        }
      }
      return cases;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static IdentityCase parse(String line) {
    java.util.Map<String, String> fields = new java.util.HashMap<>();
    Matcher m = FIELD.matcher(line);
    while (m.find()) {
      String value = m.group(3) != null ? m.group(3).replace("\\n", "\n").replace("\\\"", "\"") : m.group(2);
      fields.put(m.group(1), value);
    }
    String equation = fields.get("cookbook_eq");
    return new IdentityCase(fields.get("id"), fields.get("f"), fields.get("wrt"), fields.get("declarations"),
        fields.get("gradient"), Layout.parse(fields.get("layout")),
        equation == null || equation.equals("null") ? "Matrix Cookbook" : "Matrix Cookbook (" + equation + ")");
  }

  @Override
  public String toString() {
    return id + " " + function + " d/d" + variable;
  }
}
