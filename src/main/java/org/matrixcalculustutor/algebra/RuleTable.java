package org.matrixcalculustutor.algebra;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A set of rules as a table keyed by node type, in priority order within each type (SymPy's
 * {@code typed}): a node is only ever offered the rules of its own type.
 */
final class RuleTable {

  private final Map<Class<? extends Expr>, List<Rule<?>>> byType;
  private final List<Rule<?>> all;
  /** byType as the JVM's own per-class slot: a node's rules are looked up for every node of every pass. */
  private final ClassValue<List<Rule<?>>> forType = new ClassValue<>() {
    @Override
    protected List<Rule<?>> computeValue(Class<?> type) {
      return byType.getOrDefault(type, List.of());
    }
  };

  private RuleTable(List<Rule<?>> rules) {
    Map<Class<? extends Expr>, List<Rule<?>>> table = new LinkedHashMap<>();
    for (Rule<?> rule : rules) {
      table.computeIfAbsent(rule.type(), t -> new ArrayList<>()).add(rule);
    }
    table.replaceAll((type, list) -> List.copyOf(list));
    this.byType = Map.copyOf(table);
    this.all = List.copyOf(rules);
  }

  static RuleTable of(List<Rule<?>> rules) {
    return new RuleTable(rules);
  }

  /** The rules for e's type, in priority order; empty when none rewrites such a node. */
  List<Rule<?>> rulesFor(Expr e) {
    return forType.get(e.getClass());
  }

  /** Every rule, in the order given. */
  List<Rule<?>> all() {
    return all;
  }

  /** The rule of this name. */
  Rule<?> rule(String name) {
    return all.stream().filter(r -> r.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no rule " + name));
  }
}
