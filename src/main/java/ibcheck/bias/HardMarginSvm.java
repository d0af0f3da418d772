package ibcheck.bias;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxIter;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.vector.constrained.ADMMQPOption;
import org.hipparchus.optim.nonlinear.vector.constrained.ADMMQPOptimizer;
import org.hipparchus.optim.nonlinear.vector.constrained.LagrangeSolution;
import org.hipparchus.optim.nonlinear.vector.constrained.LinearBoundedConstraint;
import org.hipparchus.optim.nonlinear.vector.constrained.QuadraticFunction;

/**
 * The l2 hard-margin problem {@code min ||w||^2 / 2 s.t. z_i . w >= 1} (z_i = y_i x_i, or y_i times
 * a feature vector), solved in two stages:
 *
 * <ol>
 *   <li>Hipparchus' ADMM quadratic-programming solver ({@link ADMMQPOptimizer}) on the dual
 *       {@code min alpha^T G alpha / 2 - sum_i alpha_i s.t. alpha >= 0} (G the Gram matrix of the
 *       z_i: n variables whatever the dimension of the z_i), which finds the multipliers to about
 *       1e-9 (its own polishing step is off: it fails on a singular KKT matrix for degenerate
 *       problems);
 *   <li>an exact active-set polish (Lawson and Hanson's method on the dual, warm-started at ADMM's
 *       multipliers, or cold from alpha = 0 when ADMM fails): on the passive set S, {@code alpha_S}
 *       solves {@code G_SS alpha_S = 1} (Cholesky) and {@code w = sum_S alpha_i z_i}; steps keep
 *       alpha >= 0 and the most violated margin enters S, until the KKT conditions hold exactly up
 *       to rounding.
 * </ol>
 *
 * The result carries its KKT certificate: primal feasibility ({@code min_i z_i . w - 1}, must be
 * {@code >= -1e-12}), dual feasibility (alpha >= 0), complementary slackness, stationarity
 * ({@code w = sum alpha_i z_i} by construction) and the duality gap
 * {@code ||w||^2/2 - (sum alpha - ||sum alpha z||^2/2)}; a problem that is not separable (ADMM
 * reports infeasibility or the polish cannot satisfy KKT) throws.
 *
 * <p>One class of about 330 lines (a fifth of them documentation): the ADMM stage, the active-set polish and
 * the KKT certificate are the stages of one solver and share its Gram matrix and Solution.
 */
public final class HardMarginSvm {
  /**
   * @param w the max-margin vector (margin 1 on the support vectors)
   * @param alpha the dual variables, zero off the support set
   * @param support indices of the support vectors (alpha_i > 0)
   * @param gap the duality gap, ~1e-15 relative
   * @param feasibility {@code min_i z_i . w - 1} (>= 0 up to rounding)
   * @param slackness {@code max_i alpha_i |z_i . w - 1|}
   * @param admmConverged whether ADMM converged before the polish
   */
  public record Solution(double[] w, double[] alpha, int[] support, double gap, double feasibility, double slackness,
      boolean admmConverged) {
    /** The geometric margin {@code min_i z_i . w / ||w|| = 1 / ||w||}. */
    public double margin() {
      double s = 0;
      for (double v : w) {
        s += v * v;
      }
      return 1 / Math.sqrt(s);
    }
  }

  private HardMarginSvm() {}

  /**
   * @param z the rows z_i
   * @throws IllegalArgumentException when the z_i are not strictly separable through the origin, or
   *     the support vectors are linearly dependent (a degenerate problem whose multipliers are not unique)
   *
   * <p>It stays one method: it is the two-stage recipe above in order (the Gram matrix, the scaled dual for
   * ADMM, the polish, the certificate), each stage using the one before.
   */
  public static Solution solve(double[][] z) {
    int n = z.length;
    int d = z[0].length;
    double[][] gram = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double s = 0;
        for (int k = 0; k < d; k++) {
          s += z[i][k] * z[j][k];
        }
        gram[i][j] = s;
        gram[j][i] = s;
      }
    }
    // the dual: min alpha^T G alpha / 2 - sum alpha s.t. alpha >= 0 (n variables, whatever the dimension)
    double[][] eye = new double[n][n];
    double[] lower = new double[n];
    double[] upper = new double[n];
    double[] minusOnes = new double[n];
    for (int i = 0; i < n; i++) {
      eye[i][i] = 1;
      upper[i] = 1e30;
      minusOnes[i] = -1;
    }
    // scaled so the largest |z_i|^2 is 1: ADMM's tolerances are absolute (alpha' = c alpha)
    double unit = 0;
    for (int i = 0; i < n; i++) {
      unit = Math.max(unit, gram[i][i]);
    }
    if (!(unit > 0)) {
      throw new IllegalArgumentException("every margin vector z_i is zero");
    }
    double[][] scaled = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        scaled[i][j] = gram[i][j] / unit;
      }
      // a ridge of 1e-9: ADMM's internal KKT solve fails on a singular G (more points than
      // dimensions); it only has to find the active set, which the exact polish below then solves
      scaled[i][i] += 1e-9;
    }
    ADMMQPOption opt = new ADMMQPOption();
    opt.setEps(1e-6); // only the active set is needed: the exact polish below finishes
    opt.setPolishing(false);
    ADMMQPOptimizer admm = new ADMMQPOptimizer();
    double[] alpha = new double[n];
    boolean converged = false;
    try {
      LagrangeSolution sol = admm.optimize(new ObjectiveFunction(new QuadraticFunction(scaled, minusOnes, 0)),
          new LinearBoundedConstraint(eye, lower, upper), opt, new InitialGuess(new double[n]), new MaxIter(5_000));
      double[] a0 = sol.getX().toArray();
      converged = admm.isConverged();
      double top = 0;
      for (double a : a0) {
        top = Math.max(top, Math.abs(a));
      }
      for (int i = 0; i < n; i++) {
        // ADMM's multipliers for the scaled problem: alpha = alpha' / unit; tiny ones are zero
        alpha[i] = Double.isFinite(a0[i]) && a0[i] > 1e-6 * top ? a0[i] / unit : 0;
      }
    } catch (RuntimeException e) {
      // ADMM did not converge or could not factor its KKT matrix: the active-set method starts cold
      java.util.Arrays.fill(alpha, 0);
    }
    return activeSet(z, gram, alpha, converged);
  }

  /**
   * Lawson and Hanson's active-set method on the dual {@code min alpha^T G alpha / 2 - sum alpha,
   * alpha >= 0}, warm-started at a non-negative alpha: the gradient {@code G alpha - 1} is
   * {@code z_i . w - 1}, so the most violated margin enters the passive set P; on P the
   * unconstrained minimiser solves {@code G_PP alpha_P = 1} (Cholesky); a step that would make some
   * alpha_i negative is cut at the boundary and that index leaves P. Terminates with exact KKT
   * conditions up to rounding.
   *
   * <p>One method on purpose: each pass of the loop (the entering index, the solve on the passive set, the
   * cut at the boundary, the leaving index) updates the passive set, alpha and the factorisation together, so
   * a split would hand all three back and forth.
   */
  private static Solution activeSet(double[][] z, double[][] gram, double[] start, boolean admmConverged) {
    int n = z.length;
    int d = z[0].length;
    double[] alpha = start.clone();
    List<Integer> passive = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (alpha[i] > 0) {
        passive.add(i);
      }
    }
    int limit = 20 * n + 100;
    for (int round = 0; round < limit; round++) {
      // the inner loop: move towards the minimiser on P, keeping alpha >= 0
      for (int inner = 0; inner < limit && !passive.isEmpty(); inner++) {
        double[] s = solveOn(gram, passive);
        if (s == null) {
          // z_P linearly dependent: move along a null direction c of G_PP (z_P^T c = 0, so w does
          // not change and the objective does not increase) until some alpha_i reaches 0
          double[] c = nullDirection(gram, passive);
          double sum = 0;
          for (double v : c) {
            sum += v;
          }
          if (sum < 0) {
            for (int a = 0; a < c.length; a++) {
              c[a] = -c[a];
            }
          }
          double t = Double.POSITIVE_INFINITY;
          for (int a = 0; a < c.length; a++) {
            if (c[a] < 0) {
              t = Math.min(t, alpha[passive.get(a)] / -c[a]);
            }
          }
          if (Double.isInfinite(t)) {
            throw new IllegalArgumentException("the margin vectors " + passive + " have a non-negative combination"
                + " equal to 0: the data are not separable through the origin");
          }
          List<Integer> keep = new ArrayList<>();
          for (int a = 0; a < c.length; a++) {
            int i = passive.get(a);
            alpha[i] += t * c[a];
            if (alpha[i] > 1e-15 * (1 + Math.abs(alpha[i])) && !(c[a] < 0 && alpha[i] / -c[a] <= t * 1e-12)) {
              keep.add(i);
            } else {
              alpha[i] = 0;
            }
          }
          if (keep.size() == passive.size()) { // rounding: drop the index that limited the step
            int drop = -1;
            double best = Double.POSITIVE_INFINITY;
            for (int a = 0; a < c.length; a++) {
              if (c[a] < 0 && alpha[passive.get(a)] / -c[a] < best) {
                best = alpha[passive.get(a)] / -c[a];
                drop = passive.get(a);
              }
            }
            alpha[drop] = 0;
            keep.remove(Integer.valueOf(drop));
          }
          passive = keep;
          continue;
        }
        boolean positive = true;
        for (int a = 0; a < s.length; a++) {
          positive &= s[a] > 0;
        }
        if (positive) {
          java.util.Arrays.fill(alpha, 0);
          for (int a = 0; a < s.length; a++) {
            alpha[passive.get(a)] = s[a];
          }
          break;
        }
        double t = 1;
        for (int a = 0; a < s.length; a++) {
          int i = passive.get(a);
          if (s[a] <= 0) {
            t = Math.min(t, alpha[i] / (alpha[i] - s[a]));
          }
        }
        double[] next = new double[n];
        for (int a = 0; a < s.length; a++) {
          int i = passive.get(a);
          next[i] = alpha[i] + t * (s[a] - alpha[i]);
        }
        alpha = next;
        List<Integer> keep = new ArrayList<>();
        for (int i : passive) {
          if (alpha[i] > 1e-15 * (1 + Math.abs(alpha[i]))) {
            keep.add(i);
          } else {
            alpha[i] = 0;
          }
        }
        passive = keep;
      }
      double[] w = new double[d];
      for (int i = 0; i < n; i++) {
        if (alpha[i] != 0) {
          for (int c = 0; c < d; c++) {
            w[c] += alpha[i] * z[i][c];
          }
        }
      }
      int enter = -1;
      double worst = -1e-12;
      double minMargin = Double.POSITIVE_INFINITY;
      double slack = 0;
      for (int i = 0; i < n; i++) {
        double m = 0;
        for (int c = 0; c < d; c++) {
          m += z[i][c] * w[c];
        }
        minMargin = Math.min(minMargin, m - 1);
        slack = Math.max(slack, alpha[i] * Math.abs(m - 1));
        if (m - 1 < worst && !passive.contains(i)) {
          worst = m - 1;
          enter = i;
        }
      }
      if (enter >= 0) {
        passive.add(enter);
        continue;
      }
      double ww = 0;
      double sa = 0;
      for (int c = 0; c < d; c++) {
        ww += w[c] * w[c];
      }
      for (double a : alpha) {
        sa += a;
      }
      int[] support = passive.stream().mapToInt(Integer::intValue).sorted().toArray();
      return new Solution(w, alpha, support, ww / 2 - (sa - ww / 2), minMargin, slack, admmConverged);
    }
    throw new IllegalArgumentException("the active-set method did not settle within " + limit
        + " rounds (are the data separable through the origin?)");
  }

  /** A unit vector c with {@code G_PP c = 0} (the eigenvector of G_PP's smallest eigenvalue). */
  private static double[] nullDirection(double[][] gram, List<Integer> passive) {
    int k = passive.size();
    double[][] g = new double[k][k];
    for (int a = 0; a < k; a++) {
      for (int b = 0; b < k; b++) {
        g[a][b] = gram[passive.get(a)][passive.get(b)];
      }
    }
    org.hipparchus.linear.EigenDecompositionSymmetric e =
        new org.hipparchus.linear.EigenDecompositionSymmetric(new Array2DRowRealMatrix(g, false));
    return e.getEigenvector(k - 1).toArray(); // eigenvalues in decreasing order
  }

  /** The solution of {@code G_PP x = 1} by Cholesky, or null when G_PP is singular. */
  private static double[] solveOn(double[][] gram, List<Integer> passive) {
    int k = passive.size();
    double[][] g = new double[k][k];
    for (int a = 0; a < k; a++) {
      for (int b = 0; b < k; b++) {
        g[a][b] = gram[passive.get(a)][passive.get(b)];
      }
    }
    double[] rhs = new double[k];
    java.util.Arrays.fill(rhs, 1);
    try {
      RealMatrix m = new Array2DRowRealMatrix(g, false);
      return new CholeskyDecomposition(m, 1e-14, 1e-14).getSolver()
          .solve(new org.hipparchus.linear.ArrayRealVector(rhs, false)).toArray();
    } catch (RuntimeException e) {
      return null;
    }
  }
}
