package ibcheck.crosscheck.kinds.flow;

import static org.junit.jupiter.api.Assertions.assertFalse;

import ibcheck.crosscheck.KindFixture;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Figure;
import ibcheck.verdict.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@code convex-flow} kind: Wu's Lyapunov function and the distance bound along convex flows. */
class ConvexFlowKindTest {
  static final String CHECK = """
      name: convex
      kind: convex-flow
      problems: {families: [log-cosh, logistic], count: 1, rows: 2, cols: 4, seed: 1}
      horizon: 5
      lyapunov: t*(R - Rbar) + dist2/2
      holds: HOLDS
      tolerance: 1e-9
      """;

  @RegisterExtension final KindFixture fixture = KindFixture.with("");

  @Test
  void theLyapunovFunctionDecreasesAndTheDistanceBoundHolds() {
    ClaimResult r = fixture.assertVerdict(Verdict.AGREES, CHECK.replace("HOLDS", "dist2 <= dist02"));
    assertFalse(Figure.of(r.evidence()).isEmpty(), "attaches a figure");
  }

  @Test
  void theDistanceBoundWithHalfTheInitialDistanceIsCaught() {
    fixture.assertVerdict(Verdict.DISAGREES, CHECK.replace("HOLDS", "Sqrt(dist2) <= Sqrt(dist02)/2"));
  }

  @Test
  void anUnknownFamilyNamesTheFieldAndLine() {
    fixture.assertReadingError(CHECK.replace("HOLDS", "dist2 <= dist02").replace("log-cosh", "hinge"), "problems:",
        "unknown family 'hinge' (known: psd-quadratic, log-cosh, logistic)");
  }
}
