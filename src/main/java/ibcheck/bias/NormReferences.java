package ibcheck.bias;

import ibcheck.models.Dataset;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;
import org.hipparchus.optim.MaxIter;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.linear.LinearConstraint;
import org.hipparchus.optim.linear.LinearConstraintSet;
import org.hipparchus.optim.linear.LinearObjectiveFunction;
import org.hipparchus.optim.linear.NonNegativeConstraint;
import org.hipparchus.optim.linear.Relationship;
import org.hipparchus.optim.linear.SimplexSolver;
import org.hipparchus.optim.nonlinear.scalar.GoalType;

/** The two reference interpolators of the kernel and rich regimes. */
public final class NormReferences {
  private NormReferences() {}

  /** {@code argmin ||beta||_2 s.t. X beta = y}: the pseudo-inverse solution X^+ y. */
  public static double[] minL2(Dataset data) {
    return new SingularValueDecomposition(new Array2DRowRealMatrix(data.x(), false))
        .getSolver().getInverse().operate(data.y());
  }

  /**
   * {@code argmin ||beta||_1 s.t. X beta = y} as the linear programme over {@code beta = p - m},
   * {@code p, m >= 0}: minimise {@code sum(p + m)} subject to {@code X (p - m) = y} (Hipparchus simplex).
   */
  public static double[] minL1(Dataset data) {
    int d = data.cols();
    double[] cost = new double[2 * d];
    java.util.Arrays.fill(cost, 1);
    List<LinearConstraint> constraints = new ArrayList<>();
    for (int n = 0; n < data.rows(); n++) {
      double[] row = new double[2 * d];
      for (int i = 0; i < d; i++) {
        row[i] = data.x()[n][i];
        row[d + i] = -data.x()[n][i];
      }
      constraints.add(new LinearConstraint(row, Relationship.EQ, data.y()[n]));
    }
    PointValuePair p = new SimplexSolver(1e-10, 10, 1e-14).optimize(new MaxIter(10_000),
        new LinearObjectiveFunction(cost, 0), new LinearConstraintSet(constraints),
        GoalType.MINIMIZE, new NonNegativeConstraint(true));
    double[] pm = p.getPoint();
    double[] beta = new double[d];
    for (int i = 0; i < d; i++) {
      beta[i] = pm[i] - pm[d + i];
    }
    return beta;
  }
}
