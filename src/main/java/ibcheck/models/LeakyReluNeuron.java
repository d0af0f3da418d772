package ibcheck.models;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;

/**
 * A single leaky-ReLU neuron (Azulay et al. 2021, Theorem 4; formulas.md 1.9):
 * {@code f(x) = a sigma(w . x)} with {@code sigma(z) = max(z, gamma z)}, slope gamma in (0, 1),
 * {@code theta = (a, w)}. The vector the theorem is about is {@code beta = a w}; with a > 0,
 * {@code f(x) = sigma(beta . x)} by positive homogeneity.
 *
 * <p><b>The kink.</b> sigma' jumps from gamma to 1 at z = w . x_n = 0, so the vector field
 * {@code -grad L} is discontinuous there. Where it points into the kink from both sides, the gradient
 * flow slides along it (its Filippov solution: the data point's output stays 0 for a while, then
 * leaves), and an ODE integrator that takes sigma' from the side it happens to be on chatters across
 * z = 0 with ever smaller steps. So the kink is a thin band {@code |z_n| <= 1e-9 ||w|| ||x_n||}: inside
 * it, sigma'(z_n) is the number lambda_n in [gamma, 1] that keeps z_n' = 0 (the Filippov convex
 * combination; for several points at once the small linear system, clipped to [gamma, 1]), and
 * outside it is the one-sided derivative. A flow that crosses the kink transversally gets lambda at
 * the end of [gamma, 1] it is heading to, i.e. the one-sided value.
 *
 * <p>Initialisation as {@link FullyConnectedNetwork} with m = 1 and a positive output weight:
 * {@code a(0) = sqrt(alpha (1+s)/(1-s))}, {@code w(0) = sqrt(alpha (1-s)/(1+s)) u}, u a random unit
 * vector from {@code seed}.
 */
public final class LeakyReluNeuron implements Predictor, NamedState {
  private final double slope;
  private final double a0;
  private final double w0;
  private final long seed;

  public LeakyReluNeuron(double alpha, double shape, double slope, long seed) {
    if (!(shape > -1 && shape < 1)) {
      throw new IllegalArgumentException("initialisation setting 'shape' must lie in (-1, 1), got " + shape);
    }
    if (!(slope > 0 && slope < 1)) {
      throw new IllegalArgumentException("initialisation setting 'slope' must lie in (0, 1), got " + slope);
    }
    this.slope = slope;
    this.a0 = Math.sqrt(alpha * (1 + shape) / (1 - shape));
    this.w0 = Math.sqrt(alpha * (1 - shape) / (1 + shape));
    this.seed = seed;
  }

  @Override
  public String name() {
    return "leaky-relu-neuron";
  }

  private double sigma(double z) {
    return z >= 0 ? z : slope * z;
  }

  private double sigmaPrime(double z) {
    return z >= 0 ? 1 : slope;
  }

  @Override
  public double[] initialParameters(int inputs) {
    RandomGenerator random = new Well19937c(seed);
    double[] theta = new double[1 + inputs];
    double n = 0;
    while (!(n > 1e-6)) {
      n = 0;
      for (int k = 0; k < inputs; k++) {
        theta[1 + k] = random.nextGaussian();
        n += theta[1 + k] * theta[1 + k];
      }
      n = Math.sqrt(n);
    }
    for (int k = 0; k < inputs; k++) {
      theta[1 + k] *= w0 / n;
    }
    theta[0] = a0;
    return theta;
  }

  @Override
  public double[] outputs(double[] theta, double[][] x) {
    double[] out = new double[x.length];
    for (int n = 0; n < x.length; n++) {
      out[n] = theta[0] * sigma(dotW(theta, x[n]));
    }
    return out;
  }

  private static double dotW(double[] theta, double[] x) {
    double s = 0;
    for (int k = 0; k < x.length; k++) {
      s += theta[1 + k] * x[k];
    }
    return s;
  }

  /** Half-width of the kink band, relative to ||w|| ||x_n||. */
  static final double KINK_BAND = 1e-9;

  @Override
  public double[] lossGradient(double[] theta, double[][] x, double[] residual) {
    int rows = x.length;
    double[] slopes = new double[rows];
    double ww = 0;
    for (int k = 1; k < theta.length; k++) {
      ww += theta[k] * theta[k];
    }
    java.util.List<Integer> kink = new java.util.ArrayList<>();
    for (int n = 0; n < rows; n++) {
      double z = dotW(theta, x[n]);
      double xx = 0;
      for (double v : x[n]) {
        xx += v * v;
      }
      if (Math.abs(z) <= KINK_BAND * Math.sqrt(ww * xx)) {
        kink.add(n);
      } else {
        slopes[n] = sigmaPrime(z);
      }
    }
    if (!kink.isEmpty()) {
      sliding(theta, x, residual, slopes, kink);
    }
    double[] g = new double[theta.length];
    for (int n = 0; n < rows; n++) {
      double z = dotW(theta, x[n]);
      double twoR = 2 * residual[n];
      g[0] += twoR * sigma(z);
      double c = twoR * theta[0] * slopes[n];
      for (int k = 0; k < x[n].length; k++) {
        g[1 + k] += c * x[n][k];
      }
    }
    return g;
  }

  /**
   * The slopes of the points on the kink: z_m' = -2 a sum_n r_n lambda_n (x_m . x_n) must vanish for
   * every m on it, given the one-sided slopes of the others; solved (least squares) and clipped to
   * [gamma, 1].
   */
  private void sliding(double[] theta, double[][] x, double[] residual, double[] slopes, java.util.List<Integer> kink) {
    int k = kink.size();
    double[][] g = new double[k][k];
    double[] rhs = new double[k];
    for (int i = 0; i < k; i++) {
      int m = kink.get(i);
      double fixed = 0;
      for (int n = 0; n < x.length; n++) {
        if (!kink.contains(n)) {
          fixed += residual[n] * slopes[n] * dot(x[m], x[n]);
        }
      }
      rhs[i] = -fixed;
      for (int j = 0; j < k; j++) {
        int n = kink.get(j);
        g[i][j] = residual[n] * dot(x[m], x[n]);
      }
    }
    double[] lambda;
    try {
      lambda = new org.hipparchus.linear.QRDecomposition(new org.hipparchus.linear.Array2DRowRealMatrix(g, false))
          .getSolver().solve(new org.hipparchus.linear.ArrayRealVector(rhs, false)).toArray();
    } catch (org.hipparchus.exception.MathIllegalArgumentException e) {
      lambda = new double[k];
      java.util.Arrays.fill(lambda, 1);
    }
    for (int i = 0; i < k; i++) {
      double l = lambda[i];
      slopes[kink.get(i)] = Double.isFinite(l) ? Math.min(1, Math.max(slope, l)) : 1;
    }
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  @Override
  public double[] beta(double[] theta) {
    double[] b = new double[theta.length - 1];
    for (int k = 0; k < b.length; k++) {
      b[k] = theta[0] * theta[1 + k];
    }
    return b;
  }

  /** {@code b0}, {@code w0}, {@code a0} and the conserved {@code dl} = a^2 - ||w||^2. */
  @Override
  public Quantities initial(int inputs) {
    double[] theta = initialParameters(inputs);
    double[] w = new double[inputs];
    System.arraycopy(theta, 1, w, 0, inputs);
    double ww = 0;
    for (double v : w) {
      ww += v * v;
    }
    Map<String, Double> scalars = new LinkedHashMap<>();
    scalars.put("a0", theta[0]);
    scalars.put("dl", theta[0] * theta[0] - ww);
    Map<String, double[]> vectors = new LinkedHashMap<>();
    vectors.put("b0", beta(theta));
    vectors.put("w0", w);
    return new Quantities(scalars, vectors);
  }

  /** {@code a}, the output weight. */
  @Override
  public Map<String, Double> scalars(double[] theta) {
    return Map.of("a", theta[0]);
  }
}
