package ibcheck.crosscheck.kinds.flow;

import static ibcheck.crosscheck.Vectors.fmt;

import ibcheck.crosscheck.NumericCheck;
import ibcheck.crosscheck.Vectors;
import ibcheck.crosscheck.read.DeclaredKind;
import ibcheck.crosscheck.read.FieldValues;
import ibcheck.spec.YamlNode;
import ibcheck.verdict.ClaimResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code kind: regime}: along an increasing sweep of the scale, the flow limit's l2 distance to the
 * min-l1 solution must not shrink and its distance to the min-l2 solution must not grow (each step
 * with slack {@code tolerance}), and both must move overall: the rich regime at small scale, the
 * kernel regime at large scale.
 */
final class RegimeKind extends DeclaredKind {
  RegimeKind() {
    super("regime", FlowSweep.FIELDS.with(FlowSweep.SWEEP));
  }

  @Override
  protected NumericCheck read(Header header, FieldValues f) {
    YamlNode sweepNode = f.node("sweep");
    FlowSweep sweep = FlowSweep.read(header, f, sweepNode, null);
    double[] values = sweep.sweep();
    for (int i = 1; i < values.length; i++) {
      if (!(values[i] > values[i - 1])) {
        throw sweepNode.error("a regime cross-check needs an increasing sweep");
      }
    }
    if (values.length < 2) {
      throw sweepNode.error("a regime cross-check needs at least two sweep values");
    }
    return new FlowCheck(sweep, RegimeKind::judge);
  }

  static ClaimResult judge(CheckContext ctx) throws CheckContext.Failed {
    FlowSweep c = ctx.check;
    double[] sweep = c.sweep();
    double[] toL1 = new double[sweep.length];
    double[] toL2 = new double[sweep.length];
    Map<String, Object> evidence = ctx.evidence();
    evidence.put("error_measure", "l2 distances of beta_flow to the min-l1 and min-l2 solutions");
    List<Map<String, Object>> points = new ArrayList<>();
    for (int k = 0; k < sweep.length; k++) {
      CheckContext.Limit limit = ctx.limit(c.settingsAt(sweep[k]));
      toL1[k] = Vectors.distance(limit.beta(), ctx.minL1);
      toL2[k] = Vectors.distance(limit.beta(), ctx.minL2);
      Map<String, Object> point = new LinkedHashMap<>();
      point.put(c.sweepSetting(), sweep[k]);
      point.put("certificate", limit.certificate().evidence());
      point.put("flow_limit", Vectors.evidence(limit.beta()));
      point.put("distance_to_min_l1", toL1[k]);
      point.put("distance_to_min_l2", toL2[k]);
      points.add(point);
    }
    evidence.put("points", points);
    String violation = violation(c, toL1, toL2);
    int last = sweep.length - 1;
    String msg = violation != null ? violation
        : "along " + c.sweepSetting() + " = " + Vectors.join(sweep) + " the distance to min-l1 grows "
            + fmt(toL1[0]) + " -> " + fmt(toL1[last]) + " and to min-l2 shrinks " + fmt(toL2[0]) + " -> " + fmt(toL2[last]);
    return ctx.verdict(violation == null, msg, evidence);
  }

  /** Null when the distances move as the regimes say; otherwise what went wrong, in words. */
  private static String violation(FlowSweep c, double[] toL1, double[] toL2) {
    double slack = c.tolerance();
    for (int k = 1; k < toL1.length; k++) {
      String step = c.sweepSetting() + " " + fmt(c.sweep()[k - 1]) + " -> " + fmt(c.sweep()[k]);
      if (toL1[k] < toL1[k - 1] - slack) {
        return "distance to min-l1 shrinks as " + step + " grows (" + fmt(toL1[k - 1]) + " -> " + fmt(toL1[k]) + ")";
      }
      if (toL2[k] > toL2[k - 1] + slack) {
        return "distance to min-l2 grows as " + step + " grows (" + fmt(toL2[k - 1]) + " -> " + fmt(toL2[k]) + ")";
      }
    }
    int last = toL1.length - 1;
    if (!(toL1[last] > toL1[0] + slack && toL2[last] < toL2[0] - slack)) {
      return "no regime change along the sweep: distance to min-l1 " + fmt(toL1[0]) + " -> " + fmt(toL1[last])
          + ", to min-l2 " + fmt(toL2[0]) + " -> " + fmt(toL2[last]);
    }
    return null;
  }
}
