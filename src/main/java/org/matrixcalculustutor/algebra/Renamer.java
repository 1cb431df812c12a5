package org.matrixcalculustutor.algebra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The same mathematics under other symbol names: x'*A*x becomes u'*B*u. */
public final class Renamer {

  private Renamer() {}

  public static Expr rename(Expr e, Map<String, String> names) {
    return Children.bottomUp(e, node -> {
      if (node instanceof Expr.Symbol s && names.containsKey(s.name())) {
        return new Expr.Symbol(names.get(s.name()));
      }
      if (node instanceof Expr.Differential d && names.containsKey(d.variable().name())) {
        return new Expr.Differential(new Expr.Symbol(names.get(d.variable().name())));
      }
      return node;
    });
  }

  public static Declarations rename(Declarations declarations, Map<String, String> names) {
    List<Declaration> renamed = new ArrayList<>();
    for (Declaration d : declarations.all()) {
      renamed.add(new Declaration(names.getOrDefault(d.name(), d.name()), d.shape(), d.properties()));
    }
    return Declarations.of(renamed);
  }
}
