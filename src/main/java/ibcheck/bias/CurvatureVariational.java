package ibcheck.bias;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.hipparchus.analysis.interpolation.SplineInterpolator;
import org.hipparchus.analysis.polynomials.PolynomialSplineFunction;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.RealMatrix;

/**
 * The curvature-penalised interpolation problem of Jin and Montufar,
 * {@code min integral_{x_1}^{x_M} g''(x)^2 / zeta(x) dx subject to g(x_i) = y_i}, two independent ways:
 *
 * <ul>
 *   <li>{@link #eulerLagrange}: from the Euler-Lagrange form. Between knots {@code (g''/zeta)'' = 0},
 *       so {@code g'' = zeta * l} with l continuous and piecewise linear (kinks at the knots); natural
 *       ends {@code l(x_1) = l(x_M) = 0}, or clamped ends {@code g'(x_1) = g'(x_M) = 0}. Writing
 *       {@code l = sum_j lambda_j phi_j} (hat functions) and
 *       {@code g(x) = u x + v + sum_j lambda_j int_{x_1}^x (x - t) zeta(t) phi_j(t) dt}, the
 *       interpolation conditions (and the end conditions) are a small linear system (Hipparchus LU).
 *       The moments {@code int zeta phi_j} and {@code int t zeta phi_j} are accumulated cell by cell with
 *       a 10-point Gauss-Legendre rule.
 *   <li>{@link #discretised}: direct minimisation, assuming nothing about the form of the solution: g
 *       on a fine grid, {@code g''} by second differences, the objective as a weighted sum, the knot
 *       values fixed; the normal equations are banded (pentadiagonal) and solved by a banded Cholesky
 *       factorisation; grids of step h and h/2 are combined by Richardson extrapolation (the error is
 *       O(h^2)).
 * </ul>
 *
 * Plus the cubic-spline references for constant zeta: Hipparchus' natural {@link SplineInterpolator},
 * and a clamped spline (zero end slopes; Hipparchus has none) from the moment equations.
 *
 * <p>One class of about 400 lines (a fifth of them documentation): the two independent solutions are meant to
 * be read side by side, and they share the grid, its Gauss rule and the Solution they are compared in.
 */
public final class CurvatureVariational {
  /** The end condition of the claimed solution. */
  public enum Ends {
    /** g'' = 0 at the outer knots (the free ends of the variational problem). */
    NATURAL,
    /** g' = 0 at the outer knots. */
    CLAMPED
  }

  private CurvatureVariational() {}

  /** The evaluation grid: every knot interval divided into equal steps. */
  public record Grid(double[] t, int[] knotIndex) {
    /** At most {@code h} per step, every knot a grid point; {@code refine} multiplies the steps per interval. */
    public static Grid of(double[] xs, double h, int refine) {
      int[] steps = new int[xs.length - 1];
      int total = 0;
      for (int i = 0; i < steps.length; i++) {
        steps[i] = refine * Math.max(4, (int) Math.ceil((xs[i + 1] - xs[i]) / h - 1e-9));
        total += steps[i];
      }
      double[] t = new double[total + 1];
      int[] knot = new int[xs.length];
      int k = 0;
      for (int i = 0; i < steps.length; i++) {
        knot[i] = k;
        for (int s = 0; s < steps[i]; s++) {
          t[k++] = xs[i] + (xs[i + 1] - xs[i]) * s / steps[i];
        }
      }
      knot[xs.length - 1] = k;
      t[k] = xs[xs.length - 1];
      return new Grid(t, knot);
    }

    public int size() {
      return t.length;
    }
  }

  /**
   * A solution on a grid.
   *
   * @param g values at the grid points
   * @param g2 second derivative at the grid points ({@code zeta * l} for the Euler-Lagrange solution)
   * @param u the slope of the affine part ({@code g'(x_1)})
   * @param v the intercept of the affine part
   * @param lambda l at the knots (Euler-Lagrange solution only)
   * @param halfAbs {@code h(x) = (1/2) int g''(c) |x - c| dc} at x_1 and x_M (Euler-Lagrange only)
   */
  public record Solution(Grid grid, double[] g, double[] g2, double u, double v, double[] lambda, double[] halfAbs) {
    /** The objective {@code int g''^2 / zeta}, by the trapezoidal rule on the grid. */
    public double objective(DoubleUnaryOperator zeta) {
      double s = 0;
      double[] t = grid.t();
      for (int k = 0; k + 1 < t.length; k++) {
        s += 0.5 * (t[k + 1] - t[k]) * (g2[k] * g2[k] / zeta.applyAsDouble(t[k]) + g2[k + 1] * g2[k + 1] / zeta.applyAsDouble(t[k + 1]));
      }
      return s;
    }
  }

  private static void requireData(double[] xs, double[] ys) {
    if (xs.length != ys.length || xs.length < 2) {
      throw new IllegalArgumentException("the data need as many y as x values, and at least two points");
    }
    for (int i = 0; i + 1 < xs.length; i++) {
      if (!(xs[i] < xs[i + 1])) {
        throw new IllegalArgumentException("the data's x values must increase strictly: " + Arrays.toString(xs));
      }
    }
  }

  private static double zetaAt(DoubleUnaryOperator zeta, double x) {
    double z = zeta.applyAsDouble(x);
    if (!(z > 0) || !Double.isFinite(z)) {
      throw new IllegalArgumentException("zeta(" + x + ") = " + z + ": zeta must be positive and finite on the data's"
          + " range (the data must lie in supp(zeta))");
    }
    return z;
  }

  /**
   * The Euler-Lagrange solution {@code g'' = zeta * l} on {@code grid}.
   *
   * <p>One method on purpose: the cumulative moments, the linear system in u, v and the lambda_j and the
   * evaluation of g on the grid index the same cells and hat functions; split, they would pass the moment
   * tables around.
   */
  public static Solution eulerLagrange(double[] xs, double[] ys, DoubleUnaryOperator zeta, Ends ends, Grid grid) {
    requireData(xs, ys);
    int m = xs.length;
    double[] t = grid.t();
    int n = t.length;
    // cumulative moments A_j(x) = int_{x1}^x zeta phi_j, B_j(x) = int_{x1}^x t zeta phi_j at every grid point
    double[][] a = new double[m][n];
    double[][] b = new double[m][n];
    double[] z = new double[n];
    double[] nodes = GaussRule.NODES;
    double[] weights = GaussRule.WEIGHTS;
    int interval = 0;
    for (int k = 0; k < n; k++) {
      z[k] = zetaAt(zeta, t[k]);
    }
    for (int k = 0; k + 1 < n; k++) {
      while (interval + 1 < m - 1 && t[k] >= xs[interval + 1]) {
        interval++;
      }
      double lo = t[k];
      double hi = t[k + 1];
      double xl = xs[interval];
      double xr = xs[interval + 1];
      double[] da = new double[2];
      double[] db = new double[2];
      double half = 0.5 * (hi - lo);
      double mid = 0.5 * (hi + lo);
      for (int q = 0; q < nodes.length; q++) {
        double s = mid + half * nodes[q];
        double wz = weights[q] * half * zetaAt(zeta, s);
        double right = (s - xl) / (xr - xl);
        double left = 1 - right;
        da[0] += wz * left;
        da[1] += wz * right;
        db[0] += wz * left * s;
        db[1] += wz * right * s;
      }
      for (int j = 0; j < m; j++) {
        a[j][k + 1] = a[j][k];
        b[j][k + 1] = b[j][k];
      }
      a[interval][k + 1] += da[0];
      a[interval + 1][k + 1] += da[1];
      b[interval][k + 1] += db[0];
      b[interval + 1][k + 1] += db[1];
    }
    // unknowns: u, v, then the free lambda_j
    int first = ends == Ends.NATURAL ? 1 : 0;
    int last = ends == Ends.NATURAL ? m - 2 : m - 1;
    int free = last - first + 1;
    int size = 2 + free;
    int rows = m + (ends == Ends.CLAMPED ? 2 : 0);
    if (rows != size) {
      throw new IllegalStateException("system of " + rows + " equations in " + size + " unknowns");
    }
    RealMatrix sys = new Array2DRowRealMatrix(size, size);
    double[] rhs = new double[size];
    for (int i = 0; i < m; i++) {
      int k = grid.knotIndex()[i];
      sys.setEntry(i, 0, xs[i]);
      sys.setEntry(i, 1, 1);
      for (int j = first; j <= last; j++) {
        sys.setEntry(i, 2 + j - first, xs[i] * a[j][k] - b[j][k]);
      }
      rhs[i] = ys[i];
    }
    if (ends == Ends.CLAMPED) {
      sys.setEntry(m, 0, 1); // g'(x_1) = u = 0
      sys.setEntry(m + 1, 0, 1); // g'(x_M) = u + sum_j lambda_j A_j(x_M) = 0
      for (int j = first; j <= last; j++) {
        sys.setEntry(m + 1, 2 + j - first, a[j][n - 1]);
      }
    }
    double[] sol = new LUDecomposition(sys, 1e-300).getSolver().solve(new ArrayRealVector(rhs)).toArray();
    double u = sol[0];
    double v = sol[1];
    double[] lambda = new double[m];
    for (int j = first; j <= last; j++) {
      lambda[j] = sol[2 + j - first];
    }
    double[] g = new double[n];
    double[] g2 = new double[n];
    interval = 0;
    for (int k = 0; k < n; k++) {
      double s = u * t[k] + v;
      for (int j = 0; j < m; j++) {
        s += lambda[j] * (t[k] * a[j][k] - b[j][k]);
      }
      g[k] = s;
      while (interval + 1 < m - 1 && t[k] > xs[interval + 1]) {
        interval++;
      }
      double right = (t[k] - xs[interval]) / (xs[interval + 1] - xs[interval]);
      g2[k] = z[k] * (lambda[interval] * (1 - right) + lambda[interval + 1] * right);
    }
    double hLeft = 0;
    double hRight = 0;
    for (int j = 0; j < m; j++) {
      hLeft += 0.5 * lambda[j] * (b[j][n - 1] - xs[0] * a[j][n - 1]);
      hRight += 0.5 * lambda[j] * (xs[m - 1] * a[j][n - 1] - b[j][n - 1]);
    }
    return new Solution(grid, g, g2, u, v, lambda, new double[] {hLeft, hRight});
  }

  /**
   * The direct minimiser on the grid refined {@code refine} times and {@code 2 refine} times, combined by
   * Richardson extrapolation and returned on {@code grid}; {@code g2} holds the second differences of the
   * finer grid at the points of {@code grid}.
   */
  public static Solution discretised(double[] xs, double[] ys, DoubleUnaryOperator zeta, double h, int refine) {
    requireData(xs, ys);
    Grid coarse = Grid.of(xs, h, 1);
    Grid g1 = Grid.of(xs, h, refine);
    Grid g2 = Grid.of(xs, h, 2 * refine);
    double[] s1 = minimise(g1, ys, zeta);
    double[] s2 = minimise(g2, ys, zeta);
    double[] d2 = secondDifferences(g2.t(), s2);
    double[] g = new double[coarse.size()];
    double[] curv = new double[coarse.size()];
    for (int k = 0; k < coarse.size(); k++) {
      g[k] = (4 * s2[2 * refine * k] - s1[refine * k]) / 3;
      curv[k] = d2[2 * refine * k];
    }
    return new Solution(coarse, g, curv, Double.NaN, Double.NaN, null, null);
  }

  /**
   * The unextrapolated direct minimiser on a grid (values at every grid point).
   *
   * <p>One method on purpose: the band matrix is assembled, reduced to the free points and solved in one
   * sweep over the same band storage.
   */
  public static double[] minimise(Grid grid, double[] ys, DoubleUnaryOperator zeta) {
    double[] t = grid.t();
    int n = t.length;
    // Q = sum_k w_k c_k c_k^T in band storage: q[d][i] = Q(i, i + d), d = 0, 1, 2
    double[][] q = new double[3][n];
    for (int k = 1; k + 1 < n; k++) {
      double hm = t[k] - t[k - 1];
      double hp = t[k + 1] - t[k];
      double[] c = {2 / (hm * (hm + hp)), -2 / (hm * hp), 2 / (hp * (hm + hp))};
      double w = 0.5 * (hm + hp) / zetaAt(zeta, t[k]);
      for (int r = 0; r < 3; r++) {
        for (int s = r; s < 3; s++) {
          q[s - r][k - 1 + r] += w * c[r] * c[s];
        }
      }
    }
    boolean[] fixed = new boolean[n];
    double[] value = new double[n];
    for (int i = 0; i < ys.length; i++) {
      fixed[grid.knotIndex()[i]] = true;
      value[grid.knotIndex()[i]] = ys[i];
    }
    int[] index = new int[n];
    int nf = 0;
    for (int i = 0; i < n; i++) {
      index[i] = fixed[i] ? -1 : nf++;
    }
    // reduced band matrix over the free points, bandwidth 2 (a removed knot joins its neighbours)
    double[][] r = new double[3][nf];
    double[] rhs = new double[nf];
    for (int i = 0; i < n; i++) {
      for (int d = 0; d < 3 && i + d < n; d++) {
        double qij = q[d][i];
        if (qij == 0) {
          continue;
        }
        int j = i + d;
        for (int pass = 0; pass < (d == 0 ? 1 : 2); pass++) {
          int row = pass == 0 ? i : j;
          int col = pass == 0 ? j : i;
          if (fixed[row]) {
            continue;
          }
          if (fixed[col]) {
            rhs[index[row]] -= qij * value[col];
          } else if (index[col] >= index[row]) {
            int dd = index[col] - index[row];
            if (dd > 2) {
              throw new IllegalStateException("band wider than 2");
            }
            r[dd][index[row]] += qij;
          }
        }
      }
    }
    double[] x = BandedCholesky.solve(r, rhs);
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = fixed[i] ? value[i] : x[index[i]];
    }
    return out;
  }

  /** Second differences on a grid; 0 at the two ends. */
  public static double[] secondDifferences(double[] t, double[] g) {
    double[] d = new double[t.length];
    for (int k = 1; k + 1 < t.length; k++) {
      double hm = t[k] - t[k - 1];
      double hp = t[k + 1] - t[k];
      d[k] = 2 * ((g[k + 1] - g[k]) / hp - (g[k] - g[k - 1]) / hm) / (hm + hp);
    }
    return d;
  }

  /** The cubic spline through the data with the given ends (natural: Hipparchus; clamped: zero end slopes). */
  public static double[] cubicSpline(double[] xs, double[] ys, Ends ends, double[] at) {
    requireData(xs, ys);
    double[] out = new double[at.length];
    if (ends == Ends.NATURAL) {
      if (xs.length < 3) { // Hipparchus needs three points; two give the line
        for (int k = 0; k < at.length; k++) {
          out[k] = ys[0] + (ys[1] - ys[0]) * (at[k] - xs[0]) / (xs[1] - xs[0]);
        }
        return out;
      }
      PolynomialSplineFunction f = new SplineInterpolator().interpolate(xs, ys);
      for (int k = 0; k < at.length; k++) {
        out[k] = f.value(Math.min(Math.max(at[k], xs[0]), xs[xs.length - 1]));
      }
      return out;
    }
    // clamped: second derivatives M_i from the moment equations with s'(x_1) = s'(x_M) = 0
    int m = xs.length;
    RealMatrix a = new Array2DRowRealMatrix(m, m);
    double[] rhs = new double[m];
    double[] hh = new double[m - 1];
    for (int i = 0; i + 1 < m; i++) {
      hh[i] = xs[i + 1] - xs[i];
    }
    a.setEntry(0, 0, hh[0] / 3);
    a.setEntry(0, 1, hh[0] / 6);
    rhs[0] = (ys[1] - ys[0]) / hh[0];
    for (int i = 1; i + 1 < m; i++) {
      a.setEntry(i, i - 1, hh[i - 1] / 6);
      a.setEntry(i, i, (hh[i - 1] + hh[i]) / 3);
      a.setEntry(i, i + 1, hh[i] / 6);
      rhs[i] = (ys[i + 1] - ys[i]) / hh[i] - (ys[i] - ys[i - 1]) / hh[i - 1];
    }
    a.setEntry(m - 1, m - 2, hh[m - 2] / 6);
    a.setEntry(m - 1, m - 1, hh[m - 2] / 3);
    rhs[m - 1] = -(ys[m - 1] - ys[m - 2]) / hh[m - 2];
    double[] mm = new LUDecomposition(a).getSolver().solve(new ArrayRealVector(rhs)).toArray();
    for (int k = 0; k < at.length; k++) {
      double x = Math.min(Math.max(at[k], xs[0]), xs[m - 1]);
      int i = 0;
      while (i + 2 < m && x > xs[i + 1]) {
        i++;
      }
      double h = hh[i];
      double p = xs[i + 1] - x;
      double q = x - xs[i];
      out[k] = mm[i] * p * p * p / (6 * h) + mm[i + 1] * q * q * q / (6 * h)
          + (ys[i] / h - mm[i] * h / 6) * p + (ys[i + 1] / h - mm[i + 1] * h / 6) * q;
    }
    return out;
  }

  /** The 10-point Gauss-Legendre rule on [-1, 1] (Hipparchus nodes). */
  static final class GaussRule {
    static final double[] NODES;
    static final double[] WEIGHTS;

    static {
      var g = new org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory().legendre(10);
      NODES = new double[10];
      WEIGHTS = new double[10];
      for (int i = 0; i < 10; i++) {
        NODES[i] = g.getPoint(i);
        WEIGHTS[i] = g.getWeight(i);
      }
    }

    private GaussRule() {}
  }
}
