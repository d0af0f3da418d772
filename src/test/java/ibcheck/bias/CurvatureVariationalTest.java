package ibcheck.bias;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibcheck.bias.CurvatureVariational.Ends;
import ibcheck.bias.CurvatureVariational.Grid;
import ibcheck.bias.CurvatureVariational.Solution;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/** The curvature-penalised interpolation problem, its Euler-Lagrange solution and the direct minimiser. */
class CurvatureVariationalTest {
  static final double[] X = {-2, -1, 0, 1, 2};
  static final double[] Y = {1.5, 0.5, 1.5, 0.5, 1.5};

  static double sup(double[] a, double[] b) {
    double m = 0;
    for (int i = 0; i < a.length; i++) {
      m = Math.max(m, Math.abs(a[i] - b[i]));
    }
    return m;
  }

  @Test
  void constantZetaGivesHipparchusNaturalCubicSpline() {
    Grid g = Grid.of(X, 0.01, 1);
    Solution el = CurvatureVariational.eulerLagrange(X, Y, x -> 1.0 / 16, Ends.NATURAL, g);
    assertTrue(sup(el.g(), CurvatureVariational.cubicSpline(X, Y, Ends.NATURAL, g.t())) < 1e-12);
    assertEquals(0, el.lambda()[0]);
    assertEquals(0, el.lambda()[X.length - 1]);
  }

  @Test
  void clampedEndsGiveTheClampedSplineAndDifferFromTheMinimiser() {
    Grid g = Grid.of(X, 0.01, 1);
    Solution el = CurvatureVariational.eulerLagrange(X, Y, x -> 1.0, Ends.CLAMPED, g);
    assertTrue(sup(el.g(), CurvatureVariational.cubicSpline(X, Y, Ends.CLAMPED, g.t())) < 1e-12);
    Solution direct = CurvatureVariational.discretised(X, Y, x -> 1.0, 0.01, 1);
    assertTrue(sup(el.g(), direct.g()) > 0.1, "clamped ends are not the minimiser's");
  }

  @Test
  void theWeightedSolutionIsTheDirectMinimiser() {
    DoubleUnaryOperator zeta = x -> 1 / Math.pow(0.1 + x * x, 2);
    Solution direct = CurvatureVariational.discretised(X, Y, zeta, 0.01, 1);
    Solution el = CurvatureVariational.eulerLagrange(X, Y, zeta, Ends.NATURAL, direct.grid());
    assertTrue(sup(el.g(), direct.g()) < 1e-6, "sup difference " + sup(el.g(), direct.g()));
    for (int i = 0; i < X.length; i++) {
      assertEquals(Y[i], el.g()[el.grid().knotIndex()[i]], 1e-10);
    }
  }

  @Test
  void theClosedFormForZetaOneOverOnePlusXSquaredSquared() {
    // between knots g = u x + v + p x atan(x)/2 - q atan(x)/2: g'' = (p + q x)/(1 + x^2)^2
    DoubleUnaryOperator zeta = x -> 1 / Math.pow(1 + x * x, 2);
    Grid grid = Grid.of(X, 0.01, 1);
    Solution el = CurvatureVariational.eulerLagrange(X, Y, zeta, Ends.NATURAL, grid);
    for (int k = 1; k + 1 < grid.size(); k++) {
      double t = grid.t()[k];
      int i = Math.min(X.length - 2, (int) Math.floor(t + 2));
      double r = (t - X[i]) / (X[i + 1] - X[i]);
      double l = el.lambda()[i] * (1 - r) + el.lambda()[i + 1] * r;
      assertEquals(zeta.applyAsDouble(t) * l, el.g2()[k], 1e-12);
    }
  }

  @Test
  void zetaMustBePositiveOnTheData() {
    assertThrows(IllegalArgumentException.class,
        () -> CurvatureVariational.eulerLagrange(X, Y, x -> Math.abs(x) < 1.5 ? 1 : 0, Ends.NATURAL, Grid.of(X, 0.1, 1)));
  }
}
