package ibcheck.models;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.random.RandomGenerator;

/**
 * The seed's full network with every layer trained, in the anti-symmetrical initialisation (ASI):
 * {@code f(x) = (sqrt2/2) f1(x) - (sqrt2/2) f2(x)}, each copy
 * {@code f_j(x) = sum_i V_i relu(W_i x + c_i) + d} with {@code W_i ~ W}, {@code c_i ~ B},
 * {@code V_i ~ W / sqrt n}, {@code d ~ B / sqrt n} (the seed's eq. 3), the second copy equal to the
 * first, so {@code f(., theta_0) = 0}. Full-batch gradient descent on
 * {@code L = 1/2 sum_i (f(x_i) - y_i)^2} over all 6n + 2 parameters, with the step
 * {@code 1.5 / lambda_max} of the initial neural tangent kernel's Gram matrix at the data.
 */
public final class AsiReluNetwork {
  private static final double S = Math.sqrt(0.5);
  /**
   * The step in units of 1/lambda_max of the initial tangent kernel: below the 2/lambda_max where
   * gradient descent on the linearised model stops converging, with room for the kernel's drift.
   */
  static final double STEP = 1.5;
  private final int n;
  // [copy][unit]
  private final double[][] w = new double[2][];
  private final double[][] c = new double[2][];
  private final double[][] v = new double[2][];
  private final double[] d = new double[2];

  public AsiReluNetwork(Initialisation init, int width, RandomGenerator rng) {
    n = width;
    double[][] hidden = init.sample(width, rng);
    double[][] out = init.sample(width, rng);
    double dOut = init.b().sample(rng) / Math.sqrt(width);
    for (int j = 0; j < 2; j++) {
      w[j] = hidden[0].clone();
      c[j] = hidden[1].clone();
      v[j] = new double[width];
      for (int i = 0; i < width; i++) {
        v[j][i] = out[0][i] / Math.sqrt(width);
      }
      d[j] = dOut;
    }
  }

  /** The function at the points {@code at}. */
  public double[] values(double[] at) {
    double[] f = new double[at.length];
    for (int g = 0; g < at.length; g++) {
      f[g] = value(at[g]);
    }
    return f;
  }

  double value(double x) {
    double f = 0;
    for (int j = 0; j < 2; j++) {
      double s = d[j];
      double[] wj = w[j];
      double[] cj = c[j];
      double[] vj = v[j];
      for (int i = 0; i < n; i++) {
        double z = wj[i] * x + cj[i];
        if (z > 0) {
          s += vj[i] * z;
        }
      }
      f += (j == 0 ? S : -S) * s;
    }
    return f;
  }

  /** The largest eigenvalue of the tangent kernel's Gram matrix at the data. */
  double ntkMax(double[] xs) {
    int m = xs.length;
    double[][] jac = new double[m][];
    for (int i = 0; i < m; i++) {
      jac[i] = jacobian(xs[i]);
    }
    double[][] k = new double[m][m];
    for (int i = 0; i < m; i++) {
      for (int l = i; l < m; l++) {
        k[i][l] = WideReluNetwork.dot(jac[i], jac[l]);
        k[l][i] = k[i][l];
      }
    }
    double max = 0;
    for (double e : new EigenDecompositionSymmetric(new Array2DRowRealMatrix(k, false)).getEigenvalues()) {
      max = Math.max(max, e);
    }
    return max;
  }

  /** df(x)/dtheta in the order (copy, [w, c, v], d). */
  private double[] jacobian(double x) {
    double[] g = new double[6 * n + 2];
    int p = 0;
    for (int j = 0; j < 2; j++) {
      double s = j == 0 ? S : -S;
      for (int i = 0; i < n; i++) {
        double z = w[j][i] * x + c[j][i];
        boolean on = z > 0;
        g[p + i] = on ? s * v[j][i] * x : 0;
        g[p + n + i] = on ? s * v[j][i] : 0;
        g[p + 2 * n + i] = on ? s * z : 0;
      }
      p += 3 * n;
      g[6 * n + j] = s;
    }
    return g;
  }

  /** The outcome of training: iterations, final loss, step size, whether the loss target was met. */
  public record Training(int iterations, double loss, double stepSize, boolean converged) {}

  /**
   * Gradient descent until the loss is at most {@code targetLoss} or {@code maxIterations}.
   *
   * <p>One method on purpose: each step computes the outputs, the gradient of every parameter block and the
   * step-size control from the same forward pass.
   */
  public Training train(double[] xs, double[] ys, double targetLoss, int maxIterations) {
    double eta = STEP / ntkMax(xs);
    int m = xs.length;
    double[] f = new double[m];
    for (int i = 0; i < m; i++) {
      f[i] = value(xs[i]);
    }
    double[] r = new double[m];
    double[] z = new double[m];
    double loss;
    int it = 0;
    while (true) {
      loss = 0;
      for (int i = 0; i < m; i++) {
        r[i] = f[i] - ys[i];
        loss += 0.5 * r[i] * r[i];
      }
      if (!(loss > targetLoss) || it >= maxIterations || !Double.isFinite(loss)) {
        break;
      }
      java.util.Arrays.fill(f, 0);
      for (int j = 0; j < 2; j++) {
        double s = j == 0 ? S : -S;
        double[] wj = w[j];
        double[] cj = c[j];
        double[] vj = v[j];
        double gd = 0;
        for (int i = 0; i < m; i++) {
          gd += s * r[i];
        }
        d[j] -= eta * gd;
        for (int i = 0; i < m; i++) {
          f[i] += s * d[j];
        }
        for (int k = 0; k < n; k++) {
          double wk = wj[k];
          double ck = cj[k];
          double vk = vj[k];
          double gw = 0;
          double gc = 0;
          double gv = 0;
          for (int i = 0; i < m; i++) {
            double zi = wk * xs[i] + ck;
            if (zi > 0) {
              double ri = s * r[i];
              gv += ri * zi;
              gw += ri * vk * xs[i];
              gc += ri * vk;
            }
          }
          wk -= eta * gw;
          ck -= eta * gc;
          vk -= eta * gv;
          wj[k] = wk;
          cj[k] = ck;
          vj[k] = vk;
          double sv = s * vk;
          for (int i = 0; i < m; i++) {
            double zi = wk * xs[i] + ck;
            if (zi > 0) {
              f[i] += sv * zi;
            }
          }
        }
      }
      it++;
    }
    return new Training(it, loss, eta, loss <= targetLoss);
  }
}
