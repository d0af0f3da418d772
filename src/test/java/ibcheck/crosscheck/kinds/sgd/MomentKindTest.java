package ibcheck.crosscheck.kinds.sgd;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ibcheck.crosscheck.KindFixture;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@code moment} kind: SGD's one-step moment factors at Wu, Ma and E's minimum x = 1, exact over all batches. */
class MomentKindTest {
  static final String CHECK = """
      name: c
      kind: moment
      model: sgd-quadratic
      components: h1
      sweep: {B: [1, 2], eta: [0.7, 0.3]}
      predicts:
        first: 1 - eta*a
        second: SECOND
      tolerance: 1e-12
      """;

  @RegisterExtension final KindFixture fixture = KindFixture.definitionsOf("wu2018-two-minima");

  @Test
  void theFilesFactorsAreTheExactAveragesOverTheBatches() {
    fixture.assertVerdict(Verdict.AGREES, CHECK.replace("SECOND", "secm(eta, a, s, n, B)"));
  }

  @Test
  void sInsteadOfSSquaredIsCaught() {
    ClaimResult r = fixture.assertVerdict(Verdict.DISAGREES, CHECK.replace("SECOND",
        "(1 - eta*a)^2 + eta^2*vb(n, B)*s"));
    assertTrue(r.message().contains("second-moment formula"), r.message());
  }

  @Test
  void anUnknownMethodNamesTheFieldAndLine() {
    fixture.assertReadingError(CHECK.replace("SECOND", "secm(eta, a, s, n, B)") + "method: sampled\n",
        "method: sampled",
        "'method' must be exact or monte-carlo, got 'sampled'");
  }
}
