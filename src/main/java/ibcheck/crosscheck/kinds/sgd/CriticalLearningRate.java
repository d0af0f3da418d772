package ibcheck.crosscheck.kinds.sgd;

import static ibcheck.crosscheck.Vectors.fmt;

import ibcheck.models.SgdQuadratic;
import ibcheck.symbolic.InvalidExpressionException;
import java.util.Map;

/**
 * {@code kind: stability} at one grid point: the critical eta, where the growth factor
 * {@code lambda_max(second)} of {@code E x x^T} first exceeds 1, of the file's formula against the
 * exact one of the enumerated second-moment operator (relative difference within the tolerance),
 * and the file's {@code necessary} conditions just below the exact critical eta, where SGD is stable.
 */
final class CriticalLearningRate {
  private CriticalLearningRate() {}

  /** A growth factor as a function of eta: at most 1 on an interval [0, eta_c]. */
  @FunctionalInterface
  interface Growth {
    double at(double eta) throws SgdCheck.Problem;
  }

  /** @return the relative difference of the critical etas, with the failure if any */
  static SgdCheck.Outcome check(SgdPoint p, SgdFormula second, SgdFormula necessary, Map<String, Object> point,
      SgdCrosscheck c) throws SgdCheck.Problem {
    Map<String, Object> vars = p.variables();
    double a = p.a();
    double etaExact = bisect(eta -> SgdQuadratic.lambdaMax(p.q().exactMoments(eta, p.b()).second()), a, c);
    double etaFile = bisect(eta -> {
      vars.put("eta", eta);
      return SgdQuadratic.lambdaMax(MomentMatrices.eval(second, vars, p.q().dim(), true));
    }, a, c);
    double rel = Math.abs(etaFile - etaExact) / etaExact;
    point.put("eta_critical_exact", etaExact);
    point.put("eta_critical_file", etaFile);
    point.put("relative_difference", rel);
    if (rel > c.tolerance()) {
      return new SgdCheck.Outcome(rel, "lambda_max(" + second.text + ") reaches 1 at eta = " + fmt(etaFile)
          + ", the exact second-moment operator at eta = " + fmt(etaExact) + " (relative difference " + fmt(rel) + ")");
    }
    if (necessary != null) {
      double below = etaExact * (1 - 1e-9);
      vars.put("eta", below);
      boolean holds;
      try {
        holds = necessary.truth(vars);
      } catch (InvalidExpressionException e) {
        throw new SgdCheck.Problem(e.getMessage(), c.sgd().formulaLocation());
      }
      point.put("necessary_just_below", holds);
      if (!holds) {
        return new SgdCheck.Outcome(rel, "SGD is stable at eta = " + fmt(below) + " (just below the exact critical eta) but"
            + " the necessary condition " + necessary.text + " fails there (a = " + fmt(a) + ", s = "
            + fmt((Double) vars.get("s")) + ")");
      }
    }
    return new SgdCheck.Outcome(rel, null);
  }

  /**
   * The eta where the growth factor first exceeds 1: doubled from 1/a until it does, then bisected
   * to relative width 1e-15.
   */
  static double bisect(Growth growth, double a, SgdCrosscheck c) throws SgdCheck.Problem {
    double lo = 0;
    double hi = 1 / Math.max(a, 1e-300);
    int k = 0;
    while (!(growth.at(hi) > 1)) {
      lo = hi;
      hi *= 2;
      if (++k > 60) {
        throw new SgdCheck.Problem("lambda_max never exceeds 1 as eta grows (up to " + fmt(hi) + ")", c.location());
      }
    }
    for (int i = 0; i < 200 && hi - lo > 1e-15 * hi; i++) {
      double mid = (lo + hi) / 2;
      if (growth.at(mid) > 1) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return (lo + hi) / 2;
  }
}
