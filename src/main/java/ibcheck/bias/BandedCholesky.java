package ibcheck.bias;

/**
 * Solves a symmetric positive definite banded system by Cholesky factorisation in band storage:
 * {@code a[d][i] = A(i, i + d)} for {@code d = 0..p}. Linear in the size for a fixed bandwidth p.
 */
final class BandedCholesky {
  private BandedCholesky() {}

  static double[] solve(double[][] a, double[] b) {
    int p = a.length - 1;
    int n = b.length;
    // l[d][i] = L(i + d, i), the factor's column i below the diagonal
    double[][] l = new double[p + 1][n];
    for (int j = 0; j < n; j++) {
      double s = a[0][j];
      for (int k = Math.max(0, j - p); k < j; k++) {
        s -= l[j - k][k] * l[j - k][k];
      }
      if (!(s > 0)) {
        throw new IllegalArgumentException("the discretised problem's matrix is not positive definite (pivot " + s
            + " at " + j + ")");
      }
      double d = Math.sqrt(s);
      l[0][j] = d;
      for (int i = j + 1; i <= Math.min(n - 1, j + p); i++) {
        double t = a[i - j][j];
        for (int k = Math.max(0, i - p); k < j; k++) {
          t -= l[i - k][k] * l[j - k][k];
        }
        l[i - j][j] = t / d;
      }
    }
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double s = b[i];
      for (int k = Math.max(0, i - p); k < i; k++) {
        s -= l[i - k][k] * y[k];
      }
      y[i] = s / l[0][i];
    }
    double[] x = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double s = y[i];
      for (int k = i + 1; k <= Math.min(n - 1, i + p); k++) {
        s -= l[k - i][i] * x[k];
      }
      x[i] = s / l[0][i];
    }
    return x;
  }
}
