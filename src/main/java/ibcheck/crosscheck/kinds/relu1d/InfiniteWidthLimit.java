package ibcheck.crosscheck.kinds.relu1d;

import ibcheck.bias.CurvatureVariational;
import ibcheck.bias.CurvatureVariational.Ends;
import ibcheck.bias.CurvatureVariational.Grid;
import ibcheck.bias.CurvatureVariational.Solution;
import java.util.function.DoubleUnaryOperator;

/**
 * The infinite-width limit of a wide ReLU network on one-dimensional data: the zeta-weighted
 * variational solution g* (Euler-Lagrange form, {@link CurvatureVariational#eulerLagrange}) on a grid
 * of step at most h over the data's range, and its affine part {@code ubar x + vbar}. For (W, B) and
 * (-W, -B) equal in law the network without affine part represents
 * {@code h(x) = (1/2) int g*''(c) |x - c| dc}, so {@code ubar x + vbar = g* - h}, read off at the
 * outer knots x_1 and x_M.
 *
 * @param t the grid
 * @param g g* on the grid
 */
record InfiniteWidthLimit(double[] t, double[] g, double ubar, double vbar) {
  /**
   * Solves for g*.
   *
   * @throws IllegalArgumentException when zeta is not positive and finite on the data's range, or the system is singular
   */
  static InfiniteWidthLimit of(double[] xs, double[] ys, DoubleUnaryOperator zeta, Ends ends, double h) {
    Grid grid = Grid.of(xs, h, 1);
    double[] t = grid.t();
    Solution limit = CurvatureVariational.eulerLagrange(xs, ys, zeta, ends, grid);
    double[] gStar = limit.g();
    double[] half = limit.halfAbs();
    int last = t.length - 1;
    double ubar = ((gStar[last] - half[1]) - (gStar[0] - half[0])) / (xs[xs.length - 1] - xs[0]);
    double vbar = gStar[0] - half[0] - ubar * xs[0];
    return new InfiniteWidthLimit(t, gStar, ubar, vbar);
  }

  /** {@code y_i - (ubar x_i + vbar)}: the data a network without affine part is trained on. */
  double[] withoutAffinePart(double[] xs, double[] ys) {
    double[] adjusted = new double[ys.length];
    for (int i = 0; i < ys.length; i++) {
      adjusted[i] = ys[i] - ubar * xs[i] - vbar;
    }
    return adjusted;
  }

  /** {@code f + ubar t + vbar} on the grid, in place. */
  void addAffinePart(double[] f) {
    for (int k = 0; k < f.length; k++) {
      f[k] += ubar * t[k] + vbar;
    }
  }
}
