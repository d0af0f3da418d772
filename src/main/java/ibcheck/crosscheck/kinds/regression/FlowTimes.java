package ibcheck.crosscheck.kinds.regression;

import ibcheck.crosscheck.KindSupport;
import ibcheck.crosscheck.LinearFlowSampler;
import ibcheck.symbolic.InvalidExpressionException;
import ibcheck.symbolic.TheoremSession;
import java.util.Arrays;
import java.util.List;

/**
 * The times a linear-regression check samples its flow at. The file's times ({@code stated}) are
 * numbers, formulas in n, dim, eps, s1, or Infinity; the flow runs to {@code flow}, the same with
 * Infinity replaced by {@code infinity = 60 / (c sigma_min^2)}, where e^(-c sigma_min^2 t) = e^-60
 * is past any double's resolution. The figure's {@code grid} is 48 log-spaced times from
 * min(smallest positive time, 0.01 / (c sigma_1^2)), below every timescale, up to the largest time
 * (t_inf / 3 when Infinity is asked, else ten times the largest finite one).
 */
record FlowTimes(double[] stated, double[] flow, double[] grid, double infinity) {
  static FlowTimes resolve(List<KindSupport.Formula> times, TheoremSession session, RegressionProblem problem,
      double rate) throws InvalidExpressionException {
    double[] sigma = problem.svd().sigma();
    double s1 = sigma[0];
    double smin = sigma[problem.n() - 1];
    double tInf = 60 / (rate * smin * smin);
    double[] stated = new double[times.size()];
    for (int k = 0; k < stated.length; k++) {
      stated[k] = value(times.get(k), session, problem);
    }
    double[] flow = new double[stated.length];
    double maxFinite = 0;
    double minPositive = Double.POSITIVE_INFINITY;
    for (int k = 0; k < stated.length; k++) {
      flow[k] = Double.isInfinite(stated[k]) ? tInf : stated[k];
      if (Double.isFinite(stated[k])) {
        maxFinite = Math.max(maxFinite, stated[k]);
        if (stated[k] > 0) {
          minPositive = Math.min(minPositive, stated[k]);
        }
      }
    }
    double gridLow = Math.min(Double.isFinite(minPositive) ? minPositive : 1, 0.01 / (rate * s1 * s1));
    double gridHigh = Math.max(maxFinite, Arrays.stream(stated).anyMatch(Double::isInfinite) ? tInf / 3 : 10 * maxFinite);
    return new FlowTimes(stated, flow, LinearFlowSampler.logGrid(gridLow, gridHigh, 48), tInf);
  }

  /** One stated time: Infinity, a number, or a formula that must come out >= 0. */
  private static double value(KindSupport.Formula f, TheoremSession session, RegressionProblem problem)
      throws InvalidExpressionException {
    String t = f.text();
    if (t.equals("Infinity") || t.equals("inf")) {
      return Double.POSITIVE_INFINITY;
    }
    double value;
    try {
      value = Double.parseDouble(t);
    } catch (NumberFormatException e) {
      value = problem.time(f.compile(session, RegressionProblem.TIME_VARS));
    }
    if (!(value >= 0)) {
      throw new InvalidExpressionException("time '" + t + "' (" + f.location() + ") is " + value + ", not a time >= 0");
    }
    return value;
  }

  /** The flow's times followed by the grid's, the order {@link RegressionFlow#sample} returns them in. */
  double[] all() {
    double[] all = Arrays.copyOf(flow, flow.length + grid.length);
    System.arraycopy(grid, 0, all, flow.length, grid.length);
    return all;
  }
}
