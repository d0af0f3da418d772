package ibcheck.models;

import java.util.Random;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;

/**
 * The over-parameterised quadratic of Wu, Ma &amp; E (2018): {@code f(x) = (1/2n) sum_i x^T H_i x}
 * with symmetric positive semi-definite components {@code H_i} (in one dimension the numbers
 * {@code a_i >= 0}), minimum at {@code x* = 0}, trained by SGD with batches of size {@code B} drawn
 * uniformly without replacement: {@code x_{t+1} = (I - eta H_xi) x_t}, {@code H_xi} the batch mean.
 *
 * <p>Everything a stability check needs is computed here from the components alone, never from a
 * formula: the exact one-step moments by enumerating all C(n, B) batches, Monte Carlo SGD paths,
 * and eigenvalues (Hipparchus). The name {@code sgd-quadratic} is how theorem files refer to it.
 *
 * <p>One class of about 320 lines: the exact moments, the Monte Carlo paths and the eigenvalues all follow
 * from the same components and batch rule, which are the model's definition.
 */
public final class SgdQuadratic {
  public static final String NAME = "sgd-quadratic";
  /** Largest number of batches the exact moments enumerate. */
  public static final long MAX_BATCHES = 2_000_000;

  private final double[][][] h;
  private final int n;
  private final int d;

  /** @param components n symmetric d x d matrices, each positive semi-definite */
  public SgdQuadratic(double[][][] components) {
    if (components.length < 2) {
      throw new IllegalArgumentException("SGD needs at least n = 2 components, got " + components.length);
    }
    this.n = components.length;
    this.d = components[0].length;
    this.h = new double[n][][];
    for (int i = 0; i < n; i++) {
      double[][] m = components[i];
      if (m.length != d) {
        throw new IllegalArgumentException("component " + (i + 1) + " is " + m.length + " x ?, component 1 is " + d + " x " + d);
      }
      for (int r = 0; r < d; r++) {
        if (m[r].length != d) {
          throw new IllegalArgumentException("component " + (i + 1) + " is not square");
        }
        for (int c = 0; c < d; c++) {
          if (!Double.isFinite(m[r][c]) || Math.abs(m[r][c] - m[c][r]) > 1e-12 * (1 + Math.abs(m[r][c]))) {
            throw new IllegalArgumentException("component " + (i + 1) + " is not a finite symmetric matrix");
          }
        }
      }
      if (lambdaMin(m) < -1e-12 * (1 + maxAbs(m))) {
        throw new IllegalArgumentException("component " + (i + 1) + " is not positive semi-definite (eigenvalue "
            + lambdaMin(m) + ")");
      }
      this.h[i] = copy(m);
    }
  }

  /**
   * Random components from a seed: in one dimension {@code a_i = scale * g_i^2}; in d dimensions
   * {@code H_i = scale * G_i G_i^T / d} with {@code G_i} a d x d standard Gaussian matrix (so every
   * H_i is positive semi-definite and the H_i do not commute).
   */
  public static SgdQuadratic random(int n, int dim, long seed, double scale) {
    if (n < 2 || dim < 1 || dim > 50) {
      throw new IllegalArgumentException("random components need n >= 2 and 1 <= dim <= 50, got n = " + n + ", dim = " + dim);
    }
    Random rng = new Random(seed);
    double[][][] hs = new double[n][dim][dim];
    for (int i = 0; i < n; i++) {
      double[][] g = new double[dim][dim];
      for (double[] row : g) {
        for (int c = 0; c < dim; c++) {
          row[c] = rng.nextGaussian();
        }
      }
      for (int r = 0; r < dim; r++) {
        for (int c = 0; c <= r; c++) {
          double s = 0;
          for (int k = 0; k < dim; k++) {
            s += g[r][k] * g[c][k];
          }
          hs[i][r][c] = hs[i][c][r] = scale * s / dim;
        }
      }
    }
    return new SgdQuadratic(hs);
  }

  public int n() {
    return n;
  }

  public int dim() {
    return d;
  }

  public double[][][] components() {
    double[][][] out = new double[n][][];
    for (int i = 0; i < n; i++) {
      out[i] = copy(h[i]);
    }
    return out;
  }

  /** H = (1/n) sum_i H_i. */
  public double[][] mean() {
    double[][] m = new double[d][d];
    for (double[][] hi : h) {
      addScaled(m, hi, 1.0 / n);
    }
    return m;
  }

  /** Sigma = (1/n) sum_i H_i^2 - H^2 (the population covariance; s^2 in one dimension). */
  public double[][] sigma() {
    double[][] m = new double[d][d];
    for (double[][] hi : h) {
      addScaled(m, mul(hi, hi), 1.0 / n);
    }
    double[][] hm = mean();
    addScaled(m, mul(hm, hm), -1);
    return m;
  }

  /** C(n, B) as a long, or -1 past {@link #MAX_BATCHES}. */
  public static long batchCount(int n, int b) {
    long c = 1;
    for (int k = 1; k <= b; k++) {
      c = c * (n - b + k) / k;
      if (c > MAX_BATCHES) {
        return -1;
      }
    }
    return c;
  }

  /** The exact one-step moments over all batches of size B. */
  public record Moments(double[][] first, double[][] second, long batches) {}

  /**
   * {@code E[I - eta H_xi]} and {@code E[(I - eta H_xi)^2]} averaged over every one of the C(n, B)
   * batches (no sampling): {@code E x_{t+1} = first E x_t} and
   * {@code E ||x_{t+1}||^2 = E x_t^T second x_t}.
   */
  public Moments exactMoments(double eta, int b) {
    checkBatch(b);
    long count = batchCount(n, b);
    if (count < 0) {
      throw new IllegalArgumentException("C(" + n + ", " + b + ") batches exceed " + MAX_BATCHES + "; use monte-carlo");
    }
    double[][] first = new double[d][d];
    double[][] second = new double[d][d];
    int[] idx = new int[b];
    for (int i = 0; i < b; i++) {
      idx[i] = i;
    }
    double[][] step = new double[d][d];
    while (true) {
      for (double[] row : step) {
        java.util.Arrays.fill(row, 0);
      }
      for (int i : idx) {
        addScaled(step, h[i], -eta / b);
      }
      for (int r = 0; r < d; r++) {
        step[r][r] += 1;
      }
      addScaled(first, step, 1.0 / count);
      addScaled(second, mul(step, step), 1.0 / count);
      int k = b - 1;
      while (k >= 0 && idx[k] == n - b + k) {
        k--;
      }
      if (k < 0) {
        break;
      }
      idx[k]++;
      for (int j = k + 1; j < b; j++) {
        idx[j] = idx[j - 1] + 1;
      }
    }
    return new Moments(first, second, count);
  }

  /** A Monte Carlo estimate of E ||x_T||^2 with its standard error. */
  public record Estimate(double mean, double standardError, int samples) {}

  /**
   * Runs {@code samples} independent SGD paths of {@code steps} steps from {@code x0}, each step on a
   * fresh batch of size B drawn uniformly without replacement, and averages {@code ||x_T||^2}.
   */
  public Estimate monteCarlo(double eta, int b, double[] x0, int steps, int samples, long seed) {
    checkBatch(b);
    Random rng = new Random(seed);
    int[] perm = new int[n];
    double[] x = new double[d];
    double[] y = new double[d];
    double sum = 0;
    double sumSq = 0;
    for (int p = 0; p < samples; p++) {
      System.arraycopy(x0, 0, x, 0, d);
      for (int t = 0; t < steps; t++) {
        for (int i = 0; i < n; i++) {
          perm[i] = i;
        }
        for (int i = 0; i < b; i++) { // partial Fisher-Yates: perm[0..b) is a uniform b-subset
          int j = i + rng.nextInt(n - i);
          int tmp = perm[i];
          perm[i] = perm[j];
          perm[j] = tmp;
        }
        for (int r = 0; r < d; r++) {
          double s = 0;
          for (int i = 0; i < b; i++) {
            double[] row = h[perm[i]][r];
            for (int c = 0; c < d; c++) {
              s += row[c] * x[c];
            }
          }
          y[r] = x[r] - eta * s / b;
        }
        System.arraycopy(y, 0, x, 0, d);
      }
      double q = 0;
      for (double v : x) {
        q += v * v;
      }
      sum += q;
      sumSq += q * q;
    }
    double mean = sum / samples;
    double var = Math.max(0, sumSq / samples - mean * mean) * samples / Math.max(1, samples - 1);
    return new Estimate(mean, Math.sqrt(var / samples), samples);
  }

  /** The largest eigenvalue of a symmetric matrix (Hipparchus). */
  public static double lambdaMax(double[][] m) {
    double[] ev = new EigenDecompositionSymmetric(MatrixUtils.createRealMatrix(symmetrised(m))).getEigenvalues();
    double best = Double.NEGATIVE_INFINITY;
    for (double v : ev) {
      best = Math.max(best, v);
    }
    return best;
  }

  /** The smallest eigenvalue of a symmetric matrix (Hipparchus). */
  public static double lambdaMin(double[][] m) {
    double[] ev = new EigenDecompositionSymmetric(MatrixUtils.createRealMatrix(symmetrised(m))).getEigenvalues();
    double best = Double.POSITIVE_INFINITY;
    for (double v : ev) {
      best = Math.min(best, v);
    }
    return best;
  }

  private void checkBatch(int b) {
    if (b < 1 || b > n) {
      throw new IllegalArgumentException("batch size B must be in [1, n = " + n + "], got " + b);
    }
  }

  private static double[][] symmetrised(double[][] m) {
    int k = m.length;
    double[][] s = new double[k][k];
    for (int r = 0; r < k; r++) {
      for (int c = 0; c < k; c++) {
        s[r][c] = (m[r][c] + m[c][r]) / 2;
      }
    }
    return s;
  }

  private static double maxAbs(double[][] m) {
    double s = 0;
    for (double[] row : m) {
      for (double v : row) {
        s = Math.max(s, Math.abs(v));
      }
    }
    return s;
  }

  static double[][] mul(double[][] a, double[][] b) {
    int k = a.length;
    double[][] out = new double[k][k];
    for (int r = 0; r < k; r++) {
      for (int c = 0; c < k; c++) {
        double s = 0;
        for (int j = 0; j < k; j++) {
          s += a[r][j] * b[j][c];
        }
        out[r][c] = s;
      }
    }
    return out;
  }

  private static void addScaled(double[][] into, double[][] m, double f) {
    for (int r = 0; r < into.length; r++) {
      for (int c = 0; c < into.length; c++) {
        into[r][c] += f * m[r][c];
      }
    }
  }

  private static double[][] copy(double[][] m) {
    double[][] out = new double[m.length][];
    for (int r = 0; r < m.length; r++) {
      out[r] = m[r].clone();
    }
    return out;
  }
}
