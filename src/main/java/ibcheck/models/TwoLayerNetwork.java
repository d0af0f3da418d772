package ibcheck.models;

import java.util.Random;

/**
 * A small two-layer network for the GD sharpness experiment (Wu, Ma &amp; E 2018, Table 1, in
 * miniature): {@code f(x) = (1/sqrt m) sum_j v_j tanh(w_j . x)}, loss
 * {@code L = (1/2n) sum_i (f(x_i) - y_i)^2} (mean squared error, as in the authors' code), on
 * synthetic data labelled by a random teacher of the same shape; trained by plain gradient descent
 * {@code theta <- theta - eta grad L}. Sharpness is the top Hessian eigenvalue by power iteration on
 * Hessian-vector products (central differences of the analytic gradient). The registry name is
 * {@code two-layer-network}.
 */
public final class TwoLayerNetwork {
  public static final String NAME = "two-layer-network";

  private final double[][] x;
  private final double[] y;
  private final int m;
  private final int d;
  private final double[] init;

  public TwoLayerNetwork(int rows, int cols, int hidden, long seed) {
    if (rows < 1 || cols < 1 || hidden < 1 || rows > 500 || cols > 100 || hidden > 500) {
      throw new IllegalArgumentException("two-layer-network needs 1 <= rows <= 500, 1 <= cols <= 100, 1 <= hidden <= 500");
    }
    this.m = hidden;
    this.d = cols;
    Random r = new Random(seed);
    x = new double[rows][cols];
    for (double[] row : x) {
      for (int k = 0; k < cols; k++) {
        row[k] = r.nextGaussian();
      }
    }
    double[] teacher = new double[m * d + m];
    for (int i = 0; i < teacher.length; i++) {
      teacher[i] = r.nextGaussian();
    }
    y = new double[rows];
    for (int i = 0; i < rows; i++) {
      y[i] = output(teacher, x[i]);
    }
    init = new double[m * d + m];
    for (int i = 0; i < init.length; i++) {
      init[i] = r.nextGaussian() * (i < m * d ? 1 / Math.sqrt(d) : 1);
    }
  }

  private double output(double[] th, double[] xi) {
    double f = 0;
    for (int j = 0; j < m; j++) {
      double z = 0;
      for (int k = 0; k < d; k++) {
        z += th[j * d + k] * xi[k];
      }
      f += th[m * d + j] * Math.tanh(z);
    }
    return f / Math.sqrt(m);
  }

  public double loss(double[] th) {
    double l = 0;
    for (int i = 0; i < x.length; i++) {
      double r = output(th, x[i]) - y[i];
      l += r * r;
    }
    return l / (2 * x.length);
  }

  public double[] gradient(double[] th) {
    double[] g = new double[th.length];
    double[] h = new double[m];
    double s = Math.sqrt(m);
    for (int idx = 0; idx < x.length; idx++) {
      double[] xi = x[idx];
      double f = 0;
      for (int j = 0; j < m; j++) {
        double z = 0;
        for (int k = 0; k < d; k++) {
          z += th[j * d + k] * xi[k];
        }
        h[j] = Math.tanh(z);
        f += th[m * d + j] * h[j] / s;
      }
      double r = (f - y[idx]) / x.length;
      for (int j = 0; j < m; j++) {
        g[m * d + j] += r * h[j] / s;
        double dz = r * th[m * d + j] / s * (1 - h[j] * h[j]);
        for (int k = 0; k < d; k++) {
          g[j * d + k] += dz * xi[k];
        }
      }
    }
    return g;
  }

  /** The outcome of a GD run: converged (loss below the target), blown up, or out of iterations. */
  public record Run(double[] theta, double loss, int iterations, boolean converged, boolean blewUp) {}

  public Run gradientDescent(double eta, double targetLoss, int maxIterations) {
    double[] th = init.clone();
    for (int it = 0; it < maxIterations; it++) {
      if (it % 50 == 0) {
        double l = loss(th);
        if (!(l < 1e6)) {
          return new Run(th, l, it, false, true);
        }
        if (l < targetLoss) {
          return new Run(th, l, it, true, false);
        }
      }
      double[] g = gradient(th);
      for (int i = 0; i < th.length; i++) {
        th[i] -= eta * g[i];
      }
    }
    double l = loss(th);
    return new Run(th, l, maxIterations, l < targetLoss, !(l < 1e6));
  }

  /** The top Hessian eigenvalue at theta by power iteration on Hessian-vector products. */
  public double sharpness(double[] th, long seed) {
    Random r = new Random(seed);
    double[] v = new double[th.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = r.nextGaussian();
    }
    double lam = 0;
    for (int it = 0; it < 2000; it++) {
      double norm = 0;
      for (double e : v) {
        norm += e * e;
      }
      norm = Math.sqrt(norm);
      for (int i = 0; i < v.length; i++) {
        v[i] /= norm;
      }
      double eps = 1e-5;
      double[] a = th.clone();
      double[] b = th.clone();
      for (int i = 0; i < v.length; i++) {
        a[i] += eps * v[i];
        b[i] -= eps * v[i];
      }
      double[] ga = gradient(a);
      double[] gb = gradient(b);
      double[] hv = new double[v.length];
      double dot = 0;
      for (int i = 0; i < v.length; i++) {
        hv[i] = (ga[i] - gb[i]) / (2 * eps);
        dot += hv[i] * v[i];
      }
      boolean done = Math.abs(dot - lam) < 1e-10 * Math.abs(dot);
      lam = dot;
      if (done) {
        break;
      }
      v = hv;
    }
    return lam;
  }
}
