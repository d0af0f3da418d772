package ibcheck.models;

/**
 * A model whose output is linear in the input: {@code f(theta, x) = <beta(theta), x>}. The
 * implicit-bias theorems are statements about the map {@code theta -> beta}; the parameter gradient
 * follows from it by the chain rule: {@code grad_theta L = J(theta)^T grad_beta L} with
 * {@code grad_beta L = 2 X^T r}.
 */
public interface LinearPredictor extends Predictor {

  /** The end-to-end linear predictor beta(theta). */
  @Override
  double[] beta(double[] theta);

  /** {@code J(theta)^T g}: the vector-Jacobian product of the map {@code theta -> beta}. */
  double[] pullBack(double[] theta, double[] g);

  @Override
  default double[] outputs(double[] theta, double[][] x) {
    double[] b = beta(theta);
    double[] out = new double[x.length];
    for (int n = 0; n < x.length; n++) {
      double s = 0;
      for (int i = 0; i < b.length; i++) {
        s += x[n][i] * b[i];
      }
      out[n] = s;
    }
    return out;
  }

  @Override
  default double[] lossGradient(double[] theta, double[][] x, double[] residual) {
    double[] g = new double[x[0].length];
    for (int n = 0; n < x.length; n++) {
      double twoR = 2 * residual[n];
      for (int i = 0; i < g.length; i++) {
        g[i] += twoR * x[n][i];
      }
    }
    return pullBack(theta, g);
  }
}
