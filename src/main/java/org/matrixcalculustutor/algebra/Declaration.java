package org.matrixcalculustutor.algebra;

import java.util.EnumSet;
import java.util.Set;

/** What one line of a declaration block says of a symbol: its shape and its properties. */
public record Declaration(String name, Shape shape, Set<Property> properties) {

  public Declaration {
    properties = properties.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(properties));
  }

  public boolean has(Property property) {
    for (Property p : properties) { // a loop, not a stream: asked for every value a numeric check draws
      if (p.implies(property)) {
        return true;
      }
    }
    return false;
  }

  /** The declaration as one would write it: "A: matrix n x n symmetric". */
  public String text() {
    StringBuilder line = new StringBuilder(name).append(": ").append(shape.describe());
    properties.stream().sorted().forEach(p -> line.append(' ').append(p.word()));
    return line.toString();
  }
}
