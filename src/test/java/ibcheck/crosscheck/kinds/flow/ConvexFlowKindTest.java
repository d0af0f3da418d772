package ibcheck.crosscheck.kinds.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ibcheck.crosscheck.KindFixture;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Figure;
import ibcheck.verdict.Verdict;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

  @TempDir Path dir;

  @Test
  void theLyapunovFunctionDecreasesAndTheDistanceBoundHolds() {
    ClaimResult r = KindFixture.with(dir, "").run(CHECK.replace("HOLDS", "dist2 <= dist02"));
    assertEquals(Verdict.AGREES, r.verdict(), r.message());
    assertFalse(Figure.of(r.evidence()).isEmpty(), "attaches a figure");
  }

  @Test
  void theDistanceBoundWithHalfTheInitialDistanceIsCaught() {
    ClaimResult r = KindFixture.with(dir, "").run(CHECK.replace("HOLDS", "Sqrt(dist2) <= Sqrt(dist02)/2"));
    assertEquals(Verdict.DISAGREES, r.verdict(), r.message());
  }

  @Test
  void anUnknownFamilyNamesTheFieldAndLine() {
    KindFixture fixture = KindFixture.with(dir, "");
    ClaimResult r = fixture.run(CHECK.replace("HOLDS", "dist2 <= dist02").replace("log-cosh", "hinge"));
    assertEquals(Verdict.ERROR, r.verdict(), r.message());
    assertEquals(fixture.location("problems:"), r.location());
    assertEquals("unknown family 'hinge' (known: psd-quadratic, log-cosh, logistic)", r.message());
  }
}
