package ibcheck.crosscheck.kinds.flow;


import ibcheck.crosscheck.KindFixture;
import ibcheck.verdict.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@code threshold} kind: Woodworth et al.'s alpha_2(eps), at which the l2 norm is within 1 + eps of the minimum. */
class ThresholdKindTest {
  static final String CHECK = """
      name: c
      kind: threshold
      model: diagonal-network
      scale: alpha
      threshold: THRESHOLD
      norm: l2
      eps: [0.1, 1]
      data: {rows: 3, cols: 6, sparse-truth: 2, seed: 7}
      tolerance: 1e-9
      """;

  @RegisterExtension final KindFixture fixture = KindFixture.definitionsOf("woodworth2020-q-alpha");

  @Test
  void theTheoremsThresholdHolds() {
    fixture.assertVerdict(Verdict.AGREES, CHECK.replace("THRESHOLD", "alphaL2(eps, n2)"));
  }

  @Test
  void aThresholdAHundredTimesTooSmallIsCaught() {
    fixture.assertVerdict(Verdict.DISAGREES, CHECK.replace("THRESHOLD", "alphaL2(eps, n2)/100"));
  }

  @Test
  void anUnknownNormNamesTheFieldAndLine() {
    fixture.assertReadingError(CHECK.replace("THRESHOLD", "alphaL2(eps, n2)").replace("norm: l2", "norm: l3"),
        "norm: l3",
        "'norm' must be l1 or l2, got 'l3'");
  }
}
