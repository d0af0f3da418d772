package ibcheck.crosscheck.kinds.flow;

import static ibcheck.crosscheck.Vectors.fmt;

import ibcheck.bias.NormReferences;
import ibcheck.crosscheck.Judgement;
import ibcheck.crosscheck.KindSupport;
import ibcheck.crosscheck.Vectors;
import ibcheck.flow.Certificate;
import ibcheck.flow.FlowFailedException;
import ibcheck.flow.FlowLimit;
import ibcheck.flow.GradientFlow;
import ibcheck.models.Dataset;
import ibcheck.models.LinearPredictor;
import ibcheck.models.Model;
import ibcheck.models.ModelRegistry;
import ibcheck.symbolic.TheoremSession;
import ibcheck.verdict.ClaimKind;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Verdict;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every kind of cross-check needs: the theorem's session, the data with its min-l1 and min-l2
 * solutions, the gradient flow under the cross-check's budget, and the way results and errors are
 * reported (always naming the cross-check).
 */
final class CheckContext {
  /** The flow limit's end-to-end predictor and the certificate behind it. */
  record Limit(double[] beta, Certificate certificate) {}

  /** A cross-check that cannot reach a verdict; carries the error result. */
  static final class Failed extends Exception {
    final transient ClaimResult result;

    Failed(ClaimResult result) {
      super(result.message(), null, false, false);
      this.result = result;
    }
  }

  final FlowSweep check;
  final TheoremSession session;
  final Dataset data;
  final double[] minL1;
  final double[] minL2;
  private final GradientFlow flow;
  private final Judgement judgement;

  CheckContext(FlowSweep check, TheoremSession session, GradientFlow.Settings flowSettings) {
    this.check = check;
    this.session = session;
    this.data = check.data().dataset();
    this.minL1 = NormReferences.minL1(data);
    this.minL2 = NormReferences.minL2(data);
    this.judgement = Judgement.start(check.header());
    this.flow = new GradientFlow(flowSettings.withMaxEvaluations(check.maxEvaluations()));
  }

  /** The evidence every kind reports first. */
  Map<String, Object> evidence() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("model", check.model());
    m.put("fixed", check.fixed());
    m.put("sweep", check.sweepSetting());
    m.put("data", check.data().evidence());
    m.put("tolerance", check.tolerance());
    m.put("min_l1", Vectors.evidence(minL1));
    m.put("min_l2", Vectors.evidence(minL2));
    return m;
  }

  /**
   * The flow limit of the model at these settings.
   *
   * @throws Failed when the model is not a linear predictor, its flow fails (the message names the
   *     model and the last certificate), or the certificate's remaining path exceeds the tolerance
   */
  Limit limit(Map<String, Double> settings) throws Failed {
    return limit(ModelRegistry.create(check.model(), settings), settings, (t, theta) -> { });
  }

  /** As {@link #limit(Map)} for a model already made, showing every accepted flow step to {@code observer}. */
  Limit limit(Model model, Map<String, Double> settings, GradientFlow.Observer observer) throws Failed {
    if (!(model instanceof LinearPredictor linear)) {
      throw new Failed(error("model '" + check.model() + "' has no end-to-end linear predictor beta to compare",
          check.location()));
    }
    FlowLimit limit;
    try {
      limit = flow.run(model, data, observer);
    } catch (FlowFailedException e) {
      Map<String, Object> ev = evidence();
      ev.put("failed_at", settings);
      if (e.last() != null) {
        ev.put("last_certificate", e.last().evidence());
      }
      throw new Failed(new ClaimResult(check.name(), ClaimKind.CROSSCHECK, Verdict.ERROR, seconds(),
          prefix() + " at " + KindSupport.describe(settings) + ": " + e.getMessage(), check.location(), ev));
    }
    Certificate c = limit.certificate();
    if (c.remainingPath() > check.tolerance()) {
      throw new Failed(error("at " + KindSupport.describe(settings) + " the flow stopped with an estimated remaining path of "
          + fmt(c.remainingPath()) + " > tolerance " + fmt(check.tolerance()) + " (" + c
          + "); its limit cannot resolve the tolerance", check.location()));
    }
    return new Limit(linear.beta(limit.theta()), c);
  }

  ClaimResult verdict(boolean holds, String message, Map<String, Object> evidence) {
    return judgement.holds(holds, message, evidence);
  }

  ClaimResult error(String cause, String location) {
    return judgement.error(cause, location);
  }

  /** Settings as {@code alpha = 0.0500, depth = 3.00}. */
  private String prefix() {
    return "cross-check '" + check.name() + "'";
  }

  double seconds() {
    return judgement.seconds();
  }
}
