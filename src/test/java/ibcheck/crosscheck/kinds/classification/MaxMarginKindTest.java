package ibcheck.crosscheck.kinds.classification;


import ibcheck.crosscheck.KindFixture;
import ibcheck.verdict.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@code max-margin} kind: the exponential-loss flow's direction tends to the max-margin separator like 1/log t. */
class MaxMarginKindTest {
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

  @RegisterExtension final KindFixture fixture = KindFixture.definitionsOf("soudry2018-max-margin");

  @Test
  void theFlowsDirectionAndOffsetAreTheMaxMarginOnes() {
    fixture.assertVerdict(Verdict.AGREES, CHECK.replace("RATE", "1/Log(t)"));
  }

  @Test
  void aFasterRateThanOneOverLogTIsCaught() {
    fixture.assertVerdict(Verdict.DISAGREES, CHECK.replace("RATE", "1/Sqrt(Log(t))"));
  }

  @Test
  void anUnknownMethodNamesTheFieldAndLine() {
    fixture.assertReadingError(CHECK.replace("RATE", "1/Log(t)").replace("method: flow", "method: newton"),
        "method: newton",
        "'method' must be flow or gd, got 'newton'");
  }
}
