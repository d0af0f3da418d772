package ibcheck.crosscheck.kinds.regression;

import ibcheck.crosscheck.LinearFlowSampler;
import ibcheck.crosscheck.Vectors;
import java.util.Arrays;
import org.hipparchus.ode.OrdinaryDifferentialEquation;

/**
 * The gradient flow {@code beta' = -c X^T (X beta - y)} of a {@link RegressionProblem}, integrated
 * together with what the expectation over the noise needs. The state holds, in order: the realised
 * path beta(t) (y with its noise), the noiseless mean path (y = X beta*), and N(t), the d x n map
 * from the noise xi to beta(t) ({@code N' = -c X^T X N + c X^T}, N(0) = 0), column by column, so that
 * {@code beta(t) = mean path + N(t) xi} for every noise draw.
 */
final class RegressionFlow {
  private final RegressionProblem problem;
  private final double rate;
  private final int n;
  private final int d;

  RegressionFlow(RegressionProblem problem, double rate) {
    this.problem = problem;
    this.rate = rate;
    this.n = problem.n();
    this.d = problem.d();
  }

  /** The states at the given times, integrated from beta(0) (both paths) and N(0) = 0. */
  double[][] sample(double[] times) {
    double[] s0 = new double[d * (2 + n)];
    System.arraycopy(problem.beta0(), 0, s0, 0, d);
    System.arraycopy(problem.beta0(), 0, s0, d, d);
    return new LinearFlowSampler(1e-12, 1e-15, 5_000_000).sample(equation(), s0, times, (t, s) -> { });
  }

  /** The realised path beta(t) in a state. */
  double[] path(double[] state) {
    return Arrays.copyOf(state, d);
  }

  /** {@code E e = ||mean path - beta*||^2 + eps^2 ||N(t)||_F^2}, exactly over the noise. */
  double exactMean(double[] state) {
    double[] truth = problem.truth();
    double bias = 0;
    for (int i = 0; i < d; i++) {
      double b = state[d + i] - truth[i];
      bias += b * b;
    }
    double frob = 0;
    for (int i = 2 * d; i < state.length; i++) {
      frob += state[i] * state[i];
    }
    return bias + problem.noise() * problem.noise() * frob;
  }

  /** {@code e = ||mean path + N(t) xi - beta*||^2} for one noise draw xi. */
  double error(double[] state, double[] xi) {
    double[] truth = problem.truth();
    double e = 0;
    for (int i = 0; i < d; i++) {
      double b = state[d + i] - truth[i];
      for (int k = 0; k < n; k++) {
        b += state[2 * d + k * d + i] * xi[k];
      }
      e += b * b;
    }
    return e;
  }

  private OrdinaryDifferentialEquation equation() {
    double[][] x = problem.x();
    double[][] g = gram(x);
    double[] xty = new double[d];
    double[] xtxb = new double[d];
    for (int i = 0; i < d; i++) {
      for (int k = 0; k < n; k++) {
        xty[i] += x[k][i] * problem.y()[k];
      }
      xtxb[i] = Vectors.dot(g[i], problem.truth());
    }
    int dim = d * (2 + n);
    return new OrdinaryDifferentialEquation() {
      @Override
      public int getDimension() {
        return dim;
      }

      @Override
      public double[] computeDerivatives(double t, double[] s) {
        double[] out = new double[dim];
        for (int i = 0; i < d; i++) {
          double a = 0;
          double b = 0;
          for (int j = 0; j < d; j++) {
            a += g[i][j] * s[j];
            b += g[i][j] * s[d + j];
          }
          out[i] = -rate * (a - xty[i]);
          out[d + i] = -rate * (b - xtxb[i]);
        }
        for (int k = 0; k < n; k++) {
          int off = 2 * d + k * d;
          for (int i = 0; i < d; i++) {
            double a = 0;
            for (int j = 0; j < d; j++) {
              a += g[i][j] * s[off + j];
            }
            out[off + i] = -rate * (a - x[k][i]);
          }
        }
        return out;
      }
    };
  }

  /** The Gram matrix X^T X. */
  private double[][] gram(double[][] x) {
    double[][] g = new double[d][d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        double s = 0;
        for (int k = 0; k < n; k++) {
          s += x[k][i] * x[k][j];
        }
        g[i][j] = s;
      }
    }
    return g;
  }
}
