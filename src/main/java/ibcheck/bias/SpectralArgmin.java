package ibcheck.bias;

import java.util.function.DoubleUnaryOperator;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.DecompositionSolver;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.univariate.BrentOptimizer;
import org.hipparchus.optim.univariate.SearchInterval;
import org.hipparchus.optim.univariate.UnivariateObjectiveFunction;

/**
 * {@code min sum_k p(lambda_k(X)) s.t. <A_i, X> = y_i} over symmetric n x n matrices, for a convex
 * penalty p with its minimum at 0 (p = |.| gives the nuclear norm, since the singular values of a
 * symmetric matrix are the moduli of its eigenvalues; p = (.)^2 the squared Frobenius norm). With
 * symmetric A_i the restriction to symmetric X costs nothing for the nuclear norm:
 * {@code ||(X + X^T)/2||_* <= ||X||_*} and both have the same measurements.
 *
 * <p>Method: ADMM on {@code F(Z) + I_C(X)}, {@code X = Z}, C the affine set of the measurements:
 * {@code X <- P_C(Z - W)} (a projection through the Cholesky factor of the measurements' Gram matrix),
 * {@code Z <- prox_{F/rho}(X + W)} (eigen-decomposition; p's prox per eigenvalue by Brent's method on
 * {@code p(x) + (x - lambda)^2 rho/2} between 0 and lambda, on the file's compiled p), {@code W <- W + X - Z}, with residual balancing of rho. It stops when the primal
 * residual {@code |X - Z|_F} and the dual residual {@code rho |Z - Z_prev|_F} are both below
 * {@code 1e-10 (1 + |X|_F)}; the result is X (exactly feasible) with those residuals as its
 * certificate. For p = |.| the evidence adds the duality gap of the nuclear-norm problem:
 * {@code nu} = the least-squares coefficients of {@code rho W} in the A_i, scaled so that
 * {@code ||sum nu_i A_i||_op <= 1}, bounds the optimum from below by {@code y . nu}.
 */
public final class SpectralArgmin {
  /**
   * @param x the minimiser (symmetric, feasible to rounding)
   * @param value {@code sum_k p(lambda_k(x))}
   * @param primalResidual {@code |X - Z|_F} at the stop
   * @param dualResidual {@code rho |Z - Z_prev|_F} at the stop
   * @param iterations ADMM iterations
   * @param lowerBound for the nuclear norm, a certified lower bound on the optimum (NaN otherwise)
   */
  public record Result(double[][] x, double value, double primalResidual, double dualResidual, int iterations,
      double lowerBound) {}

  private final double[][][] a;
  private final double[] y;
  private final int n;
  private final DecompositionSolver gram;

  /**
   * @param a the symmetric measurement matrices A_i
   * @param y the measurements
   */
  public SpectralArgmin(double[][][] a, double[] y) {
    this.a = a;
    this.y = y;
    this.n = a[0].length;
    int m = a.length;
    double[][] g = new double[m][m];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j <= i; j++) {
        g[i][j] = inner(a[i], a[j]);
        g[j][i] = g[i][j];
      }
    }
    this.gram = new CholeskyDecomposition(new Array2DRowRealMatrix(g, false), 1e-12, 1e-14).getSolver();
  }

  /** The projection onto {@code <A_i, X> = y_i}. */
  public double[][] project(double[][] w) {
    int m = a.length;
    double[] r = new double[m];
    for (int i = 0; i < m; i++) {
      r[i] = inner(a[i], w) - y[i];
    }
    double[] c = gram.solve(new ArrayRealVector(r, false)).toArray();
    double[][] out = new double[n][n];
    for (int p = 0; p < n; p++) {
      for (int q = 0; q < n; q++) {
        double s = w[p][q];
        for (int i = 0; i < m; i++) {
          s -= c[i] * a[i][p][q];
        }
        out[p][q] = s;
      }
    }
    return out;
  }

  /**
   * @param penalty p, convex with its minimum at 0
   * @param nuclear whether p is |.| (then a certified lower bound, hence a duality gap, is computed)
   * @param maxIterations ADMM's budget
   * @throws IllegalStateException when ADMM does not meet its stopping rule within the budget
   */
  public Result solve(DoubleUnaryOperator penalty, boolean nuclear, int maxIterations) {
    double[][] z = project(new double[n][n]);
    double[][] w = new double[n][n];
    double scale = Math.max(1e-300, norm(z));
    double rho = 1 / scale;
    double[][] x = z;
    double primal = Double.NaN;
    double dual = Double.NaN;
    BrentOptimizer brent = new BrentOptimizer(1e-15, 1e-300);
    for (int it = 1; it <= maxIterations; it++) {
      if ((it & 63) == 0 && Thread.currentThread().isInterrupted()) {
        throw new IllegalStateException("interrupted");
      }
      double[][] v = new double[n][n];
      for (int p = 0; p < n; p++) {
        for (int q = 0; q < n; q++) {
          v[p][q] = z[p][q] - w[p][q];
        }
      }
      x = project(v);
      double[][] s = new double[n][n];
      for (int p = 0; p < n; p++) {
        for (int q = 0; q < n; q++) {
          s[p][q] = 0.5 * ((x[p][q] + w[p][q]) + (x[q][p] + w[q][p]));
        }
      }
      double[][] zPrev = z;
      z = prox(s, penalty, rho, brent);
      double pr = 0;
      double dr = 0;
      for (int p = 0; p < n; p++) {
        for (int q = 0; q < n; q++) {
          double d = x[p][q] - z[p][q];
          w[p][q] += d;
          pr += d * d;
          double e = z[p][q] - zPrev[p][q];
          dr += e * e;
        }
      }
      primal = Math.sqrt(pr);
      dual = rho * Math.sqrt(dr);
      double tol = 1e-10 * (1 + norm(x));
      if (primal <= tol && dual <= tol && it > 10) {
        double lower = nuclear ? nuclearLowerBound(w, rho) : Double.NaN;
        return new Result(x, value(x, penalty), primal, dual, it, lower);
      }
      // residual balancing (Boyd et al. 3.4.1): the scaled dual W rescales with rho
      if (primal > 10 * dual) {
        rho *= 2;
        scaleInPlace(w, 0.5);
      } else if (dual > 10 * primal) {
        rho /= 2;
        scaleInPlace(w, 2);
      }
    }
    throw new IllegalStateException("ADMM did not converge within " + maxIterations + " iterations (primal residual "
        + primal + ", dual residual " + dual + ")");
  }

  private double[][] prox(double[][] s, DoubleUnaryOperator penalty, double rho, BrentOptimizer brent) {
    EigenDecompositionSymmetric e = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(s, false));
    double[] lam = e.getEigenvalues();
    RealMatrix vecs = e.getV();
    double[] mapped = new double[n];
    for (int k = 0; k < n; k++) {
      double l = lam[k];
      if (l == 0) {
        mapped[k] = 0;
      } else {
        final double target = l;
        UnivariateObjectiveFunction f = new UnivariateObjectiveFunction(
            x -> penalty.applyAsDouble(x) + 0.5 * rho * (x - target) * (x - target));
        double lo = Math.min(0, l);
        double hi = Math.max(0, l);
        mapped[k] = brent.optimize(f, GoalType.MINIMIZE, new SearchInterval(lo, hi, 0.5 * (lo + hi)), new MaxEval(10_000))
            .getPoint();
      }
    }
    double[][] out = new double[n][n];
    for (int k = 0; k < n; k++) {
      if (mapped[k] == 0) {
        continue;
      }
      for (int p = 0; p < n; p++) {
        double vp = vecs.getEntry(p, k) * mapped[k];
        for (int q = 0; q < n; q++) {
          out[p][q] += vp * vecs.getEntry(q, k);
        }
      }
    }
    return out;
  }

  /**
   * A lower bound on {@code min ||X||_*}: with {@code G = rho W} (an element of the nuclear norm's
   * subdifferential at the optimum, in the span of the A_i), nu = least-squares coefficients of G in
   * the A_i, {@code H = sum nu_i A_i}; weak duality gives {@code min ||X||_* >= y . nu / max(1, ||H||_op)}.
   */
  private double nuclearLowerBound(double[][] w, double rho) {
    int m = a.length;
    double[] rhs = new double[m];
    for (int i = 0; i < m; i++) {
      rhs[i] = rho * inner(a[i], w);
    }
    double[] nu = gram.solve(new ArrayRealVector(rhs, false)).toArray();
    double[][] h = new double[n][n];
    for (int i = 0; i < m; i++) {
      for (int p = 0; p < n; p++) {
        for (int q = 0; q < n; q++) {
          h[p][q] += nu[i] * a[i][p][q];
        }
      }
    }
    double[] ev = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(h, false)).getEigenvalues();
    double op = 0;
    for (double v : ev) {
      op = Math.max(op, Math.abs(v));
    }
    double dot = 0;
    for (int i = 0; i < m; i++) {
      dot += y[i] * nu[i];
    }
    return dot / Math.max(1, op);
  }

  /** {@code sum_k p(lambda_k(x))} of the symmetric part of x. */
  public static double value(double[][] x, DoubleUnaryOperator penalty) {
    int n = x.length;
    double[][] s = new double[n][n];
    for (int p = 0; p < n; p++) {
      for (int q = 0; q < n; q++) {
        s[p][q] = 0.5 * (x[p][q] + x[q][p]);
      }
    }
    double v = 0;
    for (double l : new EigenDecompositionSymmetric(new Array2DRowRealMatrix(s, false)).getEigenvalues()) {
      v += penalty.applyAsDouble(l);
    }
    return v;
  }

  /** The nuclear norm of any square matrix (the sum of its singular values). */
  public static double nuclearNorm(double[][] x) {
    double v = 0;
    for (double s : new org.hipparchus.linear.SingularValueDecomposition(new Array2DRowRealMatrix(x, false))
        .getSingularValues()) {
      v += s;
    }
    return v;
  }

  static double inner(double[][] p, double[][] q) {
    double s = 0;
    for (int i = 0; i < p.length; i++) {
      for (int j = 0; j < p[i].length; j++) {
        s += p[i][j] * q[i][j];
      }
    }
    return s;
  }

  static double norm(double[][] p) {
    return Math.sqrt(inner(p, p));
  }

  private static void scaleInPlace(double[][] p, double c) {
    for (double[] row : p) {
      for (int j = 0; j < row.length; j++) {
        row[j] *= c;
      }
    }
  }
}
