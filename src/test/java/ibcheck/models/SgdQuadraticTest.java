package ibcheck.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The SGD quadratic computes its moments from the components alone. */
class SgdQuadraticTest {
  private static final SgdQuadratic TWO_MINIMA_AT_ONE = new SgdQuadratic(new double[][][] {{{0.2}}, {{3.8}}});

  @Test
  void theTwoMinimaFactorsAreExact() {
    assertEquals(1.7476, TWO_MINIMA_AT_ONE.exactMoments(0.7, 1).second()[0][0], 1e-14);
    assertEquals(0.16, TWO_MINIMA_AT_ONE.exactMoments(0.7, 2).second()[0][0], 1e-14);
    assertEquals(1 - 0.7 * 2, TWO_MINIMA_AT_ONE.exactMoments(0.7, 1).first()[0][0], 1e-14);
  }

  @Test
  void batchesAreEnumeratedWithoutReplacement() {
    SgdQuadratic q = SgdQuadratic.random(7, 2, 3, 1);
    SgdQuadratic.Moments m = q.exactMoments(0.4, 3);
    assertEquals(35, m.batches());
    double[][] h = q.mean();
    for (int r = 0; r < 2; r++) {
      for (int c = 0; c < 2; c++) {
        assertEquals((r == c ? 1 : 0) - 0.4 * h[r][c], m.first()[r][c], 1e-14);
      }
    }
  }

  @Test
  void monteCarloAgreesWithTheExactSecondMoment() {
    SgdQuadratic q = SgdQuadratic.random(9, 1, 5, 1);
    double exact = q.exactMoments(0.5, 2).second()[0][0];
    SgdQuadratic.Estimate e = q.monteCarlo(0.5, 2, new double[] {1}, 1, 100_000, 9);
    assertTrue(Math.abs(e.mean() - exact) < 5 * e.standardError(), e + " vs " + exact);
  }

  @Test
  void componentsMustBePositiveSemiDefinite() {
    assertThrows(IllegalArgumentException.class, () -> new SgdQuadratic(new double[][][] {{{1}}, {{-1}}}));
    assertThrows(IllegalArgumentException.class, () -> SgdQuadratic.random(3, 2, 1, 1).exactMoments(0.1, 4));
  }
}
