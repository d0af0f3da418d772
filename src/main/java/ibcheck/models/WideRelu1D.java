package ibcheck.models;

import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;

/**
 * Jin and Montufar's shallow ReLU network on the line (eqs. 1-3 and 5):
 * {@code f(x, theta) = sum_i W2_i [W1_i x + b1_i]_+ + b2} with {@code W1_i = W}, {@code b1_i = B},
 * {@code W2_i = W / sqrt n}, {@code b2 = B / sqrt n} for W ~ U(-aw, aw), B ~ U(-ab, ab), in the
 * anti-symmetrical initialisation (ASI): two copies with equal initial parameters, combined as
 * {@code (sqrt 2/2) f(x, theta') - (sqrt 2/2) f(x, theta'')}, so {@code f(., theta_0) = 0}. Both copies
 * are trained. Parameters: per copy {@code (W1, b1, W2, b2)}, copy ' first.
 *
 * <p>Training is gradient descent on the seed's MSE {@code (1/2) sum_j (f(x_j) - y_j)^2}; the output
 * layer is {@code W2, b2} of both copies.
 */
public final class WideRelu1D {
  private static final double S = Math.sqrt(2) / 2;
  private final int n;

  public WideRelu1D(int width) {
    if (width < 1 || width > 1_000_000) {
      throw new IllegalArgumentException("width must lie in [1, 1000000], got " + width);
    }
    this.n = width;
  }

  public int width() {
    return n;
  }

  public int parameters() {
    return 2 * (3 * n + 1);
  }

  /** theta_0: W ~ U(-aw, aw), B ~ U(-ab, ab), both copies equal (ASI). */
  public double[] initial(double aw, double ab, long seed) {
    RandomGenerator r = new Well19937c(seed);
    double[] t = new double[parameters()];
    double root = Math.sqrt(n);
    for (int i = 0; i < n; i++) {
      t[i] = aw * (2 * r.nextDouble() - 1);
      t[n + i] = ab * (2 * r.nextDouble() - 1);
      t[2 * n + i] = aw * (2 * r.nextDouble() - 1) / root;
    }
    t[3 * n] = ab * (2 * r.nextDouble() - 1) / root;
    System.arraycopy(t, 0, t, 3 * n + 1, 3 * n + 1);
    return t;
  }

  /** Whether parameter k belongs to the output layer (W2 or b2 of either copy). */
  public boolean isOutput(int k) {
    int j = k % (3 * n + 1);
    return j >= 2 * n;
  }

  public double value(double[] t, double x) {
    return S * (copy(t, 0, x) - copy(t, 3 * n + 1, x));
  }

  private double copy(double[] t, int off, double x) {
    double s = t[off + 3 * n];
    for (int i = 0; i < n; i++) {
      double pre = t[off + i] * x + t[off + n + i];
      if (pre > 0) {
        s += t[off + 2 * n + i] * pre;
      }
    }
    return s;
  }

  /** {@code grad_theta f(x, theta)}. */
  public double[] gradient(double[] t, double x) {
    double[] g = new double[parameters()];
    for (int c = 0; c < 2; c++) {
      int off = c * (3 * n + 1);
      double sg = c == 0 ? S : -S;
      for (int i = 0; i < n; i++) {
        double pre = t[off + i] * x + t[off + n + i];
        if (pre > 0) {
          double w2 = t[off + 2 * n + i];
          g[off + i] = sg * w2 * x;
          g[off + n + i] = sg * w2;
          g[off + 2 * n + i] = sg * pre;
        }
      }
      g[off + 3 * n] = sg;
    }
    return g;
  }

  /** One gradient-descent step on {@code (1/2) sum_j (f(x_j) - y_j)^2}, in place. */
  public void step(double[] t, double[] x, double[] y, double eta) {
    int m = x.length;
    double[] r = new double[m];
    for (int j = 0; j < m; j++) {
      r[j] = value(t, x[j]) - y[j];
    }
    double[] g = new double[t.length];
    for (int c = 0; c < 2; c++) {
      int off = c * (3 * n + 1);
      double sg = c == 0 ? S : -S;
      for (int i = 0; i < n; i++) {
        double w1 = t[off + i];
        double b1 = t[off + n + i];
        double w2 = t[off + 2 * n + i];
        double g1 = 0;
        double gb = 0;
        double g2 = 0;
        for (int j = 0; j < m; j++) {
          double pre = w1 * x[j] + b1;
          if (pre > 0) {
            double rs = r[j] * sg;
            g1 += rs * w2 * x[j];
            gb += rs * w2;
            g2 += rs * pre;
          }
        }
        g[off + i] = g1;
        g[off + n + i] = gb;
        g[off + 2 * n + i] = g2;
      }
      double gc = 0;
      for (int j = 0; j < m; j++) {
        gc += r[j] * sg;
      }
      g[off + 3 * n] = gc;
    }
    for (int k = 0; k < t.length; k++) {
      t[k] -= eta * g[k];
    }
  }
}
