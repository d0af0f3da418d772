package ibcheck.models;

import java.util.Arrays;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;

/**
 * Binary classification data {@code (x_i, y_i)}, {@code y_i in {-1, +1}}, and its margin vectors
 * {@code z_i = y_i phi(x_i)} for a feature map phi (the identity for a linear model).
 *
 * @param x n x d inputs
 * @param y n labels, each -1 or +1
 */
public record Classification(double[][] x, double[] y) {
  public Classification {
    if (x.length == 0 || x.length != y.length) {
      throw new IllegalArgumentException("classification data needs as many labels as inputs, and at least one");
    }
    for (int i = 0; i < x.length; i++) {
      if (x[i].length != x[0].length) {
        throw new IllegalArgumentException("every input must have the same length");
      }
      if (y[i] != 1 && y[i] != -1) {
        throw new IllegalArgumentException("labels must be -1 or +1, got " + y[i]);
      }
    }
  }

  public int rows() {
    return x.length;
  }

  public int dim() {
    return x[0].length;
  }

  /** {@code z_i = y_i x_i}: the rows a linear model's margins {@code z_i . w} are made of. */
  public double[][] margins() {
    double[][] z = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      z[i] = x[i].clone();
      for (int k = 0; k < z[i].length; k++) {
        z[i][k] *= y[i];
      }
    }
    return z;
  }

  /**
   * Linearly separable data through the origin: x_i i.i.d. N(0, I_d), a teacher direction u uniform
   * on the sphere, {@code y_i = sign(u . x_i)}, and every point with {@code |u . x_i| < gap} drawn
   * again, so the teacher separates with margin at least gap. Reproducible from the seed (Well19937c).
   */
  public static Classification separable(int n, int dim, double gap, long seed) {
    return separable(n, dim, gap, seed, false);
  }

  /**
   * As {@link #separable(int, int, double, long)}, or with {@code xor} the labels
   * {@code y_i = sign(x_i1 x_i2)} (needs dim >= 2; points with {@code |x_i1 x_i2| < gap} drawn again):
   * not linearly separable, but separable by a wide ReLU layer's features.
   */
  public static Classification separable(int n, int dim, double gap, long seed, boolean xor) {
    if (xor && dim < 2) {
      throw new IllegalArgumentException("xor labels need dim >= 2");
    }
    if (n < 2 || dim < 1 || n > 10_000 || dim > 10_000 || !(gap >= 0 && gap < 3)) {
      throw new IllegalArgumentException("separable data needs 2 <= n, 1 <= dim and 0 <= gap < 3, got n = " + n
          + ", dim = " + dim + ", gap = " + gap);
    }
    RandomGenerator random = new Well19937c(seed);
    double[] u = unit(random, dim);
    double[][] x = new double[n][dim];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double m;
      do {
        for (int k = 0; k < dim; k++) {
          x[i][k] = random.nextGaussian();
        }
        m = 0;
        if (xor) {
          m = x[i][0] * x[i][1];
        } else {
          for (int k = 0; k < dim; k++) {
            m += u[k] * x[i][k];
          }
        }
      } while (Math.abs(m) < gap);
      y[i] = m > 0 ? 1 : -1;
    }
    return new Classification(x, y);
  }

  /** A direction uniform on the unit sphere of R^dim. */
  static double[] unit(RandomGenerator random, int dim) {
    double[] u = new double[dim];
    double s;
    do {
      s = 0;
      for (int k = 0; k < dim; k++) {
        u[k] = random.nextGaussian();
        s += u[k] * u[k];
      }
    } while (s < 1e-12);
    double norm = Math.sqrt(s);
    for (int k = 0; k < dim; k++) {
      u[k] /= norm;
    }
    return u;
  }

  @Override
  public String toString() {
    return "Classification[n = " + rows() + ", dim = " + dim() + ", y = " + Arrays.toString(y) + "]";
  }
}
