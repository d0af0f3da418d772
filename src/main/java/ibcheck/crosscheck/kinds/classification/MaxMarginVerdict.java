package ibcheck.crosscheck.kinds.classification;

import static ibcheck.crosscheck.Vectors.fmt;

import ibcheck.crosscheck.Vectors;
import ibcheck.verdict.Figure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The judgement of a max-margin check on its trained trajectory: the residual at the end within the
 * tolerance (or, with {@code residual: decay}, still decaying like {@code t^-kappa/2}), the angle on
 * the law {@code tan(angle) = C r/(1 + c0 r)} within the band, and the fitted C within the band of
 * the predicted one when w_tilde is pinned; with the message, the evidence and the two figures.
 */
final class MaxMarginVerdict {
  private final MaxMarginCheck.Check c;
  private final MarginLaws laws;
  private final MarginProblem problem;
  private final MarginOffset offset;
  private final ResidualDecay decay;
  private final MarginTrajectory trajectory;
  private final AngleRateFit fit;
  private final AngleRateFit.Constants fitted;
  private final AngleRateFit.Constants predicted;
  private final MarginTrajectory.Sample last;
  private final double decaySlope;
  private final boolean decaying;

  MaxMarginVerdict(MaxMarginCheck.Check c, MarginLaws laws, MarginProblem problem, MarginOffset offset,
      ResidualDecay decay, MarginTrajectory trajectory, AngleRateFit fit) {
    this.c = c;
    this.laws = laws;
    this.problem = problem;
    this.offset = offset;
    this.decay = decay;
    this.trajectory = trajectory;
    this.fit = fit;
    this.fitted = fit.fitted();
    this.predicted = AngleRateFit.Constants.predicted(offset, problem);
    this.last = trajectory.last();
    // the decay is fitted only where it decides: a residual over the tolerance with residual: decay
    this.decaySlope = c.decay() && !(last.residual() <= c.tolerance()) ? ResidualDecay.fittedSlope(trajectory) : Double.NaN;
    this.decaying = decay.decaying(decaySlope);
  }

  List<String> failures() {
    List<String> failures = new ArrayList<>();
    double residual = last.residual();
    if (!(residual <= c.tolerance()) && !decaying) {
      failures.add("|w(t) - w_hat log t - w_tilde|" + spanNote() + " = " + fmt(residual) + " at log t = "
          + fmt(last.logTime()) + " > tolerance " + fmt(c.tolerance()) + " (w_tilde from the offset law " + c.offset() + ")"
          + (c.decay() ? "; nor does it decay like t^-kappa/2 with the predicted kappa = " + fmt(decay.kappa())
              + " (fitted exponent " + fmt(-decaySlope) + ")" : ""));
    }
    if (!fit.within(c.band())) {
      failures.add("the angle does not follow tan(angle) = C r/(1 + c0 r) with r = " + c.rate() + " on the second half of the"
          + " range: fitted slope of cot(angle) against 1/r " + fmt(fit.line.slope()) + ", largest relative deviation "
          + fmt(fit.line.maxRelativeDeviation()) + " (band " + fmt(c.band()) + ")");
    }
    if (offset.pinned() && residual <= c.tolerance() && !(Math.abs(fitted.c() - predicted.c()) <= c.band() * predicted.c())) {
      failures.add("the fitted constant C = " + fmt(fitted.c()) + " is not within " + fmt(c.band())
          + " of the predicted |P_perp w_tilde|/|w_hat| = " + fmt(predicted.c()));
    }
    return failures;
  }

  /** The failures, or what was found when there are none. */
  String message(List<String> failures) {
    if (!failures.isEmpty()) {
      return String.join("; ", failures);
    }
    return "direction -> max-margin: residual |w - w_hat log t - w_tilde|" + spanNote() + " = " + fmt(last.residual())
        + (decaying ? " decaying like t^-" + fmt(-decaySlope) + " (predicted kappa = " + fmt(decay.kappa()) + ")"
            : " <= " + fmt(c.tolerance()))
        + " at log t = " + fmt(last.logTime()) + "; angle " + fmt(last.angle()) + " follows tan(angle) = C r/(1 + c0 r), r = "
        + c.rate() + " (C = " + fmt(fitted.c()) + (offset.pinned() ? ", predicted " + fmt(predicted.c()) : ", not pinned")
        + ", deviation " + fmt(fit.line.maxRelativeDeviation()) + ")";
  }

  private String spanNote() {
    return offset.pinned() ? "" : " (support-vector span)";
  }

  Map<String, Object> evidence() {
    Map<String, Object> ev = new LinkedHashMap<>();
    c.model().evidence(ev);
    ev.put("data", c.data().evidence());
    ev.put("loss", c.loss());
    ev.put("negative_loss_derivative", laws.negativeDerivativeText());
    ev.put("method", c.method().describe(trajectory.evaluations()));
    ev.put("init_scale", c.model().scale());
    ev.put("hard_margin", problem.evidence());
    ev.put("offset_law", c.offset());
    ev.put("w_tilde_pinned", offset.pinned());
    ev.put("w_tilde", offset.pinned() ? Vectors.evidence(offset.full())
        : "only its part in the span of the support vectors is pinned (the support vectors do not span the data)");
    ev.put("residual_end", last.residual());
    ev.put("tolerance", c.tolerance());
    ev.put("residual_decay_exponent_predicted", decay.kappa());
    if (c.decay()) {
      ev.put("residual_rule", "within tolerance, or decaying like t^-e with e >= kappa/2 on the last third of the log-time range");
      ev.put("residual_decay_exponent_fitted", Double.isNaN(decaySlope) ? null : -decaySlope);
    }
    ev.put("lambda_min_sum_alpha_zz", decay.lambdaMin());
    ev.put("theta_smallest_non_support_margin", Double.isInfinite(decay.theta()) ? null : decay.theta());
    ev.put("angle_end", last.angle());
    ev.put("normalised_margin_end", last.margin());
    ev.put("max_margin", problem.svm.margin());
    ev.put("rate", c.rate());
    Map<String, Object> fitEv = fit.line.evidence("inverse_C", "c0_over_C");
    fitEv.put("C", fitted.c());
    fitEv.put("c0", fitted.c0());
    ev.put("fit_cot_angle_vs_inverse_rate", fitEv);
    ev.put("C_predicted", offset.pinned() ? predicted.c() : null);
    ev.put("c0_predicted", offset.pinned() ? predicted.c0() : null);
    if (fit.exponent != null) {
      ev.put("fitted_exponent_of_angle_in_rate", fit.exponent.slope());
      ev.put("fitted_exponent_95_half_width", fit.exponent.halfWidth());
    }
    ev.put("band", c.band());
    figures(ev);
    return ev;
  }

  /** The angle with the fitted and the predicted law, and the residual, against log t. */
  private void figures(Map<String, Object> ev) {
    List<MarginTrajectory.Sample> samples = trajectory.samples();
    double[] lx = MarginTrajectory.logTimes(samples);
    double[] angle = samples.stream().mapToDouble(MarginTrajectory.Sample::angle).toArray();
    double[] residual = samples.stream().mapToDouble(MarginTrajectory.Sample::residual).toArray();
    List<Figure.Series> series = new ArrayList<>();
    series.add(new Figure.Series("angle(w(t), w_hat)", lx, angle));
    series.add(new Figure.Series("fit tan(angle) = C r/(1 + c0 r), r = " + c.rate(), MarginTrajectory.logTimes(fit.window),
        fit.fittedAngles()));
    if (offset.pinned()) {
      double[] pred = new double[lx.length];
      double norm = problem.wHatNorm;
      for (int i = 0; i < lx.length; i++) {
        // the angle of w_hat log t + w_tilde: atan2(|P_perp w_tilde|, |w_hat| (log t + c0))
        pred[i] = lx[i] + predicted.c0() <= 0 ? Double.NaN : Math.atan2(predicted.c() * norm, norm * (lx[i] + predicted.c0()));
      }
      series.add(new Figure.Series("predicted from w_hat log t + w_tilde", lx, pred));
    }
    new Figure("the direction converges to the max-margin direction like 1/log t", "log t", "angle (radians)", series)
        .addTo(ev);
    new Figure("the bounded part converges: |w(t) - w_hat log t - w_tilde|", "log t", "residual",
        List.of(new Figure.Series("residual", lx, residual))).addTo(ev);
  }
}
