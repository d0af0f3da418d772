package ibcheck.crosscheck.kinds.sgd;

import static ibcheck.crosscheck.Vectors.fmt;

import ibcheck.crosscheck.Judgement;
import ibcheck.models.TwoLayerNetwork;
import ibcheck.symbolic.InvalidExpressionException;
import ibcheck.symbolic.TheoremSession;
import ibcheck.verdict.ClaimKind;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code kind: sharpness}: GD on {@link TwoLayerNetwork} at every eta of the sweep, from the same
 * initialisation, until the loss is below 1e-12; the sharpness (top Hessian eigenvalue) at the
 * minimum found must be at most the file's bound (e.g. {@code 2/eta}) times {@code 1 + tolerance},
 * and, with {@code close}, at least {@code close x bound} at the largest eta where GD converged. A run
 * that blows up is recorded (the poster's dashes) and is not a failure; a run that neither converges
 * nor blows up within the iteration budget is an error.
 */
final class SharpnessCheck {
  static final double TARGET_LOSS = 1e-12;
  static final int MAX_ITERATIONS = 400_000;

  private SharpnessCheck() {}

  static ClaimResult run(TheoremSession session, SgdCrosscheck c) {
    Judgement judgement = Judgement.start(c.header());
    SgdSettings g = c.sgd();
    SgdFormula bound;
    try {
      bound = new SgdFormula(session, g.second());
    } catch (InvalidExpressionException e) {
      return ClaimResult.failure(c.name(), ClaimKind.CROSSCHECK, Verdict.ERROR, 0,
          "cross-check '" + c.name() + "': bound '" + g.second() + "': " + e.getMessage(), g.formulaLocation());
    }
    TwoLayerNetwork net;
    try {
      net = new TwoLayerNetwork((int) g.grid().get("rows")[0], (int) g.grid().get("cols")[0],
          (int) g.grid().get("hidden")[0], Math.round(g.grid().get("seed")[0]));
    } catch (IllegalArgumentException e) {
      return ClaimResult.failure(c.name(), ClaimKind.CROSSCHECK, Verdict.ERROR, 0,
          "cross-check '" + c.name() + "': " + e.getMessage(), c.location());
    }
    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put("model", TwoLayerNetwork.NAME);
    evidence.put("bound", g.second());
    evidence.put("close", Double.isNaN(g.close()) ? null : g.close());
    evidence.put("target_loss", TARGET_LOSS);
    List<Map<String, Object>> points = new ArrayList<>();
    String failure = null;
    double largestConverged = Double.NaN;
    double ratioAtLargest = Double.NaN;
    for (double eta : g.grid().get("eta")) {
      Map<String, Object> point = new LinkedHashMap<>();
      points.add(point);
      try {
        if (!point(c, net, bound, eta, point)) {
          continue;
        }
      } catch (Stop e) {
        return ClaimResult.failure(c.name(), ClaimKind.CROSSCHECK, Verdict.ERROR, judgement.seconds(),
            "cross-check '" + c.name() + "': " + e.getMessage(), e.location);
      }
      double sharp = (Double) point.get("sharpness");
      double b = (Double) point.get("bound_value");
      if (!(sharp <= b * (1 + c.tolerance())) && failure == null) {
        failure = "at eta = " + fmt(eta) + " GD converged to a minimum of sharpness " + fmt(sharp) + " > " + g.second()
            + " = " + fmt(b);
      }
      if (Double.isNaN(largestConverged) || eta > largestConverged) {
        largestConverged = eta;
        ratioAtLargest = sharp / b;
      }
    }
    evidence.put("points", points);
    if (failure == null && !Double.isNaN(g.close())) {
      failure = notClose(g, largestConverged, ratioAtLargest);
    }
    String msg = failure != null ? failure
        : "the sharpness at every minimum GD found is <= " + g.second() + (Double.isNaN(g.close()) ? ""
            : "; at the largest eta = " + fmt(largestConverged) + " it is " + fmt(ratioAtLargest) + " of the bound (>= "
                + fmt(g.close()) + ")");
    return judgement.holds(failure == null, msg, evidence);
  }

  /** {@code close:} not met at the largest converged learning rate (or GD converged at none), or null. */
  private static String notClose(SgdSettings g, double largestConverged, double ratioAtLargest) {
    if (Double.isNaN(largestConverged)) {
      return "GD converged at no learning rate of the sweep";
    } else if (!(ratioAtLargest >= g.close())) {
      return "at the largest converged eta = " + fmt(largestConverged) + " the sharpness is only " + fmt(ratioAtLargest)
          + " of " + g.second() + " (< close = " + fmt(g.close()) + ")";
    }
    return null;
  }

  /** Why a run stopped short of a verdict, and where. */
  private static final class Stop extends Exception {
    final String location;

    Stop(String message, String location) {
      super(message, null, false, false);
      this.location = location;
    }
  }

  /**
   * GD at one learning rate, recorded in {@code point} (with the sharpness of the minimum it converged
   * to and the file's bound there); false when it blows up.
   *
   * @throws Stop when GD neither converges nor blows up, or the bound cannot be evaluated
   */
  private static boolean point(SgdCrosscheck c, TwoLayerNetwork net, SgdFormula bound, double eta,
      Map<String, Object> point) throws Stop {
    TwoLayerNetwork.Run run = net.gradientDescent(eta, TARGET_LOSS, MAX_ITERATIONS);
    point.put("eta", eta);
    point.put("iterations", run.iterations());
    point.put("loss", run.loss());
    if (run.blewUp()) {
      point.put("outcome", "GD blows up");
      return false;
    }
    if (!run.converged()) {
      throw new Stop("GD at eta = " + fmt(eta) + " neither converged (loss " + fmt(run.loss()) + " after "
          + run.iterations() + " iterations) nor blew up", c.location());
    }
    double sharp = net.sharpness(run.theta(), 1);
    double b;
    try {
      Map<String, Object> vars = new LinkedHashMap<>();
      vars.put("eta", eta);
      b = bound.matrix(vars)[0][0];
    } catch (InvalidExpressionException e) {
      throw new Stop(e.getMessage(), c.sgd().formulaLocation());
    }
    point.put("outcome", "converged");
    point.put("sharpness", sharp);
    point.put("bound_value", b);
    point.put("ratio", sharp / b);
    return true;
  }
}
