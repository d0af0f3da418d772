package ibcheck.crosscheck.kinds.relu1d;

import static ibcheck.crosscheck.Vectors.fmt;

import ibcheck.crosscheck.Judgement;
import ibcheck.crosscheck.KindSupport;
import ibcheck.crosscheck.Vectors;
import ibcheck.models.WideRelu1D;
import ibcheck.verdict.ClaimResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.LUDecomposition;

/**
 * The {@code min-norm} claim of {@code kind: linearisation}: gradient descent on
 * {@code (1/2) |J d - (y - f(X, theta_0))|^2} over the displacement {@code d = omega - theta_0}, from
 * d = 0 with step {@code eta_factor / lambda_max(J J^T)}, stays in the row space of J, so it ends at
 * the minimum-norm solution {@code d* = J^T (J J^T)^{-1} (y - f(X, theta_0))}. Checked for all
 * parameters and for the output layer alone (its own J), at the first seed of every width: the
 * relative distance {@code |d - d*| / |d*|} must be within the tolerance.
 */
final class MinNormLimit {
  /** The descent stops when the residual is below this fraction of the target's norm. */
  private static final double RESIDUAL_FRACTION = 1e-15;
  /** The step budget: enough for the linearised residual to fall by this factor, at most MAX_STEPS. */
  private static final double RESIDUAL_FALL = 1e14;
  private static final int MAX_STEPS = 2_000_000;

  private MinNormLimit() {}

  /** Where one descent ended. */
  private record Descent(int steps, double relativeDistance, double maxResidual, double norm, double minNorm) {
    Map<String, Object> evidence() {
      Map<String, Object> q = new LinkedHashMap<>();
      q.put("steps", steps);
      q.put("relative_distance_to_min_norm", relativeDistance);
      q.put("max_residual", maxResidual);
      q.put("norm_of_displacement", norm);
      q.put("min_norm", minNorm);
      return q;
    }
  }

  static ClaimResult judge(LinearisationCheck.Check c, Judgement judgement) {
    List<Map<String, Object>> points = new ArrayList<>();
    double worst = 0;
    for (int n : c.widths()) {
      WideRelu1D net = new WideRelu1D(n);
      double[] theta0 = net.initial(c.aw(), c.ab(), c.firstSeed());
      Map<String, Object> pt = new LinkedHashMap<>();
      pt.put("width", n);
      for (boolean outputOnly : new boolean[] {false, true}) {
        Descent d = descend(TangentKernel.at(net, theta0, c.x(), outputOnly), c.x(), c.y(), c.etaFactor());
        pt.put(outputOnly ? "output_layer_only" : "all_parameters", d.evidence());
        double rel = d.relativeDistance();
        worst = Math.max(worst, Double.isNaN(rel) ? Double.POSITIVE_INFINITY : rel);
      }
      points.add(pt);
    }
    boolean ok = worst <= c.tolerance();
    Map<String, Object> ev = new LinkedHashMap<>();
    ev.put("model", "the linearised wide ReLU net on the line, ASI");
    ev.put("step", c.etaFactor() + " / lambda_max(J J^T)");
    ev.put("points", points);
    ev.put("max_relative_distance", worst);
    ev.put("tolerance", c.tolerance());
    return judgement.holds(ok, ok
        ? "gradient descent on the linearised model (all parameters, and the output layer alone) ends at the interpolant"
            + " closest to theta_0, within " + fmt(worst) + " relative at widths " + Arrays.toString(c.widths())
        : "gradient descent on the linearised model ends " + fmt(worst) + " (relative) from the minimum-norm interpolant"
            + " (tolerance " + fmt(c.tolerance()) + ")", ev);
  }

  private static Descent descend(TangentKernel kernel, double[] x, double[] y, double etaFactor) {
    double[][] j = kernel.jacobian().getDataRef();
    double[] ev = kernel.eigenvalues();
    double eta = etaFactor / ev[0];
    double[] target = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      target[i] = y[i] - kernel.net().value(kernel.theta0(), x[i]);
    }
    double[] best = minimumNorm(kernel, target);
    double[] d = new double[j[0].length];
    int t = LinearisedFlow.horizon(eta, ev[ev.length - 1], RESIDUAL_FALL, MAX_STEPS);
    int steps = gradientDescent(j, target, eta, t, d);
    double resid = 0;
    for (int i = 0; i < j.length; i++) {
      resid = Math.max(resid, Math.abs(Vectors.dot(j[i], d) - target[i]));
    }
    double minNorm = KindSupport.norm(best);
    return new Descent(steps, Vectors.distance(d, best) / minNorm, resid, KindSupport.norm(d), minNorm);
  }

  /** {@code d* = J^T Theta^{-1} target}. */
  private static double[] minimumNorm(TangentKernel kernel, double[] target) {
    double[] coef = new LUDecomposition(new Array2DRowRealMatrix(kernel.gram(), false)).getSolver()
        .solve(new ArrayRealVector(target, false)).toArray();
    return kernel.jacobian().preMultiply(coef);
  }

  /**
   * Gradient descent on {@code (1/2) |J d - target|^2} in place, for at most {@code t} steps or until
   * the residual is below {@link #RESIDUAL_FRACTION} of {@code |target|}.
   *
   * @return the index of the last step begun
   */
  private static int gradientDescent(double[][] j, double[] target, double eta, int t, double[] d) {
    double[] r = new double[target.length];
    double tnorm = KindSupport.norm(target);
    int used = 0;
    for (int it = 0; it < t; it++) {
      if ((it & 1023) == 0 && Thread.currentThread().isInterrupted()) {
        throw new IllegalStateException("interrupted");
      }
      double rr = 0;
      for (int i = 0; i < r.length; i++) {
        r[i] = Vectors.dot(j[i], d) - target[i];
        rr += r[i] * r[i];
      }
      used = it;
      if (Math.sqrt(rr) <= RESIDUAL_FRACTION * tnorm) {
        break;
      }
      for (int i = 0; i < r.length; i++) {
        double ri = eta * r[i];
        double[] row = j[i];
        for (int p = 0; p < d.length; p++) {
          d[p] -= ri * row[p];
        }
      }
    }
    return used;
  }
}
