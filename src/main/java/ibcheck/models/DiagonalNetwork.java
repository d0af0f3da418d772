package ibcheck.models;

import java.util.Arrays;

/**
 * The diagonal linear network of depth D (Woodworth et al. 2020, eq. 3 for D = 2 and eq. 10 for
 * D >= 3): parameters {@code theta = (w+, w-)} in R^d x R^d, {@code beta = w+^D - w-^D}
 * coordinatewise, initialised at {@code w+(0) = w-(0) = alpha} in every coordinate (w0 = 1), so
 * beta(0) = 0. Its vector-Jacobian product is {@code (D w+^(D-1) g, -D w-^(D-1) g)}.
 */
public final class DiagonalNetwork implements LinearPredictor {
  private final String name;
  private final int depth;
  private final double alpha;

  public DiagonalNetwork(String name, int depth, double alpha) {
    if (depth < 2) {
      throw new IllegalArgumentException("depth must be an integer >= 2, got " + depth);
    }
    this.name = name;
    this.depth = depth;
    this.alpha = alpha;
  }

  @Override
  public String name() {
    return name;
  }

  /** theta = (w+, w-). */
  @Override
  public java.util.List<String> parameterBlocks() {
    return java.util.List.of("wp", "wm");
  }

  @Override
  public double[] initialParameters(int inputs) {
    double[] theta = new double[2 * inputs];
    Arrays.fill(theta, alpha);
    return theta;
  }

  @Override
  public double[] beta(double[] theta) {
    int d = theta.length / 2;
    double[] b = new double[d];
    for (int i = 0; i < d; i++) {
      b[i] = pow(theta[i], depth) - pow(theta[d + i], depth);
    }
    return b;
  }

  @Override
  public double[] pullBack(double[] theta, double[] g) {
    int d = theta.length / 2;
    double[] out = new double[theta.length];
    for (int i = 0; i < d; i++) {
      out[i] = depth * pow(theta[i], depth - 1) * g[i];
      out[d + i] = -depth * pow(theta[d + i], depth - 1) * g[i];
    }
    return out;
  }

  // integer powers by multiplication: exact signs for negative bases, cheaper than Math.pow
  private static double pow(double x, int k) {
    double r = 1;
    for (int j = 0; j < k; j++) {
      r *= x;
    }
    return r;
  }
}
