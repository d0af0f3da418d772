package ibcheck.crosscheck.kinds.flow;

import static ibcheck.crosscheck.KindSupport.fmt;

import ibcheck.crosscheck.FileRelation;
import ibcheck.crosscheck.Judgement;
import ibcheck.crosscheck.KindSupport;
import ibcheck.crosscheck.LinearFlowSampler;
import ibcheck.symbolic.CompiledExpression;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Figure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;

/**
 * Runs {@code kind: convex-flow}: for {@code count} random problems of every family
 * ({@link ConvexFamilies}), the gradient flow {@code theta' = -grad R} from a standard Gaussian
 * theta(0) up to the horizon (Dormand-Prince, {@link LinearFlowSampler}), watched at every accepted
 * step by a {@link LyapunovMonitor}. The claim holds when no problem shows a violation; the evidence
 * has every problem's result and, for the first problem of each family, J and the distance to
 * theta-bar along the flow. One instance judges one run.
 */
final class RandomConvexFlows {
  private final ConvexFlowKind.Check check;
  private final CompiledExpression lyapunov;
  private final FileRelation relation;

  private final List<Map<String, Object>> results = new ArrayList<>();
  private final List<Figure.Series> jSeries = new ArrayList<>();
  private final List<Figure.Series> dSeries = new ArrayList<>();
  private String failure;
  private double worstIncrease = 0;
  private double worstSlack = Double.POSITIVE_INFINITY;
  private int steps = 0;

  /**
   * @param lyapunov the check's J compiled in {@link ConvexFlowKind#VARS}, or null
   * @param relation the check's relation, or null
   */
  RandomConvexFlows(ConvexFlowKind.Check check, CompiledExpression lyapunov, FileRelation relation) {
    this.check = check;
    this.lyapunov = lyapunov;
    this.relation = relation;
  }

  ClaimResult judge(Judgement judgement) {
    ConvexFlowKind.Check c = check;
    RandomGenerator random = new Well19937c(c.seed());
    for (String family : c.families()) {
      for (int k = 0; k < c.count(); k++) {
        ConvexFamilies.Problem p = ConvexFamilies.make(family, c.rows(), c.cols(), random);
        double[] theta0 = KindSupport.gaussian(random, c.cols(), 1);
        LyapunovMonitor monitor = new LyapunovMonitor(p, theta0, lyapunov,
            c.lyapunov() == null ? null : c.lyapunov().text(), relation, c.tolerance());
        double[] x0 = theta0.clone();
        monitor.step(0, x0);
        double[] end = new LinearFlowSampler(1e-12, 1e-14, 2_000_000)
            .sample(gradientFlow(p, c.cols()), x0, new double[] {c.horizon()}, monitor)[0];
        record(family, k, monitor, end);
      }
    }
    return judgement.holds(failure == null, message(), evidence());
  }

  /** The flow {@code theta' = -grad R} as an ODE. */
  private static OrdinaryDifferentialEquation gradientFlow(ConvexFamilies.Problem p, int dimension) {
    return new OrdinaryDifferentialEquation() {
      @Override
      public int getDimension() {
        return dimension;
      }

      @Override
      public double[] computeDerivatives(double t, double[] th) {
        double[] g = p.gradient(th);
        for (int i = 0; i < g.length; i++) {
          g[i] = -g[i];
        }
        return g;
      }
    };
  }

  private void record(String family, int k, LyapunovMonitor monitor, double[] end) {
    steps += monitor.steps();
    results.add(monitor.evidence(family, end));
    worstIncrease = Math.max(worstIncrease, monitor.maxIncrease());
    worstSlack = Math.min(worstSlack, monitor.minSlack());
    if (failure == null && monitor.firstFailure() != null) {
      failure = family + " problem " + (k + 1) + ": " + monitor.firstFailure();
    }
    if (k == 0) {
      double[][] trace = monitor.thinnedTrace();
      if (lyapunov != null) {
        jSeries.add(new Figure.Series(family, trace[0], trace[1]));
      }
      dSeries.add(new Figure.Series(family, trace[0], trace[2]));
    }
  }

  private Map<String, Object> evidence() {
    ConvexFlowKind.Check c = check;
    Map<String, Object> ev = new LinkedHashMap<>();
    ev.put("problems", Map.of("families", c.families(), "count", c.count(), "rows", c.rows(), "cols", c.cols(),
        "seed", c.seed()));
    ev.put("horizon", c.horizon());
    ev.put("tolerance", c.tolerance());
    ev.put("results", results);
    ev.put("accepted_steps", steps);
    if (lyapunov != null) {
      ev.put("max_relative_increase_of_J", worstIncrease);
      new Figure("J(t) along the flow (first problem of each family)", "flow time t", "J", jSeries).addTo(ev);
    }
    if (relation != null) {
      ev.put("min_slack_of_relation", worstSlack);
    }
    new Figure("||theta_t - theta_bar|| along the flow (first problem of each family)", "flow time t",
        "distance to theta_bar", dSeries).addTo(ev);
    return ev;
  }

  private String message() {
    if (failure != null) {
      return failure;
    }
    ConvexFlowKind.Check c = check;
    int total = c.families().size() * c.count();
    return "on " + total + " random convex problems (" + String.join(", ", c.families()) + "), " + steps
        + " accepted flow steps up to t = " + fmt(c.horizon()) + ": "
        + (lyapunov != null ? "J never increased (largest relative step " + fmt(worstIncrease) + ")" : "")
        + (lyapunov != null && relation != null ? " and " : "")
        + (relation != null ? c.holds().text() + " held (smallest slack " + fmt(worstSlack) + ")" : "");
  }
}
