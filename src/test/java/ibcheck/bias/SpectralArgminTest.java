package ibcheck.bias;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibcheck.models.Dataset;
import ibcheck.models.MatrixFactorisation;
import ibcheck.models.MatrixSensing;
import org.hipparchus.random.Well19937c;
import org.junit.jupiter.api.Test;

/** The spectral argmin against independent references, and the matrix-factorisation gradient. */
class SpectralArgminTest {
  @Test
  void commutingMeasurementsGiveTheMinL1Spectrum() {
    // A_i = O diag(a_i) O^T: min ||X||_* = min ||lambda||_1 s.t. a_i . lambda = y_i (simplex LP)
    int n = 6;
    int m = 3;
    Well19937c r = new Well19937c(5);
    double[][] spectra = new double[m][n];
    double[] y = new double[m];
    for (int i = 0; i < m; i++) {
      for (int k = 0; k < n; k++) {
        spectra[i][k] = r.nextGaussian();
      }
      y[i] = r.nextGaussian();
    }
    double[][] o = MatrixFactorisation.orthogonal(n, 9);
    double[][][] a = new double[m][n][n];
    for (int i = 0; i < m; i++) {
      for (int p = 0; p < n; p++) {
        for (int q = 0; q < n; q++) {
          for (int k = 0; k < n; k++) {
            a[i][p][q] += o[p][k] * spectra[i][k] * o[q][k];
          }
        }
      }
    }
    SpectralArgmin.Result res = new SpectralArgmin(a, y).solve(Math::abs, true, 200_000);
    double l1 = 0;
    for (double v : NormReferences.minL1(new Dataset(spectra, y))) {
      l1 += Math.abs(v);
    }
    assertEquals(l1, res.value(), 1e-7 * (1 + l1));
    assertTrue(res.value() - res.lowerBound() < 1e-7 * (1 + l1), "duality gap " + (res.value() - res.lowerBound()));
  }

  @Test
  void theSquarePenaltyGivesTheMinFrobeniusSolution() {
    MatrixSensing s = MatrixSensing.random(5, 7, 2, 3);
    SpectralArgmin argmin = new SpectralArgmin(s.a(), s.y());
    SpectralArgmin.Result res = argmin.solve(x -> x * x, false, 200_000);
    double[][] frob = argmin.project(new double[5][5]); // the projection of 0 is the min-Frobenius point
    double d = 0;
    for (int p = 0; p < 5; p++) {
      for (int q = 0; q < 5; q++) {
        d = Math.max(d, Math.abs(res.x()[p][q] - frob[p][q]));
      }
    }
    assertTrue(d < 1e-7, "distance " + d);
  }

  @Test
  void matrixFactorisationGradientMatchesFiniteDifferences() {
    MatrixSensing s = MatrixSensing.random(3, 4, 1, 2);
    Dataset data = s.dataset();
    for (MatrixFactorisation model : new MatrixFactorisation[] {MatrixFactorisation.general(0.7, 4),
        MatrixFactorisation.commuting(0.7, 4, 11)}) {
      Dataset d = model.name().equals(MatrixFactorisation.GENERAL) ? data
          : new Dataset(new double[][] {{1, 2, -1}, {0.5, 0, 3}}, new double[] {1, -2});
      double[] theta = model.initialParameters(d.cols());
      double[] out = model.outputs(theta, d.x());
      double[] res = new double[out.length];
      for (int i = 0; i < out.length; i++) {
        res[i] = out[i] - d.y()[i];
      }
      double[] grad = model.lossGradient(theta, d.x(), res);
      double h = 1e-6;
      for (int k = 0; k < theta.length; k++) {
        double[] tp = theta.clone();
        double[] tm = theta.clone();
        tp[k] += h;
        tm[k] -= h;
        double fd = (loss(model, tp, d) - loss(model, tm, d)) / (2 * h);
        assertEquals(fd, grad[k], 1e-6 * (1 + Math.abs(fd)), model.name() + " parameter " + k);
      }
    }
  }

  private static double loss(MatrixFactorisation model, double[] theta, Dataset d) {
    double[] out = model.outputs(theta, d.x());
    double l = 0;
    for (int i = 0; i < out.length; i++) {
      l += (out[i] - d.y()[i]) * (out[i] - d.y()[i]);
    }
    return l;
  }
}
