package ibcheck.crosscheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibcheck.TheoremFiles;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Figure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sharpness / non-uniformity diagram is drawn from the file's own second-moment factor: its edge
 * of stability peaks where the file's secm says (at a = 1/eta, s = sqrt(B(n-1)/(n-B))/eta), the
 * example minimum sits on that edge at its critical eta, and a different factor in the file draws a
 * different edge.
 */
class StabilityDiagramTest {
  static final String CHECK = "the critical learning rates at x = 1 — 4/7.24 for SGD (B = 1) and 1 for GD (B = 2)";

  @TempDir Path dir;

  private Figure diagram(String secmDefinition) throws IOException {
    String file = Files.readString(Path.of("theorems/wu2018-two-minima.yaml"));
    if (secmDefinition != null) {
      String line = file.lines().filter(l -> l.trim().startsWith("secm(")).findFirst().orElseThrow();
      file = file.replace(line, line.substring(0, line.indexOf(':') + 1) + " " + secmDefinition);
    }
    ClaimResult c = TheoremFiles.check(dir, Map.of("two-minima.yaml", file)).claim("wu2018-two-minima", CHECK);
    List<Figure> figures = Figure.of(c.evidence());
    assertEquals(2, figures.size(), "one diagram per (n, B): " + c.message());
    return figures.get(0);
  }

  @Test
  void theEdgeOfStabilityIsTheFilesSecondMomentFactor() throws IOException {
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
  void anEdgeTallerThanTheUsualWindowIsDrawnToItsPeakNotClipped() throws IOException {
    // a hundredth of the noise term puts the peak at s = 10/eta, far above the window 2/eta
    Figure tall = diagram("(1 - eta*a)^2 + eta^2*s^2*(n - B)/(B*(n - 1))/100");
    Figure.Series edge = tall.series().get(0);
    int mid = edge.x().length / 2;
    assertEquals(10 / (4 / 7.24), edge.y()[mid], 1e-6, tall.caption());
  }

  @Test
  void aDifferentFactorInTheFileDrawsADifferentEdge() throws IOException {
    Figure shipped = diagram(null);
    Figure halved = diagram("(1 - eta*a)^2 + eta^2*s^2*(n - B)/(B*(n - 1))/4");
    int mid = shipped.series().get(0).x().length / 2;
    double ratio = halved.series().get(0).y()[mid] / halved.series().get(0).x()[mid]
        / (shipped.series().get(0).y()[mid] / shipped.series().get(0).x()[mid]);
    assertEquals(2, ratio, 1e-6, "a quarter of the noise term doubles the edge's height relative to 1/eta");
  }
}
