package ibcheck.crosscheck.kinds.regression;

import static ibcheck.crosscheck.Vectors.fmt;

import ibcheck.crosscheck.KindSupport;
import ibcheck.crosscheck.Vectors;
import ibcheck.symbolic.CompiledExpression;
import ibcheck.symbolic.InvalidExpressionException;
import ibcheck.symbolic.TheoremSession;
import ibcheck.verdict.Figure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.hipparchus.util.MathArrays;

/**
 * {@code predicts: component} of a linear-regression check: the closed form
 * {@code beta(t) = sum_j a_j(t) v_j + (I - V V^T) beta(0)} must be within the tolerance of the
 * integrated flow, {@code max_i |beta_flow(t)_i - beta_formula(t)_i|}, at every stated time. It also
 * reports how far the flow's null-space part moves from beta(0)'s (the flow never leaves beta(0) +
 * row space, so this measures the integration).
 */
final class ClosedFormComparison {
  private final RegressionProblem problem;
  private final CompiledExpression a;
  private final double[] b0null;

  private ClosedFormComparison(RegressionProblem problem, CompiledExpression a) {
    this.problem = problem;
    this.a = a;
    this.b0null = problem.svd().nullPart(problem.beta0());
  }

  /** Compares at the stated times ({@code states[k]} the flow at {@code times[k]}), adding evidence and findings. */
  static void judge(TheoremSession session, KindSupport.Formula component, double tolerance, RegressionProblem problem,
      RegressionFlow flow, double[] times, double[][] states, Map<String, Object> ev, Findings findings)
      throws InvalidExpressionException {
    ClosedFormComparison c = new ClosedFormComparison(problem, component.compile(session, RegressionProblem.COMPONENT_VARS));
    List<Map<String, Object>> points = new ArrayList<>();
    double worst = 0;
    double worstAt = Double.NaN;
    double drift = 0;
    double[] err = new double[times.length];
    for (int k = 0; k < times.length; k++) {
      double[] predicted = c.predicted(times[k]);
      double[] path = flow.path(states[k]);
      err[k] = Vectors.maxAbsDifference(path, predicted);
      drift = Math.max(drift, c.nullSpaceMove(path));
      points.add(point(times[k], err[k], path, predicted));
      if (!(err[k] <= worst)) {
        worst = err[k];
        worstAt = times[k];
      }
    }
    ev.put("component_error_measure", "max_i |beta_flow(t)_i - (sum_j a_j(t) v_j + (I - V V^T) beta(0))_i|");
    ev.put("component_points", points);
    ev.put("null_space_drift", drift);
    ev.put("component_max_error", worst);
    figure(times, err, tolerance, ev);
    findings.add(worst <= tolerance,
        "closed form matches the integrated flow at t = " + Vectors.join(times) + ": max error " + fmt(worst)
            + " <= " + fmt(tolerance) + " (null-space component moves " + fmt(drift) + ")",
        "at t = " + fmt(worstAt) + " the closed form " + component.text() + " is " + fmt(worst)
            + " from the integrated flow (tolerance " + fmt(tolerance) + ")");
  }

  /** The closed form at time t. */
  private double[] predicted(double t) {
    double[] coefficients = new double[problem.n()];
    for (int j = 0; j < coefficients.length; j++) {
      coefficients[j] = problem.perComponent(a, t, j);
    }
    return problem.svd().plusRowSpace(b0null, coefficients);
  }

  /** {@code ||(I - V V^T)(beta(t) - beta(0))||}. */
  private double nullSpaceMove(double[] path) {
    return KindSupport.norm(problem.svd().nullPart(MathArrays.ebeSubtract(path, problem.beta0())));
  }

  private static Map<String, Object> point(double t, double error, double[] path, double[] predicted) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("t", t);
    p.put("error", error);
    p.put("flow", Vectors.evidence(path));
    p.put("formula", Vectors.evidence(predicted));
    return p;
  }

  /** The error against the tolerance at the finite positive times (a log axis), when there are two. */
  private static void figure(double[] times, double[] err, double tolerance, Map<String, Object> ev) {
    int[] keep = IntStream.range(0, times.length).filter(k -> Double.isFinite(times[k]) && times[k] > 0).toArray();
    if (keep.length < 2) {
      return;
    }
    double[] fx = IntStream.of(keep).mapToDouble(k -> times[k]).toArray();
    double[] fy = IntStream.of(keep).mapToDouble(k -> Math.max(err[k], 1e-18)).toArray();
    double[] tol = IntStream.of(keep).mapToDouble(k -> tolerance).toArray();
    new Figure("closed form a_j(t) against the integrated flow", "flow time t", "max_i |beta_flow - beta_formula|",
        List.of(new Figure.Series("measured error", fx, fy), new Figure.Series("tolerance", fx, tol))).addTo(ev);
  }
}
