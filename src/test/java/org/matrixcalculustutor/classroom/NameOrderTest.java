package org.matrixcalculustutor.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Names in the order readers look for them: accents and case aside, numbers by value. */
class NameOrderTest {

  private static List<String> sorted(String... names) {
    return Stream.of(names).sorted(NameOrder.NAMES).toList();
  }

  @Test
  void accentedNames_sortByTheirBaseLetterNotAfterZ() {
    assertThat(sorted("Zoë", "Émile", "Hana", "Anna", "Chen", "Bo"))
        .containsExactly("Anna", "Bo", "Chen", "Émile", "Hana", "Zoë");
    assertThat(sorted("Eve", "Émile", "Ella")).containsExactly("Ella", "Émile", "Eve");
  }

  @Test
  void case_doesNotOrderNames() {
    assertThat(sorted("bo", "Anna", "ada", "Chen")).containsExactly("ada", "Anna", "bo", "Chen");
  }

  @Test
  void runsOfDigits_sortByTheirValue() {
    assertThat(sorted("Student 10", "Student 2", "Student 11", "Student 1", "Student 20", "Student 3"))
        .containsExactly("Student 1", "Student 2", "Student 3", "Student 10", "Student 11", "Student 20");
    assertThat(sorted("Group 2 b", "Group 10 a", "Group 2 a")).containsExactly("Group 2 a", "Group 2 b", "Group 10 a");
    assertThat(sorted("Student 99999999999999999999", "Student 100000000000000000000"))
        .as("numbers longer than a long").containsExactly("Student 99999999999999999999", "Student 100000000000000000000");
  }

  @Test
  void namesEqualButForAccentsOrCase_keepOneFixedOrder() {
    assertThat(sorted("Zoë", "zoe", "Zoe")).isEqualTo(sorted("Zoe", "Zoë", "zoe")).hasSize(3);
    assertThat(NameOrder.compare("Zoe", "Zoë")).isNotZero();
    assertThat(NameOrder.compare("", "Ada")).isNegative();
  }
}
