package ibcheck.crosscheck;

import java.util.Arrays;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;

/**
 * Integrates an ordinary differential equation with Hipparchus' Dormand-Prince 8(5,3) integrator at
 * tight tolerances and returns the state at requested times (dense output between accepted steps),
 * optionally showing every accepted step to an observer. The flows of the seed results use it: the
 * linear-regression flow and its propagator, a convex problem's gradient flow, a network's flow at
 * fixed times.
 */
public final class LinearFlowSampler {
  /** Sees every accepted step. */
  @FunctionalInterface
  public interface Observer {
    void step(double time, double[] state);
  }

  private final double relativeTolerance;
  private final double absoluteTolerance;
  private final int maxEvaluations;

  public LinearFlowSampler(double relativeTolerance, double absoluteTolerance, int maxEvaluations) {
    this.relativeTolerance = relativeTolerance;
    this.absoluteTolerance = absoluteTolerance;
    this.maxEvaluations = maxEvaluations;
  }

  /**
   * The states at {@code times} (any order, each finite and >= 0), integrating from {@code x0} at 0.
   *
   * @return one state per requested time, in the order requested
   */
  public double[][] sample(OrdinaryDifferentialEquation ode, double[] x0, double[] times, Observer observer) {
    double[][] out = new double[times.length][];
    Integer[] order = new Integer[times.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
      if (!(times[i] >= 0 && Double.isFinite(times[i]))) {
        throw new IllegalArgumentException("cannot sample a flow at time " + times[i]);
      }
    }
    Arrays.sort(order, (a, b) -> Double.compare(times[a], times[b]));
    int[] next = {0};
    while (next[0] < order.length && times[order[next[0]]] == 0) {
      out[order[next[0]++]] = x0.clone();
    }
    if (next[0] == order.length) {
      return out;
    }
    double end = times[order[order.length - 1]];
    DormandPrince853Integrator integrator = new DormandPrince853Integrator(end * 1e-18, end, absoluteTolerance,
        relativeTolerance);
    integrator.setMaxEvaluations(maxEvaluations);
    integrator.setInitialStepSize(initialStep(ode, x0, end));
    integrator.addStepHandler(interpolator -> {
      KindSupport.checkInterrupt("flow");
      ODEStateAndDerivative current = interpolator.getCurrentState();
      observer.step(current.getTime(), current.getPrimaryState());
      while (next[0] < order.length && times[order[next[0]]] <= current.getTime()) {
        double t = times[order[next[0]]];
        out[order[next[0]++]] = t == current.getTime() ? current.getPrimaryState().clone()
            : interpolator.getInterpolatedState(t).getPrimaryState().clone();
      }
    });
    integrator.integrate(ode, new ODEState(0, x0), end);
    for (int i = 0; i < out.length; i++) {
      if (out[i] == null) {
        throw new IllegalStateException("the integrator stopped before time " + times[i]);
      }
    }
    return out;
  }

  /**
   * A first step that moves x by at most 0.1% of its size and stays inside the explicit method's
   * stability region (h * curvature <= 0.1, the curvature measured along the vector field by a finite
   * difference): the integrator's own guess can overshoot on stiff flows, and an exploded trial step
   * gives a NaN error estimate, which Hipparchus does not reject.
   */
  private static double initialStep(OrdinaryDifferentialEquation ode, double[] x0, double end) {
    double[] f = ode.computeDerivatives(0, x0);
    double ff = 0;
    double xx = 0;
    for (int i = 0; i < f.length; i++) {
      ff += f[i] * f[i];
      xx += x0[i] * x0[i];
    }
    if (!(ff > 0)) {
      return end;
    }
    double fn = Math.sqrt(ff);
    double delta = 1e-6 * Math.max(1, Math.sqrt(xx));
    double[] moved = x0.clone();
    for (int i = 0; i < f.length; i++) {
      moved[i] += delta * f[i] / fn;
    }
    double[] f2 = ode.computeDerivatives(0, moved);
    double dd = 0;
    for (int i = 0; i < f.length; i++) {
      dd += (f2[i] - f[i]) * (f2[i] - f[i]);
    }
    double curvature = Math.sqrt(dd) / delta;
    double h = 1e-3 * Math.max(Math.sqrt(xx), 1e-3) / fn;
    return Math.min(end, curvature > 0 ? Math.min(h, 0.1 / curvature) : h);
  }

  /** {@code n} log-spaced times from {@code low} to {@code high}. */
  public static double[] logGrid(double low, double high, int n) {
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = low * Math.pow(high / low, i / (double) (n - 1));
    }
    return t;
  }
}
