package ibcheck.crosscheck.kinds.classification;


import ibcheck.crosscheck.KindContract;
import ibcheck.crosscheck.KindFixture;
import ibcheck.verdict.Verdict;

/** The {@code max-margin} kind: the exponential-loss flow's direction tends to the max-margin separator like 1/log t. */
class MaxMarginKindTest extends KindContract {
  static final String CHECK = """
      name: c
      kind: max-margin
      model: linear
      data: {n: 8, dim: 3, gap: 0.3, seed: 5}
      loss: lexp(u)
      method: flow
      log-time: 150
      predicts:
        rate: RATE
        offset: offs(alpha, eta)
      tolerance: 1e-6
      band: 1e-3
      """;

  MaxMarginKindTest() {
    super(KindFixture.definitionsOf("soudry2018-max-margin"), new Claims(CHECK, "RATE", "1/Log(t)", "1/Sqrt(Log(t))",
        Verdict.DISAGREES, "method: flow", "method: newton", "method: newton", "'method' must be flow or gd, got 'newton'"));
  }

}
