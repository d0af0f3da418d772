package ibcheck.bias;

/**
 * A strictly convex potential {@code Q(beta)} on R^d, not necessarily separable, seen through the
 * derivatives the KKT system of {@code min Q s.t. X beta = y} needs.
 */
public interface Potential {

  /** {@code grad Q(beta)}. */
  double[] gradient(double[] beta);

  /**
   * {@code Hess Q(beta)}, symmetric positive definite. The default takes central differences of
   * {@link #gradient} (step {@code 1e-6 max(1, |beta_j|)}): the Hessian only steers the solver, so
   * its truncation error slows convergence slightly but does not move the solution, which is fixed
   * by the exact gradient.
   */
  default double[][] hessian(double[] beta) {
    int d = beta.length;
    double[][] h = new double[d][d];
    double[] b = beta.clone();
    for (int j = 0; j < d; j++) {
      double step = 1e-6 * Math.max(1, Math.abs(beta[j]));
      b[j] = beta[j] + step;
      double[] plus = gradient(b);
      b[j] = beta[j] - step;
      double[] minus = gradient(b);
      b[j] = beta[j];
      for (int i = 0; i < d; i++) {
        h[i][j] = (plus[i] - minus[i]) / (2 * step);
      }
    }
    for (int i = 0; i < d; i++) { // symmetrise
      for (int j = i + 1; j < d; j++) {
        double m = (h[i][j] + h[j][i]) / 2;
        h[i][j] = m;
        h[j][i] = m;
      }
    }
    return h;
  }
}
