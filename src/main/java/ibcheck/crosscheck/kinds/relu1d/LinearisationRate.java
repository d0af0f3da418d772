package ibcheck.crosscheck.kinds.relu1d;

import static ibcheck.crosscheck.Vectors.fmt;

import ibcheck.crosscheck.Fits;
import ibcheck.crosscheck.Judgement;
import ibcheck.crosscheck.Vectors;
import ibcheck.models.WideRelu1D;
import ibcheck.symbolic.FileFormula;
import ibcheck.symbolic.InvalidExpressionException;
import ibcheck.symbolic.TheoremSession;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Figure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rate claims of {@code kind: linearisation} ({@code lee}, {@code output-layer}): at every width
 * n the error {@code e(n)} is the root mean square over the seeds of the sup distance the
 * {@link LinearisedFlow} measures, with the step {@code eta = eta_factor / lambda_max(Theta)} run
 * until the linearised residual has fallen by 1e6; the power law {@code e(n) ~ c n^p} fitted in
 * log-log coordinates must have {@code |p - exponent| <= band} ({@code relation: equals}) or
 * {@code p <= exponent + band} ({@code relation: at-most}).
 */
final class LinearisationRate {
  /** How far the linearised residual falls before the distances stop being measured. */
  private static final double RESIDUAL_FALL = 1e6;
  private static final int MAX_STEPS = 50_000;

  private LinearisationRate() {}

  /** The error at one width: its rms over seeds and its evidence point. */
  private record AtWidth(double rms, Map<String, Object> point) {}

  static ClaimResult judge(LinearisationCheck.Check c, TheoremSession session, Judgement judgement)
      throws InvalidExpressionException {
    double predicted = FileFormula.compile(session, c.exponent(), List.of()).value();
    boolean lee = c.claim().equals("lee");
    int w = c.widths().length;
    double[] err = new double[w];
    double[] widths = new double[w];
    List<Map<String, Object>> points = new ArrayList<>();
    for (int a = 0; a < w; a++) {
      widths[a] = c.widths()[a];
      AtWidth at = measure(c, c.widths()[a], lee);
      err[a] = at.rms();
      points.add(at.point());
    }
    Fits.Line fit = Fits.powerLaw(widths, err);
    boolean ok = c.atMost() ? fit.slope() <= predicted + c.band() : Math.abs(fit.slope() - predicted) <= c.band();
    Map<String, Object> ev = evidence(c, lee, points, predicted, fit);
    figure(lee, widths, err, fit).addTo(ev);
    return judgement.holds(ok, message(c, lee, ok, predicted, fit), ev);
  }

  private static AtWidth measure(LinearisationCheck.Check c, int n, boolean lee) {
    WideRelu1D net = new WideRelu1D(n);
    double sq = 0;
    List<Double> perSeed = new ArrayList<>();
    int steps = 0;
    for (int s = 0; s < c.seeds(); s++) {
      if (Thread.currentThread().isInterrupted()) {
        throw new IllegalStateException("interrupted");
      }
      TangentKernel kernel = TangentKernel.at(net, net.initial(c.aw(), c.ab(), c.firstSeed() + s), c.x(), false);
      double[] ev = kernel.eigenvalues();
      double eta = c.etaFactor() / ev[0];
      int t = LinearisedFlow.horizon(eta, ev[ev.length - 1], RESIDUAL_FALL, MAX_STEPS);
      steps = Math.max(steps, t);
      double e = lee ? LinearisedFlow.distanceToNetwork(kernel, c.x(), c.y(), c.grid(), eta, t)
          : LinearisedFlow.distanceOutputLayer(kernel, c.x(), c.y(), c.grid(), eta, t);
      perSeed.add(e);
      sq += e * e;
    }
    double rms = Math.sqrt(sq / c.seeds());
    Map<String, Object> pt = new LinkedHashMap<>();
    pt.put("width", n);
    pt.put("error_rms", rms);
    pt.put("error_per_seed", perSeed);
    pt.put("steps", steps);
    return new AtWidth(rms, pt);
  }

  private static Map<String, Object> evidence(LinearisationCheck.Check c, boolean lee, List<Map<String, Object>> points,
      double predicted, Fits.Line fit) {
    Map<String, Object> ev = new LinkedHashMap<>();
    ev.put("model", "wide ReLU net on the line, ASI, W ~ U(-" + c.aw() + ", " + c.aw() + "), B ~ U(-" + c.ab() + ", " + c.ab()
        + "), W2 = W/sqrt n, b2 = B/sqrt n");
    ev.put("data_x", Vectors.evidence(c.x()));
    ev.put("data_y", Vectors.evidence(c.y()));
    ev.put("step", c.etaFactor() + " / lambda_max(Theta)");
    ev.put("measure", lee ? "sup over GD steps (until the linearised residual fell by 1e-6) and the grid of |f_lin - f|"
        : "sup over GD steps and the grid of |f_lin(output layer only) - f_lin(all parameters)|");
    ev.put("seeds", c.seeds());
    ev.put("points", points);
    ev.put("exponent_predicted", predicted);
    ev.put("exponent_fitted", fit.slope());
    ev.put("exponent_95_half_width", fit.halfWidth());
    ev.put("prefactor_fitted", Math.exp(fit.intercept()));
    ev.put("r_square", fit.rSquare());
    ev.put("band", c.band());
    ev.put("relation", c.atMost() ? "at-most: an O(n^exponent) bound, fitted <= predicted + band"
        : "equals: |fitted - predicted| <= band");
    return ev;
  }

  private static Figure figure(boolean lee, double[] widths, double[] err, Fits.Line fit) {
    double[] line = new double[widths.length];
    for (int a = 0; a < widths.length; a++) {
      line[a] = Math.exp(fit.intercept()) * Math.pow(widths[a], fit.slope());
    }
    return new Figure(lee ? "sup_t |f_lin - f| against the width" : "sup_t |f_lin(output only) - f_lin(all)| against the width",
        "width n", "error", List.of(new Figure.Series("measured (rms over seeds)", widths, err),
            new Figure.Series("fit " + fmt(Math.exp(fit.intercept())) + " n^" + fmt(fit.slope()), widths, line)));
  }

  private static String message(LinearisationCheck.Check c, boolean lee, boolean ok, double predicted, Fits.Line fit) {
    String what = lee ? "sup_t |f_lin - f|" : "sup_t |f_lin(output only) - f_lin(all)|";
    int[] widths = c.widths();
    String judged = c.atMost()
        ? (ok ? ", consistent with " : ", NOT consistent with ") + "the bound O(n^" + c.exponent() + ") (fitted <= "
            + fmt(predicted) + " + " + fmt(c.band()) + ")"
        : (ok ? ", within " : ", NOT within ") + fmt(c.band()) + " of the predicted exponent " + c.exponent() + " = "
            + fmt(predicted);
    return what + " ~ n^" + fmt(fit.slope()) + " (95% +- " + fmt(fit.halfWidth()) + ", R^2 " + fmt(fit.rSquare())
        + ") over widths " + widths[0] + "-" + widths[widths.length - 1] + judged;
  }
}
