package ibcheck.crosscheck.kinds.sgd;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ibcheck.crosscheck.KindContract;
import ibcheck.crosscheck.KindFixture;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Verdict;

/** The {@code moment} kind: SGD's one-step moment factors at Wu, Ma and E's minimum x = 1, exact over all batches. */
class MomentKindTest extends KindContract {
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

  MomentKindTest() {
    super(KindFixture.definitionsOf("wu2018-two-minima"), new Claims(CHECK, "SECOND", "secm(eta, a, s, n, B)",
        "(1 - eta*a)^2 + eta^2*vb(n, B)*s", Verdict.DISAGREES, "tolerance: 1e-12\n",
        "tolerance: 1e-12\nmethod: sampled\n", "method: sampled", "'method' must be exact or monte-carlo, got 'sampled'"));
  }

  /** s instead of s^2 is caught. */
  @Override
  protected void rejected(ClaimResult r) {
    assertTrue(r.message().contains("second-moment formula"), r.message());
  }
}
