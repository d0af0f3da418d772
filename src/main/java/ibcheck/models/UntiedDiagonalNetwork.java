package ibcheck.models;

import java.util.Arrays;

/**
 * The diagonal linear network with untied weights (Azulay et al. 2021, Theorem 1; formulas.md
 * 1.1-1.3): {@code theta = (u+, v+, u-, v-)}, {@code beta = u+ v+ - u- v-} coordinatewise. The
 * initialisation has scale alpha and shape s in (-1, 1) in every coordinate:
 * {@code |u| = sqrt(alpha (1-s)/(1+s))}, {@code |v| = sqrt(alpha (1+s)/(1-s))}, the +/- copies equal
 * (so beta(0) = 0, |u v| = alpha and s = (|v|-|u|)/(|v|+|u|)).
 */
public final class UntiedDiagonalNetwork implements LinearPredictor {
  private final double u0;
  private final double v0;

  public UntiedDiagonalNetwork(double alpha, double shape) {
    if (!(shape > -1 && shape < 1)) {
      throw new IllegalArgumentException("initialisation setting 'shape' must lie in (-1, 1), got " + shape);
    }
    this.u0 = Math.sqrt(alpha * (1 - shape) / (1 + shape));
    this.v0 = Math.sqrt(alpha * (1 + shape) / (1 - shape));
  }

  @Override
  public String name() {
    return "untied-diagonal-network";
  }

  /** theta = (u+, v+, u-, v-). */
  @Override
  public java.util.List<String> parameterBlocks() {
    return java.util.List.of("up", "vp", "um", "vm");
  }

  @Override
  public double[] initialParameters(int inputs) {
    double[] theta = new double[4 * inputs];
    Arrays.fill(theta, 0, inputs, u0);
    Arrays.fill(theta, inputs, 2 * inputs, v0);
    Arrays.fill(theta, 2 * inputs, 3 * inputs, u0);
    Arrays.fill(theta, 3 * inputs, 4 * inputs, v0);
    return theta;
  }

  @Override
  public double[] beta(double[] theta) {
    int d = theta.length / 4;
    double[] b = new double[d];
    for (int i = 0; i < d; i++) {
      b[i] = theta[i] * theta[d + i] - theta[2 * d + i] * theta[3 * d + i];
    }
    return b;
  }

  @Override
  public double[] pullBack(double[] theta, double[] g) {
    int d = theta.length / 4;
    double[] out = new double[theta.length];
    for (int i = 0; i < d; i++) {
      out[i] = theta[d + i] * g[i];
      out[d + i] = theta[i] * g[i];
      out[2 * d + i] = -theta[3 * d + i] * g[i];
      out[3 * d + i] = -theta[2 * d + i] * g[i];
    }
    return out;
  }
}
