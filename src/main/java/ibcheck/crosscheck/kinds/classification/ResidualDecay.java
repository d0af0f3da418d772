package ibcheck.crosscheck.kinds.classification;

import ibcheck.crosscheck.Fits;
import ibcheck.crosscheck.Vectors;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;

/**
 * How fast the bounded part settles: the residual {@code |w(t) - w_hat log t - w_tilde|} is
 * predicted to decay like {@code t^-kappa} with {@code kappa = min(lambda_min(A), theta - 1)}, where
 * {@code A_ab = sqrt(alpha_a alpha_b) z_a . z_b} on the support vectors and theta is the smallest
 * margin {@code z_i . w_hat} off the support set (infinite when there is none).
 */
record ResidualDecay(double lambdaMin, double theta) {
  static ResidualDecay of(MarginProblem p) {
    int[] s = p.support();
    double[][] a = new double[s.length][s.length];
    for (int i = 0; i < s.length; i++) {
      for (int j = 0; j < s.length; j++) {
        a[i][j] = Math.sqrt(p.alpha(s[i]) * p.alpha(s[j])) * Vectors.dot(p.z[s[i]], p.z[s[j]]);
      }
    }
    double[] ev = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(a, false)).getEigenvalues();
    double theta = Double.POSITIVE_INFINITY;
    for (int i = 0; i < p.z.length; i++) {
      if (p.alpha(i) == 0) {
        theta = Math.min(theta, Vectors.dot(p.z[i], p.wHat));
      }
    }
    return new ResidualDecay(ev[ev.length - 1], theta);
  }

  double kappa() {
    return Math.min(lambdaMin, theta - 1);
  }

  /**
   * The log-log slope of the residual against t on the last third of the log-time range (the
   * fitted decay exponent is its negative); NaN with fewer than three positive residuals there.
   */
  static double fittedSlope(MarginTrajectory trajectory) {
    List<MarginTrajectory.Sample> tail = new ArrayList<>();
    for (MarginTrajectory.Sample p : trajectory.from(trajectory.endLog() * 2 / 3)) {
      if (p.residual() > 0) {
        tail.add(p);
      }
    }
    if (tail.size() < 3) {
      return Double.NaN;
    }
    double[] ty = new double[tail.size()];
    for (int i = 0; i < ty.length; i++) {
      ty[i] = Math.log(tail.get(i).residual());
    }
    return Fits.line(MarginTrajectory.logTimes(tail), ty).slope();
  }

  /** Whether the residual still decays at least like {@code t^-kappa/2} (kappa > 0). */
  boolean decaying(double fittedSlope) {
    return fittedSlope <= -kappa() / 2 && kappa() > 0;
  }
}
