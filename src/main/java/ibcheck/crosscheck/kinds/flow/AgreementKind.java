package ibcheck.crosscheck.kinds.flow;

import static ibcheck.crosscheck.Vectors.fmt;

import ibcheck.bias.Argmin;
import ibcheck.bias.ConstrainedArgmin;
import ibcheck.bias.PotentialFormula;
import ibcheck.crosscheck.NumericCheck;
import ibcheck.crosscheck.Vectors;
import ibcheck.crosscheck.read.CrosscheckReader;
import ibcheck.crosscheck.read.DeclaredKind;
import ibcheck.crosscheck.read.Field;
import ibcheck.crosscheck.read.FieldValues;
import ibcheck.spec.YamlNode;
import ibcheck.symbolic.InvalidExpressionException;
import ibcheck.verdict.ClaimResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code kind: agreement}: at every sweep value, the flow limit against the argmin of the file's
 * potential; the error is {@code max_i |beta_flow_i - beta_pred_i|}, held to the tolerance.
 */
final class AgreementKind extends DeclaredKind {
  private static final Set<String> PREDICTS_FIELDS = Set.of("potential", "link", "coordinate", "on");

  AgreementKind() {
    super("agreement", FlowSweep.FIELDS.with(FlowSweep.SWEEP, Field.block("predicts",
        "the predicted potential: {potential: q per coordinate | link: inverse of q', on: [low, high], coordinate: b}")));
  }

  @Override
  protected NumericCheck read(Header header, FieldValues f) {
    FlowSweep sweep = FlowSweep.read(header, f, f.node("sweep"), null);
    Prediction prediction = readPrediction(f.node("predicts"));
    return new FlowCheck(sweep, ctx -> judge(ctx, prediction));
  }

  /**
   * {@code predicts:} the potential q per coordinate ({@code Q = sum_i q(beta_i)}), or its link (the
   * inverse of q', on an optional domain {@code on: [low, high]}), in the coordinate variable.
   */
  private static Prediction readPrediction(YamlNode node) {
    Map<String, YamlNode> m = node.mapping(PREDICTS_FIELDS);
    boolean potential = m.containsKey("potential");
    if (potential == m.containsKey("link")) {
      throw node.error("predicts needs exactly one of 'potential' (q per coordinate) or 'link' (the inverse of q')");
    }
    YamlNode formula = potential ? m.get("potential") : m.get("link");
    String coordinate = CrosscheckReader.require(m, "coordinate", node).text().trim();
    if (!coordinate.matches("[A-Za-z][A-Za-z0-9]*")) {
      throw m.get("coordinate").error("coordinate must be a symbol name, got '" + coordinate + "'");
    }
    double low = Double.NEGATIVE_INFINITY;
    double high = Double.POSITIVE_INFINITY;
    if (m.containsKey("on")) {
      if (potential) {
        throw m.get("on").error("'on' is the domain of a link; a potential needs none");
      }
      List<YamlNode> ends = m.get("on").sequence();
      if (ends.size() != 2) {
        throw m.get("on").error("'on' must be [low, high]");
      }
      low = CrosscheckReader.number(ends.get(0));
      high = CrosscheckReader.number(ends.get(1));
      if (!(low < high)) {
        throw m.get("on").error("'on' must have low < high");
      }
    }
    return new Prediction(potential ? PotentialFormula.Form.POTENTIAL : PotentialFormula.Form.LINK,
        formula.text().trim(), coordinate, low, high, formula.location());
  }

  static ClaimResult judge(CheckContext ctx, Prediction p) throws CheckContext.Failed {
    FlowSweep c = ctx.check;
    PotentialFormula formula;
    try {
      formula = PotentialFormula.compile(ctx.session, p.form(), p.formula(), p.coordinate(),
          new ArrayList<>(c.settingsAt(c.sweep()[0]).keySet()), p.low(), p.high());
    } catch (InvalidExpressionException e) {
      return ctx.error("the predicted potential '" + p.formula() + "' cannot be used: " + e.getMessage(), p.location());
    }
    ConstrainedArgmin argmin = new ConstrainedArgmin(ctx.data);
    Map<String, Object> evidence = ctx.evidence();
    evidence.put("error_measure", "max_i |beta_flow_i - beta_predicted_i|");
    evidence.put("predicted_by", p.formula());
    List<Map<String, Object>> points = new ArrayList<>();
    double worst = 0;
    double worstAt = Double.NaN;
    for (double value : c.sweep()) {
      long t0 = System.nanoTime();
      Map<String, Double> settings = c.settingsAt(value);
      CheckContext.Limit limit = ctx.limit(settings);
      Argmin a = argmin.solve(formula.bind(settings));
      double err = Vectors.maxAbsDifference(limit.beta(), a.beta());
      Map<String, Object> point = new LinkedHashMap<>();
      point.put(c.sweepSetting(), value);
      point.put("error", err);
      point.put("certificate", limit.certificate().evidence());
      point.put("flow_limit", Vectors.evidence(limit.beta()));
      point.put("prediction", Vectors.evidence(a.beta()));
      point.put("kkt_stationarity", a.stationarity());
      point.put("kkt_feasibility", a.feasibility());
      point.put("kkt_iterations", a.iterations());
      point.put("distance_to_min_l1", Vectors.distance(limit.beta(), ctx.minL1));
      point.put("distance_to_min_l2", Vectors.distance(limit.beta(), ctx.minL2));
      point.put("seconds", (System.nanoTime() - t0) / 1e9);
      points.add(point);
      if (!(err <= worst)) { // also catches NaN
        worst = err;
        worstAt = value;
      }
    }
    evidence.put("max_error", worst);
    evidence.put("points", points);
    boolean agrees = worst <= c.tolerance();
    String msg = agrees
        ? "flow limit agrees with argmin of " + p.formula() + " at " + c.sweepSetting() + " = " + Vectors.join(c.sweep())
            + ": max error " + fmt(worst) + " <= tolerance " + fmt(c.tolerance())
        : "at " + c.sweepSetting() + " = " + fmt(worstAt) + " the flow limit is " + fmt(worst) + " from argmin of "
            + p.formula() + " (tolerance " + fmt(c.tolerance()) + ")";
    return ctx.verdict(agrees, msg, evidence);
  }
}
