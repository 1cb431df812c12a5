package org.matrixcalculustutor.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The plain-text line a page prints beside an identity's LaTeX reads as one statement. */
class LessonIdentityTextTest {

  @Test
  void aFunctionOfSeveralTerms_isParenthesisedAfterDByD() {
    assertThat(LessonIdentity.grouped("a + t*b")).isEqualTo("(a + t*b)");
    assertThat(LessonIdentity.grouped("x'*A*x")).isEqualTo("(x'*A*x)");
    assertThat(LessonIdentity.grouped("-0.5*logdet(Sigma)")).isEqualTo("(-0.5*logdet(Sigma))");
    assertThat(LessonIdentity.grouped("tr(A)*tr(B)")).isEqualTo("(tr(A)*tr(B))");
  }

  @Test
  void oneNameOrOneCall_staysAsItIs() {
    assertThat(LessonIdentity.grouped("f")).isEqualTo("f");
    assertThat(LessonIdentity.grouped("tr(X*A)")).isEqualTo("tr(X*A)");
    assertThat(LessonIdentity.grouped("sum(log(ones + exp(X*w)))")).isEqualTo("sum(log(ones + exp(X*w)))");
  }

  @Test
  void theLineTangentOfTheVectorsChapter_readsDByDtOfTheWholeLine() {
    assertThat(LessonCatalog.load().identities()).filteredOn(i -> "a + t*b".equals(i.function()))
        .isNotEmpty()
        .allSatisfy(i -> assertThat(i.text()).startsWith("d/dt (a + t*b) = b"));
  }
}
