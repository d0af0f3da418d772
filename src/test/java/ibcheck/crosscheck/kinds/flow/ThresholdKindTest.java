package ibcheck.crosscheck.kinds.flow;

import ibcheck.crosscheck.KindContract;
import ibcheck.crosscheck.KindFixture;
import ibcheck.verdict.Verdict;

/**
 * The {@code threshold} kind: Woodworth et al.'s alpha_2(eps), at which the l2 norm is within 1 + eps
 * of the minimum; a threshold a hundred times too small is caught.
 */
class ThresholdKindTest extends KindContract {
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

  ThresholdKindTest() {
    super(KindFixture.definitionsOf("woodworth2020-q-alpha"), new Claims(CHECK, "THRESHOLD", "alphaL2(eps, n2)",
        "alphaL2(eps, n2)/100", Verdict.DISAGREES, "norm: l2", "norm: l3", "norm: l3", "'norm' must be l1 or l2, got 'l3'"));
  }
}
