package ibcheck.models;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;

/**
 * A one-hidden-layer ReLU network on the line, Savarese, Evron, Soudry and Srebro's setting:
 * {@code h(x) = sum_k a_k (w_k x + b_k)_+ + c}, trained by gradient descent on
 * {@code J = sum_i (h(x_i) - y_i)^2 + (lambda/2) sum_k (a_k^2 + w_k^2)} — weight decay on the weights,
 * not on the biases b_k and c. Parameters {@code theta = (a, w, b, c)}.
 *
 * <p>Its function is piecewise linear; {@link #shape} reads off the kinks {@code -b_k/w_k}, the slope
 * jumps {@code a_k |w_k|} there, the total variation of h' (kinks at one place merged) and
 * {@code h'(-inf) + h'(+inf) = sum_k a_k w_k}.
 */
public final class ReluNetwork1D {
  private final double[] theta;
  private final int width;

  private ReluNetwork1D(double[] theta) {
    this.theta = theta;
    this.width = (theta.length - 1) / 3;
  }

  /**
   * A random network: w_k i.i.d. N(0, 1), kinks {@code c_k = -b_k/w_k} uniform on [lo, hi] (so every
   * unit is active on part of the data), a_k i.i.d. N(0, scale^2 / width), c = 0.
   */
  public static ReluNetwork1D random(int width, double scale, double lo, double hi, long seed) {
    if (width < 1 || width > 100_000) {
      throw new IllegalArgumentException("width must be between 1 and 100000, got " + width);
    }
    if (!(lo < hi)) {
      throw new IllegalArgumentException("the kinks' interval must have lo < hi");
    }
    RandomGenerator r = new Well19937c(seed);
    double[] t = new double[3 * width + 1];
    for (int k = 0; k < width; k++) {
      double w = r.nextGaussian();
      double c = lo + (hi - lo) * r.nextDouble();
      t[width + k] = w;
      t[2 * width + k] = -w * c;
      t[k] = scale * r.nextGaussian() / Math.sqrt(width);
    }
    return new ReluNetwork1D(t);
  }

  /** The network with these weights (copied). */
  public static ReluNetwork1D of(double[] a, double[] w, double[] b, double c) {
    int m = a.length;
    if (w.length != m || b.length != m || m < 1) {
      throw new IllegalArgumentException("a, w and b need the same positive length");
    }
    double[] t = new double[3 * m + 1];
    System.arraycopy(a, 0, t, 0, m);
    System.arraycopy(w, 0, t, m, m);
    System.arraycopy(b, 0, t, 2 * m, m);
    t[3 * m] = c;
    return new ReluNetwork1D(t);
  }

  public int width() {
    return width;
  }

  public double[] parameters() {
    return theta.clone();
  }

  public double value(double x) {
    double s = theta[3 * width];
    for (int k = 0; k < width; k++) {
      double pre = theta[width + k] * x + theta[2 * width + k];
      if (pre > 0) {
        s += theta[k] * pre;
      }
    }
    return s;
  }

  /** {@code sum_k |a_k| |w_k|}: the weight-decay cost at balance. */
  public double pathCost() {
    double s = 0;
    for (int k = 0; k < width; k++) {
      s += Math.abs(theta[k] * theta[width + k]);
    }
    return s;
  }

  /** {@code sum_k (a_k^2 + w_k^2) / 2 = ||(a, w)||^2 / 2}. */
  public double weightCost() {
    double s = 0;
    for (int k = 0; k < width; k++) {
      s += theta[k] * theta[k] + theta[width + k] * theta[width + k];
    }
    return s / 2;
  }

  /** {@code max_k | |a_k| - |w_k| |}: zero at balance. */
  public double imbalance() {
    double m = 0;
    for (int k = 0; k < width; k++) {
      m = Math.max(m, Math.abs(Math.abs(theta[k]) - Math.abs(theta[width + k])));
    }
    return m;
  }

  /**
   * The function's shape.
   *
   * @param totalVariation {@code int |h''| = sum over kink locations of |sum of the jumps there|}
   * @param ends {@code h'(-inf) + h'(+inf)}
   * @param kinks the kink locations with a non-zero merged jump, sorted
   * @param jumps the merged slope jumps there
   */
  public record Shape(double totalVariation, double ends, double[] kinks, double[] jumps) {}

  public Shape shape() {
    List<double[]> kj = new ArrayList<>();
    double ends = 0;
    for (int k = 0; k < width; k++) {
      double a = theta[k];
      double w = theta[width + k];
      double b = theta[2 * width + k];
      ends += a * w;
      if (w != 0 && a != 0) {
        kj.add(new double[] {-b / w, a * Math.abs(w)});
      }
    }
    kj.sort((p, q) -> Double.compare(p[0], q[0]));
    List<double[]> merged = new ArrayList<>();
    for (double[] p : kj) {
      if (!merged.isEmpty() && Math.abs(p[0] - merged.get(merged.size() - 1)[0]) <= 1e-12 * (1 + Math.abs(p[0]))) {
        merged.get(merged.size() - 1)[1] += p[1];
      } else {
        merged.add(p.clone());
      }
    }
    double tv = 0;
    double[] kinks = new double[merged.size()];
    double[] jumps = new double[merged.size()];
    for (int i = 0; i < kinks.length; i++) {
      kinks[i] = merged.get(i)[0];
      jumps[i] = merged.get(i)[1];
      tv += Math.abs(jumps[i]);
    }
    return new Shape(tv, ends, kinks, jumps);
  }

  /** The outcome of training. */
  public record Training(int iterations, double objective, double loss, double gradientNorm, double finalStep,
      boolean converged) {}

  /**
   * Gradient descent on J from step {@code eta}: a step that raises J is reverted and the step halved
   * (the safeguard of Jin and Montufar's code), so the objective never increases; after an
   * accepted step the step grows back by 5% up to eta. Stops when
   * {@code ||grad J|| <= tolerance (1 + J)}, or when J fell by less than {@code tolerance J} over the
   * last 2000 steps (a minimum with a kink on a data point, where the gradient does not vanish), or
   * after {@code maxIterations}; the parameters are updated in place.
   */
  public Training train(double[] x, double[] y, double lambda, double eta, double tolerance, int maxIterations) {
    double[] grad = new double[theta.length];
    double obj = objective(x, y, lambda, grad);
    double step = eta;
    double checkpoint = obj;
    int it = 0;
    for (; it < maxIterations; it++) {
      if ((it & 1023) == 0 && Thread.currentThread().isInterrupted()) {
        throw new IllegalStateException("interrupted");
      }
      double gn = norm(grad);
      if (gn <= tolerance * (1 + obj)) {
        return new Training(it, obj, loss(x, y), gn, step, true);
      }
      if (it > 0 && it % 2000 == 0) {
        if (checkpoint - obj <= tolerance * obj) {
          return new Training(it, obj, loss(x, y), gn, step, true);
        }
        checkpoint = obj;
      }
      double[] saved = theta.clone();
      double[] savedGrad = grad.clone();
      while (true) {
        for (int j = 0; j < theta.length; j++) {
          theta[j] = saved[j] - step * savedGrad[j];
        }
        double next = objective(x, y, lambda, grad);
        if (next <= obj) {
          obj = next;
          step = Math.min(eta, step * 1.05); // recover the step after a halving
          break;
        }
        step /= 2;
        if (step < 1e-300) {
          System.arraycopy(saved, 0, theta, 0, theta.length);
          System.arraycopy(savedGrad, 0, grad, 0, grad.length);
          return new Training(it, obj, loss(x, y), norm(grad), step, true);
        }
      }
    }
    return new Training(it, obj, loss(x, y), norm(grad), step, false);
  }

  /** {@code sum_i (h(x_i) - y_i)^2}. */
  public double loss(double[] x, double[] y) {
    double l = 0;
    for (int i = 0; i < x.length; i++) {
      double r = value(x[i]) - y[i];
      l += r * r;
    }
    return l;
  }

  /** J at the current parameters, its gradient written into {@code grad}. */
  private double objective(double[] x, double[] y, double lambda, double[] grad) {
    int n = x.length;
    double[] r = new double[n];
    double loss = 0;
    for (int i = 0; i < n; i++) {
      r[i] = value(x[i]) - y[i];
      loss += r[i] * r[i];
    }
    for (int k = 0; k < width; k++) {
      double a = theta[k];
      double w = theta[width + k];
      double b = theta[2 * width + k];
      double ga = 0;
      double gw = 0;
      double gb = 0;
      for (int i = 0; i < n; i++) {
        double pre = w * x[i] + b;
        if (pre > 0) {
          double c2 = 2 * r[i];
          ga += c2 * pre;
          gw += c2 * a * x[i];
          gb += c2 * a;
        }
      }
      grad[k] = ga + lambda * a;
      grad[width + k] = gw + lambda * w;
      grad[2 * width + k] = gb;
    }
    double gc = 0;
    for (int i = 0; i < n; i++) {
      gc += 2 * r[i];
    }
    grad[3 * width] = gc;
    double obj = loss + lambda * weightCost();
    if (!Double.isFinite(obj)) {
      return Double.POSITIVE_INFINITY;
    }
    return obj;
  }

  private static double norm(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x * x;
    }
    return Math.sqrt(s);
  }
}
