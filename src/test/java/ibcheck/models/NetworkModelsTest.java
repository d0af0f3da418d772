package ibcheck.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fully connected network and the leaky-ReLU neuron: parameter gradients against central
 * differences of the loss, and the shape/scale initialisation of formulas.md 1.11.
 */
class NetworkModelsTest {
  private static double loss(Model m, double[] theta, Dataset d) {
    double[] out = m.outputs(theta, d.x());
    double s = 0;
    for (int n = 0; n < out.length; n++) {
      s += (out[n] - d.y()[n]) * (out[n] - d.y()[n]);
    }
    return s;
  }

  private static void gradientMatchesDifferences(Model m, Dataset d, double[] theta) {
    double[] r = m.outputs(theta, d.x());
    for (int n = 0; n < r.length; n++) {
      r[n] -= d.y()[n];
    }
    double[] g = m.lossGradient(theta, d.x(), r);
    for (int i = 0; i < theta.length; i++) {
      double h = 1e-6;
      double[] p = theta.clone();
      double[] q = theta.clone();
      p[i] += h;
      q[i] -= h;
      double fd = (loss(m, p, d) - loss(m, q, d)) / (2 * h);
      assertEquals(fd, g[i], 1e-6 * Math.max(1, Math.abs(fd)), m.name() + " parameter " + i);
    }
  }

  private static Dataset data(int rows, int cols, long seed) {
    Random random = new Random(seed);
    double[][] x = new double[rows][cols];
    double[] y = new double[rows];
    for (int n = 0; n < rows; n++) {
      for (int k = 0; k < cols; k++) {
        x[n][k] = random.nextGaussian();
      }
      y[n] = random.nextGaussian();
    }
    return new Dataset(x, y);
  }

  @Test
  void theFullyConnectedGradientIsTheLossGradient() {
    Dataset d = data(3, 5, 1);
    for (int width : new int[] {1, 2, 4}) {
      FullyConnectedNetwork m = new FullyConnectedNetwork(width, 0.7, 0.3, -1, 4, false);
      double[] theta = m.initialParameters(5);
      Random random = new Random(width);
      for (int i = 0; i < theta.length; i++) {
        theta[i] += 0.3 * random.nextGaussian();
      }
      gradientMatchesDifferences(m, d, theta);
    }
  }

  @Test
  void theLeakyReluGradientIsTheLossGradientAwayFromTheKink() {
    Dataset d = data(4, 6, 2);
    LeakyReluNeuron m = new LeakyReluNeuron(0.8, 0.2, 0.2, 3);
    gradientMatchesDifferences(m, d, m.initialParameters(6));
  }

  @Test
  void theInitialisationHasScaleShapeAndTheConservedDelta() {
    double alpha = 0.37;
    double s = 0.6;
    FullyConnectedNetwork m = new FullyConnectedNetwork(1, alpha, s, -1, 9, false);
    double[] theta = m.initialParameters(4);
    double a = theta[0];
    double ww = 0;
    for (int k = 1; k < theta.length; k++) {
      ww += theta[k] * theta[k];
    }
    assertEquals(alpha, Math.abs(a) * Math.sqrt(ww), 1e-14, "|a0| ||w0|| = alpha");
    assertEquals(s, (Math.abs(a) - Math.sqrt(ww)) / (Math.abs(a) + Math.sqrt(ww)), 1e-14, "the shape");
    assertEquals(-1, Math.signum(a));
    NamedState.Quantities q = m.initial(4);
    assertEquals(4 * alpha * s / (1 - s * s), q.scalars().get("dl"), 1e-14, "delta = 4 alpha s/(1 - s^2)");
    assertEquals(a, q.scalars().get("a0"));
  }

  @Test
  void sharedDirectionsAtShapeZeroAreStrictlyBalanced() {
    FullyConnectedNetwork m = new FullyConnectedNetwork(3, 0.5, 0, 1, 2, true);
    int d = 4;
    double[] theta = m.initialParameters(d);
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        double aa = theta[i] * theta[j];
        double ww = 0;
        for (int k = 0; k < d; k++) {
          ww += theta[3 + i * d + k] * theta[3 + j * d + k];
        }
        assertEquals(aa, ww, 1e-14, "a a^T = W W^T at (" + i + ", " + j + ")");
      }
    }
  }

  @Test
  void badSettingsAreRefusedByName() {
    assertThrows(IllegalArgumentException.class, () -> new FullyConnectedNetwork(1, 1, 1, 1, 1, false));
    assertThrows(IllegalArgumentException.class, () -> new FullyConnectedNetwork(1, 1, 0, 0, 1, false));
    assertThrows(IllegalArgumentException.class, () -> new LeakyReluNeuron(1, 0, 1.5, 1));
  }
}
