package ibcheck.crosscheck.kinds.sgd;

import static ibcheck.crosscheck.kinds.sgd.MomentMatrices.eval;
import static ibcheck.crosscheck.kinds.sgd.MomentMatrices.relErr;
import static ibcheck.crosscheck.kinds.sgd.MomentMatrices.shortMatrix;
import static ibcheck.crosscheck.Vectors.fmt;

import ibcheck.models.SgdQuadratic;
import java.util.Map;

/**
 * {@code kind: moment} at one grid point: the file's one-step moment formulas against SGD's moments
 * on the quadratic, exactly (averaged over all C(n, B) batches) or by Monte Carlo.
 */
final class SgdMoments {
  private SgdMoments() {}

  /**
   * The file's {@code second} (and {@code first}) against the exact one-step moments.
   *
   * @return the larger relative error, failing above the tolerance
   */
  static SgdCheck.Outcome exact(SgdPoint p, SgdFormula second, SgdFormula first, Map<String, Object> point,
      double tolerance) throws SgdCheck.Problem {
    SgdQuadratic.Moments mom = p.q().exactMoments(p.eta(), p.b());
    double[][] file2 = eval(second, p.variables(), p.q().dim());
    double e2 = relErr(file2, mom.second());
    point.put("batches", mom.batches());
    point.put("second_file", MomentMatrices.evidence(file2));
    point.put("second_exact", MomentMatrices.evidence(mom.second()));
    point.put("second_error", e2);
    double e1 = 0;
    double[][] file1 = null;
    if (first != null) {
      file1 = eval(first, p.variables(), p.q().dim());
      e1 = relErr(file1, mom.first());
      point.put("first_file", MomentMatrices.evidence(file1));
      point.put("first_exact", MomentMatrices.evidence(mom.first()));
      point.put("first_error", e1);
    }
    double err = Math.max(e1, e2);
    if (!(err > tolerance)) {
      return new SgdCheck.Outcome(err, null);
    }
    return new SgdCheck.Outcome(err, e2 >= e1
        ? "the second-moment formula gives " + shortMatrix(file2) + ", the average over all " + mom.batches()
            + " batches is " + shortMatrix(mom.second()) + " (relative error " + fmt(e2) + ")"
        : "the first-moment formula gives " + shortMatrix(file1) + ", the average over all " + mom.batches()
            + " batches is " + shortMatrix(mom.first()) + " (relative error " + fmt(e1) + ")");
  }

  /**
   * {@code E ||x_T||^2} from {@code x_0 = e_1} over the sampled SGD paths against the file's
   * prediction {@code second^T} (1-D) or {@code e_1^T second e_1} (T = 1).
   *
   * @return the deviation in units of the allowance ({@code z} standard errors plus tolerance x
   *     prediction), failing above 1
   */
  static SgdCheck.Outcome monteCarlo(SgdPoint p, SgdFormula second, Map<String, Object> point, SgdCrosscheck c)
      throws SgdCheck.Problem {
    SgdSettings g = c.sgd();
    double[][] m = eval(second, p.variables(), p.q().dim());
    double predicted;
    if (p.q().dim() == 1) {
      predicted = Math.pow(m[0][0], g.steps());
    } else if (g.steps() == 1) {
      predicted = m[0][0];
    } else {
      throw new SgdCheck.Problem("Monte Carlo over more than one step predicts E||x_T||^2 only in one dimension",
          c.location());
    }
    double[] x0 = new double[p.q().dim()];
    x0[0] = 1;
    double eta = p.eta();
    long seed = Math.round(p.settings().getOrDefault("seed", 1.0)) * 1_000_003L + p.b() * 31L + Double.hashCode(eta);
    SgdQuadratic.Estimate est = p.q().monteCarlo(eta, p.b(), x0, g.steps(), g.samples(), seed);
    double dev = Math.abs(est.mean() - predicted);
    double allowed = g.z() * est.standardError() + c.tolerance() * Math.abs(predicted);
    double inSe = est.standardError() > 0 ? dev / est.standardError() : (dev > 0 ? Double.POSITIVE_INFINITY : 0);
    point.put("predicted", predicted);
    point.put("estimate", est.mean());
    point.put("standard_error", est.standardError());
    point.put("deviation_in_se", inSe);
    point.put("samples", est.samples());
    point.put("steps", g.steps());
    point.put("mc_seed", seed);
    double err = allowed > 0 ? dev / allowed : (dev > 0 ? Double.POSITIVE_INFINITY : 0);
    return new SgdCheck.Outcome(err, err > 1 ? "Monte Carlo E||x_T||^2 = " + fmt(est.mean()) + " +- "
        + fmt(est.standardError()) + " is " + fmt(inSe) + " standard errors from the file's prediction " + fmt(predicted)
        : null);
  }
}
