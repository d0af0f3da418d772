package ibcheck.crosscheck.kinds.flow;

import static ibcheck.crosscheck.KindSupport.fmt;

import ibcheck.crosscheck.FileRelation;
import ibcheck.crosscheck.KindSupport;
import ibcheck.crosscheck.LinearFlowSampler;
import ibcheck.crosscheck.Vectors;
import ibcheck.symbolic.CompiledExpression;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Watches one convex problem's gradient flow at every accepted step: the file's Lyapunov function J
 * must not increase by more than the tolerance relative to {@code max(1, |J|)}, and the file's
 * relation must hold. Both see the quantities {@link ConvexFlowKind#VARS}: {@code t, R(theta_t),
 * R(theta-bar), |theta_t - theta-bar|^2, |theta_0 - theta-bar|^2, |theta_t|, |theta_0|, |theta-bar|,
 * |grad R(theta_t)|^2}. The first violation is kept for the message; J and the distance to
 * theta-bar are traced for the figures.
 */
final class LyapunovMonitor implements LinearFlowSampler.Observer {
  private final ConvexFamilies.Problem problem;
  private final CompiledExpression lyapunov;
  private final String lyapunovText;
  private final FileRelation relation;
  private final double tolerance;
  private final double[] bar;
  private final double rbar;
  private final double dist02;
  private final double norm0;
  private final double normbar;

  private double lastJ = Double.NaN;
  private double maxIncrease = 0;
  private double minSlack = Double.POSITIVE_INFINITY;
  private String firstFailure;
  private int steps;
  /** Per step: {@code t, J, |theta_t - theta-bar|}. */
  private final List<double[]> trace = new ArrayList<>();

  /**
   * @param lyapunov J compiled in {@link ConvexFlowKind#VARS}, or null
   * @param lyapunovText J as written, for the messages
   * @param relation the relation that must hold, or null
   */
  LyapunovMonitor(ConvexFamilies.Problem problem, double[] theta0, CompiledExpression lyapunov, String lyapunovText,
      FileRelation relation, double tolerance) {
    this.problem = problem;
    this.lyapunov = lyapunov;
    this.lyapunovText = lyapunovText;
    this.relation = relation;
    this.tolerance = tolerance;
    this.bar = problem.minimiser();
    this.rbar = problem.value(bar);
    this.dist02 = Vectors.distanceSquared(theta0, bar);
    this.norm0 = KindSupport.norm(theta0);
    this.normbar = KindSupport.norm(bar);
  }

  @Override
  public void step(double t, double[] th) {
    double r = problem.value(th);
    double[] g = problem.gradient(th);
    double[] vars = {t, r, rbar, Vectors.distanceSquared(th, bar), dist02, KindSupport.norm(th), norm0, normbar,
        KindSupport.dot(g, g)};
    steps++;
    double jj = lyapunov == null ? Double.NaN : watchLyapunov(t, vars);
    trace.add(new double[] {t, jj, Math.sqrt(vars[3])});
    if (relation != null) {
      double s = relation.slack(vars);
      minSlack = Math.min(minSlack, Double.isNaN(s) ? Double.NEGATIVE_INFINITY : s);
      if (firstFailure == null) {
        String f = relation.failure(tolerance, vars);
        if (f != null) {
          firstFailure = "at t = " + fmt(t) + ": " + f;
        }
      }
    }
  }

  /** J at this step, after comparing it with J at the last. */
  private double watchLyapunov(double t, double[] vars) {
    double jj = lyapunov.value(vars);
    if (!Double.isNaN(lastJ)) {
      double inc = (jj - lastJ) / Math.max(1, Math.abs(lastJ));
      maxIncrease = Math.max(maxIncrease, inc);
      if (firstFailure == null && !(inc <= tolerance)) {
        firstFailure = "J = " + lyapunovText + " increases from " + fmt(lastJ) + " to " + fmt(jj) + " at t = " + fmt(t);
      }
    } else if (Double.isNaN(jj)) {
      firstFailure = "J = " + lyapunovText + " is NaN at t = " + fmt(t);
    }
    lastJ = jj;
    return jj;
  }

  int steps() {
    return steps;
  }

  double maxIncrease() {
    return maxIncrease;
  }

  double minSlack() {
    return minSlack;
  }

  /** The first violation, or null. */
  String firstFailure() {
    return firstFailure;
  }

  /** The problem's evidence, the flow having ended at {@code end}. */
  Map<String, Object> evidence(String family, double[] end) {
    Map<String, Object> res = new LinkedHashMap<>();
    res.put("family", family);
    res.put("R(theta_bar)", rbar);
    res.put("R(theta_end)", problem.value(end));
    res.put("dist0", Math.sqrt(dist02));
    res.put("dist_end", Math.sqrt(Vectors.distanceSquared(end, bar)));
    res.put("steps", steps);
    if (lyapunov != null) {
      res.put("max_relative_increase_of_J", maxIncrease);
    }
    if (relation != null) {
      res.put("min_slack_of_relation", minSlack);
    }
    return res;
  }

  /** About 150 traced steps (the start left out), as {@code t, J, |theta_t - theta-bar|} columns. */
  double[][] thinnedTrace() {
    int stride = Math.max(1, trace.size() / 150);
    List<double[]> kept = new ArrayList<>();
    for (int i = 1; i < trace.size(); i += stride) {
      kept.add(trace.get(i));
    }
    double[][] columns = new double[3][kept.size()];
    for (int i = 0; i < kept.size(); i++) {
      for (int c = 0; c < 3; c++) {
        columns[c][i] = kept.get(i)[c];
      }
    }
    return columns;
  }
}
