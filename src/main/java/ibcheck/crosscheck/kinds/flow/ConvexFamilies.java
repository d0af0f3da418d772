package ibcheck.crosscheck.kinds.flow;

import ibcheck.crosscheck.KindSupport;
import ibcheck.crosscheck.Vectors;
import java.util.List;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;
import org.hipparchus.random.RandomGenerator;

/**
 * Random convex empirical risks R on {@code R^cols}, each with its minimum-norm minimiser theta-bar:
 *
 * <ul>
 *   <li>{@code psd-quadratic}: {@code R = (theta - c)^T H (theta - c)/2} with {@code H = G G^T/rows},
 *       G Gaussian {@code cols x rows}, of rank rows; the minimisers are {@code c + null(H)}, and
 *       theta-bar is the projection of c on {@code range(G)};
 *   <li>{@code log-cosh}: {@code R = (1/rows) sum_i log cosh(a_i.theta - b_i)} with rows &lt; cols;
 *       the minimisers solve {@code A theta = b}, and theta-bar is {@code A^+ b};
 *   <li>{@code logistic}: {@code R = (1/m) sum_i log(1 + exp(-y_i a_i.theta))} with {@code m = 8 cols}
 *       points and random labels: not separable, so a unique minimiser, found by Newton's method.
 * </ul>
 */
final class ConvexFamilies {
  static final List<String> NAMES = List.of("psd-quadratic", "log-cosh", "logistic");

  private ConvexFamilies() {}

  /** A convex empirical risk with its minimum-norm minimiser. */
  interface Problem {
    double value(double[] th);

    double[] gradient(double[] th);

    double[] minimiser();
  }

  /** A random problem of the family, drawn from {@code random}. */
  static Problem make(String family, int rows, int cols, RandomGenerator random) {
    return switch (family) {
      case "psd-quadratic" -> quadratic(rows, cols, random);
      case "log-cosh" -> logCosh(rows, cols, random);
      default -> logistic(cols, random);
    };
  }

  private static Problem quadratic(int rank, int d, RandomGenerator random) {
    RealMatrix g = new Array2DRowRealMatrix(KindSupport.gaussian(random, d, rank, 1), false);
    double[][] h = g.multiplyTransposed(g).getData();
    for (double[] row : h) {
      for (int j = 0; j < d; j++) {
        row[j] /= rank;
      }
    }
    double[] center = KindSupport.gaussian(random, d, 1);
    // the least-norm point of center + null(H): G (G^T G)^-1 G^T center
    double[] bar = g.operate(new CholeskyDecomposition(g.transpose().multiply(g), 1e-10, 1e-14).getSolver()
        .solve(g.transpose().operate(new ArrayRealVector(center))).toArray());
    return new Quadratic(new Array2DRowRealMatrix(h, false), center, bar);
  }

  private record Quadratic(RealMatrix h, double[] center, double[] minimiser) implements Problem {
    @Override
    public double value(double[] th) {
      double[] u = offset(th);
      return Vectors.dot(u, h.operate(u)) / 2;
    }

    @Override
    public double[] gradient(double[] th) {
      return h.operate(offset(th));
    }

    private double[] offset(double[] th) {
      double[] u = new double[th.length];
      for (int i = 0; i < th.length; i++) {
        u[i] = th[i] - center[i];
      }
      return u;
    }
  }

  /**
   * The risk of the linear model {@code x -> x.theta} on the rows a_i of A, which sees theta only
   * through {@code A theta}: {@code R = (1/m) sum_i loss_i(a_i.theta)}, so
   * {@code grad R = A^T (slope_i(a_i.theta))_i / m}.
   */
  private interface LinearModelRisk extends Problem {
    Array2DRowRealMatrix a();

    /** {@code loss_i(z)}. */
    double loss(int i, double z);

    /** {@code loss_i'(z)}. */
    double slope(int i, double z);

    @Override
    default double value(double[] th) {
      double[][] rows = a().getDataRef();
      double s = 0;
      for (int i = 0; i < rows.length; i++) {
        s += loss(i, Vectors.dot(rows[i], th));
      }
      return s / rows.length;
    }

    @Override
    default double[] gradient(double[] th) {
      double[][] rows = a().getDataRef();
      double[] w = new double[rows.length];
      for (int i = 0; i < rows.length; i++) {
        w[i] = slope(i, Vectors.dot(rows[i], th)) / rows.length;
      }
      return a().preMultiply(w);
    }
  }

  private static Problem logCosh(int n, int d, RandomGenerator random) {
    double[][] a = KindSupport.gaussian(random, n, d, 1 / Math.sqrt(d));
    double[] b = KindSupport.gaussian(random, n, 1);
    Array2DRowRealMatrix am = new Array2DRowRealMatrix(a, false);
    return new LogCosh(am, b, new SingularValueDecomposition(am).getSolver().getInverse().operate(b));
  }

  private record LogCosh(Array2DRowRealMatrix a, double[] b, double[] minimiser) implements LinearModelRisk {
    @Override
    public double loss(int i, double z) {
      // log cosh r = |r| + log(1 + e^{-2|r|}) - log 2, without overflow
      double r = Math.abs(z - b[i]);
      return r + Math.log1p(Math.exp(-2 * r)) - Math.log(2);
    }

    @Override
    public double slope(int i, double z) {
      return Math.tanh(z - b[i]);
    }
  }

  private static Problem logistic(int d, RandomGenerator random) {
    int m = 8 * d;
    double[][] a = KindSupport.gaussian(random, m, d, 1 / Math.sqrt(d));
    double[] label = new double[m];
    for (int i = 0; i < m; i++) {
      label[i] = random.nextBoolean() ? 1 : -1;
    }
    Logistic risk = new Logistic(new Array2DRowRealMatrix(a, false), label, null);
    return new Logistic(risk.a(), label, risk.newtonMinimiser());
  }

  /** The logistic risk; {@code minimiser} is null until Newton's method has found it. */
  private record Logistic(Array2DRowRealMatrix a, double[] label, double[] minimiser) implements LinearModelRisk {
    @Override
    public double loss(int i, double z) {
      // log(1 + e^u), without overflow
      double u = -label[i] * z;
      return u > 0 ? u + Math.log1p(Math.exp(-u)) : Math.log1p(Math.exp(u));
    }

    @Override
    public double slope(int i, double z) {
      double u = -label[i] * z;
      return -label[i] / (1 + Math.exp(-u));
    }

    /** {@code (1/m) sum_i s_i (1 - s_i) a_i a_i^T}, s_i the sigmoid of {@code a_i.theta}. */
    private double[][] hessian(double[] th) {
      double[][] rows = a.getDataRef();
      int d = th.length;
      double[][] h = new double[d][d];
      for (double[] row : rows) {
        double s = 1 / (1 + Math.exp(-Vectors.dot(row, th)));
        double w = s * (1 - s) / rows.length;
        for (int j = 0; j < d; j++) {
          for (int k = 0; k < d; k++) {
            h[j][k] += w * row[j] * row[k];
          }
        }
      }
      return h;
    }

    /**
     * Newton's method from 0 with backtracking (halve the step until R does not increase), until
     * the gradient vanishes or the steps stall.
     */
    private double[] newtonMinimiser() {
      int d = a.getColumnDimension();
      double[] th = new double[d];
      double lastStep = Double.POSITIVE_INFINITY;
      for (int it = 0; it < 200; it++) {
        double[] g = gradient(th);
        if (KindSupport.norm(g) < 1e-13 || (it > 0 && lastStep < 1e-15 * (1 + KindSupport.norm(th)))) {
          return th;
        }
        double[] step = new CholeskyDecomposition(new Array2DRowRealMatrix(hessian(th), false), 1e-10, 1e-16).getSolver()
            .solve(new ArrayRealVector(g)).toArray();
        double[] next = backtrack(th, step);
        lastStep = Vectors.distance(next, th);
        th = next;
      }
      throw new IllegalStateException("logistic problem: Newton's method did not find a minimiser (separable labels?)");
    }

    /** {@code th - lambda step} for the first lambda = 1, 1/2, ... (down to 1e-12) that does not raise R. */
    private double[] backtrack(double[] th, double[] step) {
      double f0 = value(th);
      double lambda = 1;
      double[] next = th;
      while (lambda > 1e-12) {
        next = th.clone();
        for (int j = 0; j < th.length; j++) {
          next[j] -= lambda * step[j];
        }
        if (value(next) <= f0) {
          break;
        }
        lambda /= 2;
      }
      return next;
    }
  }
}
