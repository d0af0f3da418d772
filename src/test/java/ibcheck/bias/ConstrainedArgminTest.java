package ibcheck.bias;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibcheck.crosscheck.read.SyntheticData;
import ibcheck.models.Dataset;
import org.junit.jupiter.api.Test;

class ConstrainedArgminTest {
  static final Dataset DATA = new SyntheticData(5, 12, 3, 7).dataset();

  @Test
  void theQuadraticPotentialGivesTheMinimumL2Solution() {
    SeparablePotential half = new SeparablePotential() {
      @Override
      public double gradient(double b) {
        return b;
      }

      @Override
      public double curvature(double b) {
        return 1;
      }
    };
    Argmin a = new ConstrainedArgmin(DATA).solve(half);
    assertArrayEquals(NormReferences.minL2(DATA), a.beta(), 1e-12);
    assertTrue(a.feasibility() < 1e-12 && a.stationarity() < 1e-12);
  }

  @Test
  void theQAlphaArgminSatisfiesTheClosedFormKkt() {
    double alpha = 0.3;
    SeparablePotential qa = new SeparablePotential() { // Woodworth eq. (19), written out by hand
      @Override
      public double gradient(double b) {
        double u = b / (2 * alpha * alpha);
        return Math.log(u + Math.sqrt(u * u + 1));
      }

      @Override
      public double curvature(double b) {
        return 1 / Math.sqrt(b * b + 4 * Math.pow(alpha, 4));
      }
    };
    Argmin a = new ConstrainedArgmin(DATA).solve(qa);
    assertTrue(a.stationarity() < 1e-12 && a.feasibility() < 1e-12, a.toString());
  }

  @Test
  void minL1IsFeasibleAndNoLargerInL1ThanMinL2() {
    double[] l1 = NormReferences.minL1(DATA);
    double[] l2 = NormReferences.minL2(DATA);
    for (int n = 0; n < DATA.rows(); n++) {
      double s = 0;
      for (int i = 0; i < DATA.cols(); i++) {
        s += DATA.x()[n][i] * l1[i];
      }
      assertEquals(DATA.y()[n], s, 1e-9);
    }
    double n1 = 0;
    double n2 = 0;
    int support = 0;
    for (int i = 0; i < l1.length; i++) {
      n1 += Math.abs(l1[i]);
      n2 += Math.abs(l2[i]);
      support += Math.abs(l1[i]) > 1e-9 ? 1 : 0;
    }
    assertTrue(n1 < n2, n1 + " vs " + n2);
    assertTrue(support <= DATA.rows(), "a vertex of the l1 programme has at most n non-zeros: " + support);
  }
}
