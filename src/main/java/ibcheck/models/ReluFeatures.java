package ibcheck.models;

import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;

/**
 * The hidden layer of Chizat and Bach's wide two-layer ReLU network, frozen:
 * {@code h(x) = (1/m) sum_j b_j (a_j . [x; 1])_+} with input weights a_j uniform on the unit sphere
 * of R^{d+1} and output weights b_j(0) = +-1 uniformly ({@code mu_0 = U(S^d) x U{-1, 1}}).
 * Training only the output layer is a linear model in b with features
 * {@code phi_j(x) = (a_j . [x; 1])_+ / m}. Reproducible from the seed (Well19937c).
 *
 * @param a the m input weight vectors, each of length d + 1
 * @param b0 the output weights at initialisation
 */
public record ReluFeatures(double[][] a, double[] b0) {
  public static final String NAME = "relu-features";

  public static ReluFeatures random(int width, int dim, long seed) {
    if (width < 1 || width > 1_000_000 || dim < 1 || dim > 10_000) {
      throw new IllegalArgumentException("relu-features needs 1 <= width <= 1000000 and 1 <= dim, got width = " + width);
    }
    RandomGenerator random = new Well19937c(seed);
    double[][] a = new double[width][];
    double[] b0 = new double[width];
    for (int j = 0; j < width; j++) {
      a[j] = Classification.unit(random, dim + 1);
      b0[j] = random.nextBoolean() ? 1 : -1;
    }
    return new ReluFeatures(a, b0);
  }

  public int width() {
    return a.length;
  }

  /** The feature vector phi(x), of length m. */
  public double[] features(double[] x) {
    int m = a.length;
    double[] phi = new double[m];
    for (int j = 0; j < m; j++) {
      double s = a[j][x.length];
      for (int k = 0; k < x.length; k++) {
        s += a[j][k] * x[k];
      }
      phi[j] = Math.max(0, s) / m;
    }
    return phi;
  }

  /** {@code z_i = y_i phi(x_i)}. */
  public double[][] margins(Classification data) {
    double[][] z = new double[data.rows()][];
    for (int i = 0; i < z.length; i++) {
      z[i] = features(data.x()[i]);
      for (int j = 0; j < z[i].length; j++) {
        z[i][j] *= data.y()[i];
      }
    }
    return z;
  }
}
