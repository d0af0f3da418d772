package ibcheck.crosscheck.kinds.flow;

import static org.junit.jupiter.api.Assertions.assertFalse;

import ibcheck.crosscheck.KindContract;
import ibcheck.crosscheck.KindFixture;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Figure;
import ibcheck.verdict.Verdict;

/**
 * The {@code convex-flow} kind: Wu's Lyapunov function and the distance bound along convex flows; the
 * bound with half the initial distance is caught.
 */
class ConvexFlowKindTest extends KindContract {
  static final String CHECK = """
      name: convex
      kind: convex-flow
      problems: {families: [log-cosh, logistic], count: 1, rows: 2, cols: 4, seed: 1}
      horizon: 5
      lyapunov: t*(R - Rbar) + dist2/2
      holds: HOLDS
      tolerance: 1e-9
      """;

  ConvexFlowKindTest() {
    super(KindFixture.with(""), new Claims(CHECK, "HOLDS", "dist2 <= dist02", "Sqrt(dist2) <= Sqrt(dist02)/2",
        Verdict.DISAGREES, "log-cosh", "hinge", "problems:",
        "unknown family 'hinge' (known: psd-quadratic, log-cosh, logistic)"));
  }

  @Override
  protected void passes(ClaimResult r) {
    assertFalse(Figure.of(r.evidence()).isEmpty(), "attaches a figure");
  }
}
