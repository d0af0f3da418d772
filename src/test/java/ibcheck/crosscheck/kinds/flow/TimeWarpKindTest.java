package ibcheck.crosscheck.kinds.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibcheck.crosscheck.KindContract;
import ibcheck.crosscheck.KindFixture;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Figure;
import ibcheck.verdict.Verdict;
import java.util.List;
import java.util.Map;

/** The {@code time-warp} kind: warping the flow's time by g = |a| changes when it arrives, not where. */
class TimeWarpKindTest extends KindContract {
  static final String CHECK = """
      name: c
      kind: time-warp
      model: fc-linear-network
      init: {shape: 0.5}
      sweep: {alpha: [0.05, 2]}
      data: {rows: 3, cols: 7, sparse-truth: 2, seed: 3}
      warp: Abs(a)
      predicts:
        potential: POTENTIAL
      tolerance: 1e-6
      time-tolerance: 1e-3
      """;

  TimeWarpKindTest() {
    super(KindFixture.with(PotentialArgminKindTest.DEFINITIONS), new Claims(CHECK, "POTENTIAL", "Qfc(b, b0, dl)",
        "nrm(b)^(5/2) - 3/2*Dot(b0, b)/Sqrt(nrm(b0))", Verdict.DISAGREES, "time-tolerance: 1e-3", "time-tolerance: 0",
        "time-tolerance: 0", "'time-tolerance' must be in (0, 1), got 0"));
  }

  /** Time warping changes the time, not the limit. */
  @Override
  protected void passes(ClaimResult r) {
    List<?> points = (List<?>) r.evidence().get("points");
    for (Object o : points) {
      Map<?, ?> p = (Map<?, ?>) o;
      double t = (Double) p.get("time_plain");
      double tau = (Double) p.get("time_warped");
      assertTrue(Math.abs(t - tau) > 1e-3 * t, "the times differ: " + p);
    }
    List<Figure> figures = Figure.of(r.evidence());
    assertEquals(2, figures.size());
    assertEquals(2, figures.get(0).series().size());
  }
}
