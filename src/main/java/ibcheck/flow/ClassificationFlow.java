package ibcheck.flow;

import java.util.function.DoubleUnaryOperator;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;

/**
 * Unregularised training of a model linear in its parameters w on a classification loss
 * {@code L(w) = sum_i l(z_i . w)} (z_i = y_i phi(x_i)), for the very long times on which the
 * direction of w converges (Soudry et al. 2018: like 1 / log t).
 *
 * <p><b>Gradient flow in log time.</b> {@code w' = sum_i g(z_i . w) z_i} with {@code g = -l'}. On
 * separable data w grows like {@code w_hat log t}, the margins of the support vectors like log t, and
 * {@code g} decays like {@code 1/t}; in the time {@code s = log(1 + t)} the field becomes
 * {@code dw/ds = e^s sum_i g(z_i . w) z_i}, whose support-vector terms stay of order one, so the
 * flow integrates to {@code t = e^300} at a cost that grows only linearly in s (Dormand-Prince 8(5,3),
 * tolerances 1e-12 relative). The product {@code e^s g(u)} is formed only for s <= 300, where neither
 * factor leaves the double range for the margins that occur.
 *
 * <p><b>Gradient descent.</b> {@code w_{k+1} = w_k + eta sum_i g(z_i . w_k) z_i}, observed at given
 * iterations.
 */
public final class ClassificationFlow {
  /** The largest log time the flow accepts. */
  public static final double MAX_LOG_TIME = 300;

  /** Receives the state at each requested time. */
  @FunctionalInterface
  public interface Sampler {
    /**
     * @param time t (flow) or the iteration k (GD)
     * @param logTime log(1 + t) for the flow, log k for GD
     * @param w the parameters at that time (a copy)
     */
    void sample(double time, double logTime, double[] w);
  }

  private final double[][] z;
  private final DoubleUnaryOperator g;

  /**
   * @param z the margin vectors z_i
   * @param negativeDerivative {@code g(u) = -l'(u)}, the loss's negative derivative in the margin
   */
  public ClassificationFlow(double[][] z, DoubleUnaryOperator negativeDerivative) {
    this.z = z;
    this.g = negativeDerivative;
  }

  /**
   * The gradient flow from w0, sampled at the log times {@code logTimes} (increasing, the last one
   * the end, at most {@link #MAX_LOG_TIME}).
   *
   * @return right-hand-side evaluations used
   * @throws IllegalStateException when the state or the field stops being finite
   *
   * <p>One method on purpose: the field in log time, its finiteness guard and the integrator with its
   * sampling step handler are one integration.
   */
  public int flow(double[] w0, double[] logTimes, Sampler sampler) {
    double end = logTimes[logTimes.length - 1];
    if (!(end > 0 && end <= MAX_LOG_TIME)) {
      throw new IllegalArgumentException("the flow's end in log time must lie in (0, " + MAX_LOG_TIME + "], got " + end);
    }
    int d = w0.length;
    OrdinaryDifferentialEquation ode = new OrdinaryDifferentialEquation() {
      @Override
      public int getDimension() {
        return d;
      }

      @Override
      public double[] computeDerivatives(double s, double[] w) {
        if (Thread.currentThread().isInterrupted()) {
          throw new IllegalStateException("interrupted");
        }
        double es = Math.exp(s);
        double[] out = new double[d];
        for (double[] zi : z) {
          double u = 0;
          for (int k = 0; k < d; k++) {
            u += zi[k] * w[k];
          }
          double c = es * g.applyAsDouble(u);
          if (c != 0) {
            for (int k = 0; k < d; k++) {
              out[k] += c * zi[k];
            }
          }
        }
        for (double v : out) {
          if (!Double.isFinite(v)) {
            throw new IllegalStateException("the classification flow's field is not finite at log time " + s);
          }
        }
        return out;
      }
    };
    DormandPrince853Integrator integrator = new DormandPrince853Integrator(1e-12, 10, 1e-12, 1e-12);
    integrator.setMaxEvaluations(5_000_000);
    int[] next = {0};
    integrator.addStepHandler(interpolator -> {
      double t1 = interpolator.getCurrentState().getTime();
      while (next[0] < logTimes.length && logTimes[next[0]] <= t1 + 1e-12) {
        double s = Math.min(logTimes[next[0]], t1);
        ODEStateAndDerivative st = interpolator.getInterpolatedState(s);
        sampler.sample(Math.expm1(logTimes[next[0]]), logTimes[next[0]], st.getPrimaryState().clone());
        next[0]++;
      }
    });
    while (next[0] < logTimes.length && logTimes[next[0]] <= 0) {
      sampler.sample(0, 0, w0.clone());
      next[0]++;
    }
    integrator.setInitialStepSize(1e-3);
    ODEStateAndDerivative last = integrator.integrate(ode, new ODEState(0, w0.clone()), end);
    while (next[0] < logTimes.length) { // rounding at the very end
      sampler.sample(Math.expm1(logTimes[next[0]]), logTimes[next[0]], last.getPrimaryState().clone());
      next[0]++;
    }
    return integrator.getEvaluations();
  }

  /**
   * Gradient descent from w0 with step eta, sampled after the iterations in {@code iterations}
   * (increasing, positive).
   */
  public void descend(double[] w0, double eta, long[] iterations, Sampler sampler) {
    int d = w0.length;
    double[] w = w0.clone();
    double[] grad = new double[d];
    long k = 0;
    for (long target : iterations) {
      while (k < target) {
        if ((k & 0xFFFF) == 0 && Thread.currentThread().isInterrupted()) {
          throw new IllegalStateException("interrupted");
        }
        java.util.Arrays.fill(grad, 0);
        for (double[] zi : z) {
          double u = 0;
          for (int c = 0; c < d; c++) {
            u += zi[c] * w[c];
          }
          double coef = g.applyAsDouble(u);
          if (coef != 0) {
            for (int c = 0; c < d; c++) {
              grad[c] += coef * zi[c];
            }
          }
        }
        for (int c = 0; c < d; c++) {
          w[c] += eta * grad[c];
        }
        k++;
      }
      for (double v : w) {
        if (!Double.isFinite(v)) {
          throw new IllegalStateException("gradient descent's iterate is not finite at iteration " + k);
        }
      }
      sampler.sample(k, Math.log(k), w.clone());
    }
  }
}
