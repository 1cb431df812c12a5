package org.matrixcalculustutor.algebra;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the data files of src/test/resources: one case a line, fields split by a separator. */
public final class LanguageCases {

  private LanguageCases() {}

  /** The lines of a resource that are cases: not blank, not comments; split into fields. */
  public static List<String[]> read(String resource, String separator, int fields) {
    try (InputStream in = LanguageCases.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      List<String[]> cases = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = new String[fields];
        String rest = line;
        for (int i = fields - 1; i > 0; i--) {
          int cut = rest.lastIndexOf(separator);
          parts[i] = rest.substring(cut + separator.length()).strip();
          rest = rest.substring(0, cut);
        }
        parts[0] = rest.strip();
        cases.add(parts);
      }
      return cases;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
