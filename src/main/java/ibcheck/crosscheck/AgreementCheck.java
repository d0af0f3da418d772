package ibcheck.crosscheck;

import static ibcheck.crosscheck.Vectors.fmt;

import ibcheck.bias.Argmin;
import ibcheck.bias.ConstrainedArgmin;
import ibcheck.bias.PotentialFormula;
import ibcheck.symbolic.InvalidExpressionException;
import ibcheck.verdict.ClaimResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code kind: agreement}: at every sweep value, the flow limit against the argmin of the file's
 * potential; the error is {@code max_i |beta_flow_i - beta_pred_i|}, held to the tolerance.
 */
final class AgreementCheck {
  private AgreementCheck() {}

  static ClaimResult run(CheckContext ctx) throws CheckContext.Failed {
    Crosscheck c = ctx.check;
    Prediction p = c.prediction();
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
