package ibcheck.crosscheck.kinds.sgd;

import static ibcheck.crosscheck.Vectors.fmt;

import ibcheck.crosscheck.Judgement;
import ibcheck.crosscheck.KindSupport;
import ibcheck.models.SgdQuadratic;
import ibcheck.symbolic.InvalidExpressionException;
import ibcheck.symbolic.TheoremSession;
import ibcheck.verdict.ClaimKind;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.special.Erf;

/**
 * {@code kind: moment} and {@code kind: stability} on {@link SgdQuadratic}: the file's moment
 * formulas against what SGD really does on the components.
 *
 * <ul>
 *   <li>moment, exact: at every grid point the file's {@code second} (and {@code first}) must equal
 *       the one-step moments averaged over all C(n, B) batches, relative error
 *       {@code max|file - exact| / max(1, max|exact|)} within the tolerance;
 *   <li>moment, monte-carlo: {@code E ||x_T||^2} from {@code x_0 = e_1} over {@code samples} SGD
 *       paths must lie within {@code z} standard errors (plus tolerance x prediction) of the file's
 *       prediction {@code second^T} (1-D) or {@code e_1^T second e_1} (T = 1);
 *   <li>stability: the critical eta where {@code lambda_max(second)} reaches 1 (bisection) must
 *       equal the exact one (from the enumerated operator) within relative tolerance, and the file's
 *       {@code necessary} conditions must hold just below the exact critical eta.
 * </ul>
 *
 * <p>{@link SgdPoint} sets up each grid point, {@link SgdMoments} and {@link CriticalLearningRate}
 * judge it; this class gathers the points into the verdict.
 */
final class SgdCheck {
  private SgdCheck() {}

  /** An error with its cause, reported as the cross-check's error. */
  static final class Problem extends Exception {
    final String location;

    Problem(String message, String location) {
      super(message);
      this.location = location;
    }
  }

  /**
   * What one grid point found.
   *
   * @param error the point's error measure (relative error, relative difference, or deviation in allowances)
   * @param failure why the point fails, or null
   */
  record Outcome(double error, String failure) {}

  /** The file's formulas; {@code first} and {@code necessary} may be null. */
  private record Formulas(SgdFormula second, SgdFormula first, SgdFormula necessary) {}

  static ClaimResult run(TheoremSession session, SgdCrosscheck c) {
    Judgement judgement = Judgement.start(c.header());
    try {
      return judge(session, c, judgement);
    } catch (Problem e) {
      return ClaimResult.failure(c.name(), ClaimKind.CROSSCHECK, Verdict.ERROR, judgement.seconds(),
          "cross-check '" + c.name() + "': " + e.getMessage(), e.location);
    } catch (IllegalArgumentException e) {
      return ClaimResult.failure(c.name(), ClaimKind.CROSSCHECK, Verdict.ERROR, judgement.seconds(),
          "cross-check '" + c.name() + "': " + e.getMessage(), c.location());
    }
  }

  private static ClaimResult judge(TheoremSession session, SgdCrosscheck c, Judgement judgement) throws Problem {
    SgdSettings g = c.sgd();
    Formulas f = new Formulas(formula(session, g.second(), g), g.first() == null ? null : formula(session, g.first(), g),
        g.necessary() == null ? null : formula(session, g.necessary(), g));
    SgdQuadratic fixedModel = g.components() == null ? null : SgdComponents.read(session, g);
    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put("model", SgdQuadratic.NAME);
    evidence.put("grid", SgdPoint.gridEvidence(g.grid()));
    evidence.put("second", g.second());
    if (g.first() != null) {
      evidence.put("first", g.first());
    }
    if (g.necessary() != null) {
      evidence.put("necessary", g.necessary());
    }
    evidence.put("tolerance", c.tolerance());
    List<Map<String, Object>> points = new ArrayList<>();
    double worst = 0;
    String failure = null;
    for (Map<String, Double> settings : SgdPoint.product(g.grid())) {
      SgdPoint p = SgdPoint.at(settings, fixedModel, c);
      Map<String, Object> point = p.evidence();
      Outcome o = check(p, f, point, c);
      points.add(point);
      worst = Math.max(worst, o.error());
      if (o.failure() != null && failure == null) {
        failure = "at " + KindSupport.describe(settings) + ": " + o.failure();
      }
    }
    evidence.put("points", points);
    evidence.put("max_error", worst);
    // drawn for a failing check too: the file's wrong edge beside the true minima shows what is wrong
    if (!c.instance() && c.mode() == SgdCrosscheck.Mode.STABILITY
        && points.stream().allMatch(p -> ((Number) p.get("dim")).intValue() == 1)) {
      diagram(evidence, points, f, c);
    }
    return judgement.holds(failure == null, failure != null ? failure : message(c, worst), evidence);
  }

  private static Outcome check(SgdPoint p, Formulas f, Map<String, Object> point, SgdCrosscheck c) throws Problem {
    if (c.mode() == SgdCrosscheck.Mode.STABILITY) {
      return CriticalLearningRate.check(p, f.second(), f.necessary(), point, c);
    }
    if (c.sgd().monteCarlo()) {
      return SgdMoments.monteCarlo(p, f.second(), point, c);
    }
    return SgdMoments.exact(p, f.second(), f.first(), point, c.tolerance());
  }

  /** What every point agreeing shows, by mode. */
  private static String message(SgdCrosscheck c, double worst) {
    SgdSettings g = c.sgd();
    if (c.mode() == SgdCrosscheck.Mode.STABILITY) {
      return "the critical eta of lambda_max(" + g.second() + ") = 1 matches the exact one at every point (largest"
          + " relative difference " + fmt(worst) + " <= tolerance " + fmt(c.tolerance()) + ")"
          + (g.necessary() != null ? "; the necessary conditions hold just below it" : "");
    }
    if (g.monteCarlo()) {
      return "Monte Carlo E||x_T||^2 (" + g.samples() + " paths, " + g.steps() + " steps) is within " + fmt(g.z())
          + " standard errors of the file's prediction at every point (two-sided; false-alarm probability "
          + fmt(Erf.erfc(g.z() / Math.sqrt(2))) + " per point; largest deviation " + fmt(worst * g.z()) + " se)";
    }
    return "the file's moment formula equals the exact average over all batches at every point (largest relative"
        + " error " + fmt(worst) + " <= tolerance " + fmt(c.tolerance()) + ")";
  }

  private static void diagram(Map<String, Object> evidence, List<Map<String, Object>> points, Formulas f,
      SgdCrosscheck c) throws Problem {
    try {
      StabilityDiagram.attach(evidence, points, f.second(), f.necessary());
    } catch (InvalidExpressionException e) {
      throw new Problem("drawing the stability diagram: " + e.getMessage(), c.sgd().formulaLocation());
    }
  }

  private static SgdFormula formula(TheoremSession session, String text, SgdSettings g) throws Problem {
    try {
      return new SgdFormula(session, text);
    } catch (InvalidExpressionException e) {
      throw new Problem("'" + text + "': " + e.getMessage() + " (it may use the file's symbols and definitions and "
          + String.join(", ", SgdFormula.VARIABLES) + ")", g.formulaLocation());
    }
  }
}
