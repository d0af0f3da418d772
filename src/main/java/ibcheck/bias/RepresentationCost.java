package ibcheck.bias;

import java.util.function.DoubleBinaryOperator;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.univariate.BrentOptimizer;
import org.hipparchus.optim.univariate.SearchInterval;
import org.hipparchus.optim.univariate.UnivariateObjectiveFunction;

/**
 * The least representational cost of a function on the line through given points, for a cost
 * {@code R(h) = cost(int |h''|, h'(-inf) + h'(+inf))} (Savarese, Evron, Soudry and Srebro 2019:
 * {@code cost = max(tv, |ends|)}).
 *
 * <p>Among interpolants of {@code (x_j, v_j)}, x sorted, with chord slopes m_1..m_{L}, the
 * piecewise-linear interpolant with kinks only at the data and end slopes {@code m_1 - a},
 * {@code m_L - b} has {@code int |h''| = V + |a| + |b|} ({@code V = sum_j |m_{j+1} - m_j|}) and
 * {@code h'(-inf) + h'(+inf) = S - a - b} ({@code S = m_1 + m_L}); any interpolant with those end
 * slopes has at least that total variation of h' (h' takes the value m_j on interval j, by the
 * mean-value theorem). So the least cost is {@code min over (a, b) of cost(V + |a| + |b|, S - a - b)},
 * found by nested Brent minimisations on {@code [-B, B]^2}, {@code B = 2 (|S| + V) + 1}, for a cost
 * convex in both arguments and non-decreasing in tv.
 */
public final class RepresentationCost {
  private RepresentationCost() {}

  /** V and S of the points: the total slope change between the data and the sum of the end chords. */
  public record Slopes(double v, double s) {}

  public static Slopes slopes(double[] x, double[] values) {
    int n = x.length;
    if (n < 2) {
      throw new IllegalArgumentException("at least two points are needed");
    }
    double[] m = new double[n - 1];
    for (int j = 0; j + 1 < n; j++) {
      if (!(x[j + 1] > x[j])) {
        throw new IllegalArgumentException("the points must have increasing x, got " + x[j] + " then " + x[j + 1]);
      }
      m[j] = (values[j + 1] - values[j]) / (x[j + 1] - x[j]);
    }
    double v = 0;
    for (int j = 0; j + 1 < m.length; j++) {
      v += Math.abs(m[j + 1] - m[j]);
    }
    return new Slopes(v, m[0] + m[m.length - 1]);
  }

  /** {@code min over (a, b) of cost(V + |a| + |b|, S - a - b)}. */
  public static double least(Slopes sl, DoubleBinaryOperator cost) {
    double bound = 2 * (Math.abs(sl.s()) + sl.v()) + 1;
    BrentOptimizer outer = new BrentOptimizer(1e-13, 1e-15);
    UnivariateObjectiveFunction f = new UnivariateObjectiveFunction(a -> inner(sl, cost, a, bound));
    double a = outer.optimize(f, GoalType.MINIMIZE, new SearchInterval(-bound, bound, 0), new MaxEval(10_000)).getPoint();
    // the minimum may sit on a kink of the cost: take the better of the optimiser's point and a = 0
    return Math.min(inner(sl, cost, a, bound), inner(sl, cost, 0, bound));
  }

  private static double inner(Slopes sl, DoubleBinaryOperator cost, double a, double bound) {
    BrentOptimizer brent = new BrentOptimizer(1e-13, 1e-15);
    UnivariateObjectiveFunction g = new UnivariateObjectiveFunction(
        b -> cost.applyAsDouble(sl.v() + Math.abs(a) + Math.abs(b), sl.s() - a - b));
    double b = brent.optimize(g, GoalType.MINIMIZE, new SearchInterval(-bound, bound, 0), new MaxEval(10_000)).getPoint();
    double best = cost.applyAsDouble(sl.v() + Math.abs(a) + Math.abs(b), sl.s() - a - b);
    return Math.min(best, cost.applyAsDouble(sl.v() + Math.abs(a), sl.s() - a));
  }
}
