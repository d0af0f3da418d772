package ibcheck.models;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;

/**
 * The depth-2 fully connected linear network of width m (Azulay et al. 2021, Sections 5-6;
 * formulas.md 1.6-1.8, 1.11): {@code f(x) = a^T W x}, {@code theta = (a, W)} with a in R^m and W an
 * m x d matrix stored row by row, end-to-end predictor {@code beta = W^T a}. Its vector-Jacobian
 * product is {@code (W g, a g^T)}.
 *
 * <p>Initialisation with scale alpha and shape s in (-1, 1), per neuron i (the author code of
 * formulas.md 1.11): {@code |a_i| = sqrt(alpha (1+s)/(1-s))} with the sign {@code sign},
 * {@code w_i = sqrt(alpha (1-s)/(1+s)) u_i} with u_i a unit vector, so {@code |a_i| ||w_i|| = alpha},
 * {@code s = (|a_i| - ||w_i||)/(|a_i| + ||w_i||)} and {@code a_i^2 - ||w_i||^2 = 4 alpha s/(1 - s^2)}.
 * The directions u_i are Gaussian, normalised, drawn from {@code seed}; with {@code shared} every
 * neuron has the same direction u, so {@code W = (||w|| / |a|) a (sign u)^T} and at s = 0 the
 * initialisation is strictly balanced, {@code a a^T = W W^T} (Proposition 1).
 */
public final class FullyConnectedNetwork implements LinearPredictor, NamedState {
  private final int width;
  private final double a0;
  private final double w0;
  private final long seed;
  private final boolean shared;

  /**
   * @param width m, the number of hidden neurons
   * @param alpha the scale, positive
   * @param shape s in (-1, 1)
   * @param sign the sign of every output weight a_i: any nonzero number, of which only the sign is
   *     used (so a property may draw it from an interval)
   * @param seed of the hidden directions
   * @param shared whether every neuron gets the same direction
   */
  public FullyConnectedNetwork(int width, double alpha, double shape, double sign, long seed, boolean shared) {
    if (width < 1 || width > 100) {
      throw new IllegalArgumentException("initialisation setting 'width' must be an integer in [1, 100], got " + width);
    }
    if (!(shape > -1 && shape < 1)) {
      throw new IllegalArgumentException("initialisation setting 'shape' must lie in (-1, 1), got " + shape);
    }
    if (!(sign != 0 && Double.isFinite(sign))) {
      throw new IllegalArgumentException("initialisation setting 'sign' must be nonzero (its sign is used), got " + sign);
    }
    this.width = width;
    this.a0 = Math.signum(sign) * Math.sqrt(alpha * (1 + shape) / (1 - shape));
    this.w0 = Math.sqrt(alpha * (1 - shape) / (1 + shape));
    this.seed = seed;
    this.shared = shared;
  }

  @Override
  public String name() {
    return "fc-linear-network";
  }

  public int width() {
    return width;
  }

  @Override
  public double[] initialParameters(int inputs) {
    double[] theta = new double[width + width * inputs];
    RandomGenerator random = new Well19937c(seed);
    double[] u = null;
    for (int i = 0; i < width; i++) {
      theta[i] = a0;
      if (u == null || !shared) {
        u = unit(random, inputs);
      }
      for (int k = 0; k < inputs; k++) {
        theta[width + i * inputs + k] = w0 * u[k];
      }
    }
    return theta;
  }

  private static double[] unit(RandomGenerator random, int d) {
    double[] u = new double[d];
    double n = 0;
    while (!(n > 1e-6)) {
      n = 0;
      for (int k = 0; k < d; k++) {
        u[k] = random.nextGaussian();
        n += u[k] * u[k];
      }
      n = Math.sqrt(n);
    }
    for (int k = 0; k < d; k++) {
      u[k] /= n;
    }
    return u;
  }

  @Override
  public double[] beta(double[] theta) {
    int d = (theta.length - width) / width;
    double[] b = new double[d];
    for (int i = 0; i < width; i++) {
      double a = theta[i];
      for (int k = 0; k < d; k++) {
        b[k] += a * theta[width + i * d + k];
      }
    }
    return b;
  }

  @Override
  public double[] pullBack(double[] theta, double[] g) {
    int d = g.length;
    double[] out = new double[theta.length];
    for (int i = 0; i < width; i++) {
      double s = 0;
      for (int k = 0; k < d; k++) {
        s += theta[width + i * d + k] * g[k];
        out[width + i * d + k] = theta[i] * g[k];
      }
      out[i] = s;
    }
    return out;
  }

  /**
   * {@code b0} = beta(0), and for a single neuron (m = 1) also {@code a0}, {@code w0} and the
   * conserved {@code dl} = a^2 - ||w||^2; for m > 1, {@code dl} is the trace of the conserved matrix
   * a a^T - W W^T.
   */
  @Override
  public Quantities initial(int inputs) {
    double[] theta = initialParameters(inputs);
    Map<String, Double> scalars = new LinkedHashMap<>();
    Map<String, double[]> vectors = new LinkedHashMap<>();
    vectors.put("b0", beta(theta));
    double dl = 0;
    for (int i = 0; i < width; i++) {
      dl += theta[i] * theta[i];
      for (int k = 0; k < inputs; k++) {
        dl -= theta[width + i * inputs + k] * theta[width + i * inputs + k];
      }
    }
    scalars.put("dl", dl);
    if (width == 1) {
      scalars.put("a0", theta[0]);
      double[] w = new double[inputs];
      System.arraycopy(theta, 1, w, 0, inputs);
      vectors.put("w0", w);
    }
    return new Quantities(scalars, vectors);
  }

  /** {@code a} (m = 1: the output weight; m > 1: ||a||) and {@code nb} = ||beta||. */
  @Override
  public Map<String, Double> scalars(double[] theta) {
    Map<String, Double> m = new LinkedHashMap<>();
    double aa = 0;
    for (int i = 0; i < width; i++) {
      aa += theta[i] * theta[i];
    }
    m.put("a", width == 1 ? theta[0] : Math.sqrt(aa));
    double bb = 0;
    for (double v : beta(theta)) {
      bb += v * v;
    }
    m.put("nb", Math.sqrt(bb));
    return m;
  }
}
