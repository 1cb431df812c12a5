package org.matrixcalculustutor.algebra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.matrixcalculustutor.numeric.NumericEquality;

/**
 * Each rule of the simplifier on its own: applied once to a node of its type, it gives the rewritten
 * node, which equals the node on random matrices of distinct sizes; and every rule of both tables has
 * a case here, so a new rule does not go untested.
 */
class RulesTest {

  private static final Declarations DECLARED = RuleExamples.DECLARED;

  private static Rule<?> ruleNamed(String name) {
    return RuleExamples.rule(name);
  }

  private static Expr node(String text) {
    return RuleExamples.node(text);
  }

  private static Expr parse(String text) {
    return RuleExamples.parse(text);
  }

  static Stream<Arguments> cases() {
    return RuleExamples.ALL.stream().map(c -> Arguments.of(c.rule(), c.before(), c.after()));
  }

  @ParameterizedTest(name = "{0}: {1} -> {2}")
  @MethodSource("cases")
  void rule_rewritesItsNodeToAnEqualOne(String name, String before, String after) {
    Expr node = node(before);
    Typing typing = ShapeChecker.check(node, DECLARED);
    Rule<?> rule = ruleNamed(name);
    assertThat(node).as("the case offers the rule a node of its type").isInstanceOf(rule.type());

    Expr rewritten = rule.apply(node, new Rewriting(Shapes.of(typing), Simplifier.SIMPLIFIED, "simplifying"));

    assertThat(TextPrinter.print(rewritten)).isEqualTo(TextPrinter.print(parse(after)));
    assertThat(NumericEquality.maxRelativeDifference(node, rewritten, DECLARED, 7L, 3))
        .as("%s on random matrices", name).isLessThan(1e-9);
  }

  @Test
  void everyRuleOfBothTables_hasItsOwnCase() {
    Set<String> rules = new TreeSet<>();
    List.of(Simplifier.SIMPLIFY, Simplifier.NORMAL_FORM).forEach(t -> t.all().forEach(r -> rules.add(r.name())));
    assertThat(RuleExamples.ALL.stream().map(RuleExamples.Example::rule)).containsExactlyInAnyOrderElementsOf(rules);
  }

  @Test
  void warmUpPass_firesEveryRuleToItsExamplesNode() {
    assertThat(RuleExamples.fireEach()).as("rules whose example gave another node").isEmpty();
  }

  @Test
  void rulesOfATable_haveDistinctNames() {
    for (RuleTable table : List.of(Simplifier.SIMPLIFY, Simplifier.NORMAL_FORM)) {
      assertThat(table.all().stream().map(Rule::name)).doesNotHaveDuplicates();
    }
  }
}
