package ibcheck.models;

import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;

/**
 * Matrix sensing ("A_i iid Gaussian, X* rank-2 ground truth"): m symmetric Gaussian
 * measurement matrices A_i (diagonal N(0, 1), off-diagonal N(0, 1/2), so {@code <A_i, X>} ~
 * N(0, |X|_F^2) for symmetric X), a positive semi-definite ground truth {@code X* = Z Z^T} of rank r
 * (Z Gaussian n x r) and noiseless {@code y_i = <A_i, X*>}. Reproducible from the seed (Well19937c).
 *
 * @param a the measurement matrices
 * @param truth X*
 * @param y the measurements
 */
public record MatrixSensing(double[][][] a, double[][] truth, double[] y) {

  public static MatrixSensing random(int n, int m, int rank, long seed) {
    if (n < 2 || n > 30 || m < 1 || m > 2000 || rank < 1 || rank > n) {
      throw new IllegalArgumentException("matrix sensing needs 2 <= n <= 30, 1 <= m <= 2000 and 1 <= rank <= n, got n = " + n
          + ", m = " + m + ", rank = " + rank);
    }
    RandomGenerator g = new Well19937c(seed);
    double[][][] a = new double[m][n][n];
    for (double[][] ai : a) {
      for (int p = 0; p < n; p++) {
        for (int q = 0; q <= p; q++) {
          double v = g.nextGaussian() / (p == q ? 1 : Math.sqrt(2));
          ai[p][q] = v;
          ai[q][p] = v;
        }
      }
    }
    double[][] z = new double[n][rank];
    for (double[] row : z) {
      for (int k = 0; k < rank; k++) {
        row[k] = g.nextGaussian();
      }
    }
    double[][] truth = new double[n][n];
    for (int p = 0; p < n; p++) {
      for (int q = 0; q < n; q++) {
        for (int k = 0; k < rank; k++) {
          truth[p][q] += z[p][k] * z[q][k];
        }
      }
    }
    double[] y = new double[m];
    for (int i = 0; i < m; i++) {
      double s = 0;
      for (int p = 0; p < n; p++) {
        for (int q = 0; q < n; q++) {
          s += a[i][p][q] * truth[p][q];
        }
      }
      y[i] = s;
    }
    return new MatrixSensing(a, truth, y);
  }

  /** The data as the {@link MatrixFactorisation#general} model reads it: rows vec(A_i). */
  public Dataset dataset() {
    int n = truth.length;
    double[][] rows = new double[a.length][n * n];
    for (int i = 0; i < a.length; i++) {
      for (int p = 0; p < n; p++) {
        System.arraycopy(a[i][p], 0, rows[i], p * n, n);
      }
    }
    return new Dataset(rows, y.clone());
  }
}
