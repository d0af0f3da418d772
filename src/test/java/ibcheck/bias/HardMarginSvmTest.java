package ibcheck.bias;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibcheck.models.Classification;
import org.junit.jupiter.api.Test;

/** The hard-margin solver: exact KKT solutions, degenerate and non-separable inputs. */
class HardMarginSvmTest {
  @Test
  void orthogonalSupportVectorsGiveTheHandSolution() {
    // z1 = (1, 0), z2 = (0, 2) are the support vectors: w = (1, 1/2), alpha = (1, 1/4)
    HardMarginSvm.Solution s = HardMarginSvm.solve(new double[][] {{1, 0}, {0, 2}, {2, 2}, {1, 3}});
    assertArrayEquals(new double[] {1, 0.5}, s.w(), 1e-14);
    assertArrayEquals(new double[] {1, 0.25, 0, 0}, s.alpha(), 1e-14);
    assertArrayEquals(new int[] {0, 1}, s.support());
    assertEquals(1 / Math.sqrt(1.25), s.margin(), 1e-14);
    assertTrue(s.feasibility() >= -1e-14 && Math.abs(s.gap()) < 1e-13);
  }

  @Test
  void moreMarginVectorsThanDimensionsIncludingDependentTies() {
    // three points on the margin line z . (1, 1) = 1 in the plane: any two of them are dependent with
    // the third; the solution is unique in w (the min-norm point of the line) even if alpha is not
    HardMarginSvm.Solution s = HardMarginSvm.solve(new double[][] {{1, 0}, {0, 1}, {0.5, 0.5}, {3, 1}});
    assertArrayEquals(new double[] {1, 1}, s.w(), 1e-12);
    assertTrue(s.feasibility() >= -1e-12);
  }

  @Test
  void randomSeparableDataSatisfyKkt() {
    for (long seed = 1; seed <= 30; seed++) {
      Classification c = Classification.separable(3 + (int) (seed % 10), 2 + (int) (seed % 3), 0.1, seed);
      HardMarginSvm.Solution s = HardMarginSvm.solve(c.margins());
      assertTrue(s.feasibility() >= -1e-10, "seed " + seed + ": feasibility " + s.feasibility());
      assertTrue(s.slackness() <= 1e-9 * (1 + s.w().length), "seed " + seed + ": slackness " + s.slackness());
      for (double a : s.alpha()) {
        assertTrue(a >= 0);
      }
    }
  }

  @Test
  void nonSeparableDataAreAnError() {
    assertThrows(IllegalArgumentException.class, () -> HardMarginSvm.solve(new double[][] {{1, 0}, {-1, 0}, {0, 1}}));
  }
}
