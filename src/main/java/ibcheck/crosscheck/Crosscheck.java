package ibcheck.crosscheck;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One numeric cross-check as written in a theorem file's {@code crosschecks:} list (format in
 * {@link CrosscheckReader}).
 *
 * @param name what it checks, in words
 * @param kind agreement of flow limit and prediction, or the regime trend
 * @param model registry name of the model
 * @param fixed initialisation settings that stay fixed
 * @param sweepSetting the setting that is swept
 * @param sweep its values, in file order
 * @param data the regression data
 * @param prediction the predicted limit (agreement only, else null)
 * @param threshold the scale threshold and norm bound (threshold only, else null); then the sweep is
 *     over {@code eps}
 * @param tolerance agreement: the largest allowed {@code ||beta_flow - beta_pred||_inf}; regime: the
 *     slack allowed in each monotone step
 * @param timeoutSeconds time limit for the whole cross-check
 * @param maxEvaluations cap on flow right-hand-side evaluations per sweep value
 * @param location {@code file:line}
 */
public record Crosscheck(
    String name,
    Kind kind,
    String model,
    Map<String, Double> fixed,
    String sweepSetting,
    double[] sweep,
    DataSpec data,
    Prediction prediction,
    Threshold threshold,
    double tolerance,
    double timeoutSeconds,
    int maxEvaluations,
    String location) {

  /** The kinds of cross-check. */
  public enum Kind {
    /** The flow limit equals the predicted argmin at every sweep value, within tolerance. */
    AGREEMENT,
    /**
     * Along an increasing sweep of the scale, the flow limit moves away from the min-l1 solution and
     * towards the min-l2 solution (rich regime at small scale, kernel regime at large scale).
     */
    REGIME,
    /**
     * At the scale a file's formula gives for each eps (Woodworth et al. 2020, Theorem 2), the flow
     * limit's l1 norm is within 1 + eps of the minimum (or its squared l2 norm, for the l2 side).
     */
    THRESHOLD
  }

  /**
   * A threshold claim: at {@code scale = formula(eps, n1, n2, dim)} (n1 = ||beta*_l1||_1,
   * n2 = ||beta*_l2||_2, dim = the number of columns d) the limit satisfies {@code ||beta||_1 <= (1 + eps) n1}
   * ({@code norm: l1}) or {@code ||beta||_2^2 <= (1 + eps) n2^2} ({@code norm: l2}).
   *
   * @param formula Symja text
   * @param norm {@code l1} or {@code l2}
   * @param scaleSetting the model setting the formula sets, e.g. {@code alpha}
   * @param location {@code file:line} of the formula
   */
  public record Threshold(String formula, String norm, String scaleSetting, String location) {}

  /** The full settings at one sweep value. */
  public Map<String, Double> settingsAt(double value) {
    Map<String, Double> m = new LinkedHashMap<>(fixed);
    m.put(sweepSetting, value);
    return m;
  }
}
