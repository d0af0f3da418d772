package ibcheck.crosscheck.kinds.sgd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibcheck.crosscheck.KindContract;
import ibcheck.crosscheck.KindFixture;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Figure;
import ibcheck.verdict.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@code stability} kind at Wu, Ma and E's minimum x = 1: the critical learning rates, and the
 * sharpness / non-uniformity diagram drawn from the file's own second-moment factor: its edge of
 * stability peaks where the file's secm says (at a = 1/eta, s = sqrt(B(n-1)/(n-B))/eta), the example
 * minimum sits on that edge at its critical eta, and a different factor in the file draws a different
 * edge.
 */
class StabilityKindTest extends KindContract {
  static final String CHECK = """
      name: c
      kind: stability
      model: sgd-quadratic
      components: h1
      sweep: {B: [1, 2]}
      predicts:
        second: secm(eta, a, s, n, B)
        necessary: NECESSARY
      tolerance: 1e-9
      """;

  StabilityKindTest() {
    super(KindFixture.definitionsOf("wu2018-two-minima"), new Claims(CHECK, "NECESSARY", "0 <= a <= 2/eta",
        "0 <= a <= 1/eta", Verdict.DISAGREES, "tolerance: 1e-9\n", "tolerance: 1e-9\ninit: {alpha: 2}\n",
        "init: {alpha: 2}", "'alpha' is not a setting of model 'sgd-quadratic' (settings: B, dim, eta, n, scale, seed)"));
  }

  private ClaimResult run(KindFixture f) {
    return f.run(CHECK.replace("NECESSARY", "0 <= a <= 2/eta"));
  }

  private Figure diagram(String secmDefinition) {
    KindFixture f = fixture;
    if (secmDefinition != null) {
      String line = fixture.definitions().lines().filter(l -> l.trim().startsWith("secm(")).findFirst().orElseThrow();
      f = fixture.replacing(line, line.substring(0, line.indexOf(':') + 1) + " " + secmDefinition);
    }
    ClaimResult c = run(f);
    List<Figure> figures = Figure.of(c.evidence());
    assertEquals(2, figures.size(), "one diagram per (n, B): " + c.message());
    return figures.get(0);
  }

  @Test
  void theEdgeOfStabilityIsTheFilesSecondMomentFactor() {
    Figure f = diagram(null);
    assertTrue(f.linearAxes() && f.caption().contains("n = 2, B = 1"), f.caption());
    Figure.Series edge = f.series().get(0);
    double eta = 4 / 7.24;
    int mid = edge.x().length / 2;
    assertEquals(1 / eta, edge.x()[mid], 1e-12);
    // secm = (1 - eta a)^2 + eta^2 s^2 (n-B)/(B(n-1)) = 1 at a = 1/eta gives s = sqrt(B(n-1)/(n-B))/eta = 1/eta
    assertEquals(1 / eta, edge.y()[mid], 1e-6);
    Figure.Series minima = f.series().get(2);
    assertEquals(2, minima.x()[0], 1e-12);
    assertEquals(1.8, minima.y()[0], 1e-12);
  }

  @Test
  void anEdgeTallerThanTheUsualWindowIsDrawnToItsPeakNotClipped() {
    // a hundredth of the noise term puts the peak at s = 10/eta, far above the window 2/eta
    Figure tall = diagram("(1 - eta*a)^2 + eta^2*s^2*(n - B)/(B*(n - 1))/100");
    Figure.Series edge = tall.series().get(0);
    int mid = edge.x().length / 2;
    assertEquals(10 / (4 / 7.24), edge.y()[mid], 1e-6, tall.caption());
  }

  @Test
  void aDifferentFactorInTheFileDrawsADifferentEdge() {
    Figure shipped = diagram(null);
    Figure halved = diagram("(1 - eta*a)^2 + eta^2*s^2*(n - B)/(B*(n - 1))/4");
    int mid = shipped.series().get(0).x().length / 2;
    double ratio = halved.series().get(0).y()[mid] / halved.series().get(0).x()[mid]
        / (shipped.series().get(0).y()[mid] / shipped.series().get(0).x()[mid]);
    assertEquals(2, ratio, 1e-6, "a quarter of the noise term doubles the edge's height relative to 1/eta");
  }

  /** One over eta instead of two over eta is caught. */
  @Override
  protected void rejected(ClaimResult r) {
    assertTrue(r.message().contains("necessary condition"), r.message());
  }
}
