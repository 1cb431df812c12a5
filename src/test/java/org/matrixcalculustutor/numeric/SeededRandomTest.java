package org.matrixcalculustutor.numeric;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SeededRandomTest {

  @ParameterizedTest
  @ValueSource(longs = {0, 1, 17, 20_261_123L, -5, Long.MAX_VALUE})
  void numbers_areJavaUtilRandomsForTheSameSeed(long seed) {
    Random expected = new Random(seed);
    Random actual = new SeededRandom(seed);
    for (int i = 0; i < 1_000; i++) {
      assertThat(actual.nextDouble()).isEqualTo(expected.nextDouble());
      assertThat(actual.nextInt(6)).isEqualTo(expected.nextInt(6));
      assertThat(actual.nextBoolean()).isEqualTo(expected.nextBoolean());
      assertThat(actual.nextLong()).isEqualTo(expected.nextLong());
    }
    List<Integer> a = new ArrayList<>(List.of(2, 3, 4, 5, 6, 7));
    List<Integer> b = new ArrayList<>(a);
    Collections.shuffle(a, expected);
    Collections.shuffle(b, actual);
    assertThat(b).isEqualTo(a);
  }
}
