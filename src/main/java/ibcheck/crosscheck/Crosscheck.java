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
 * @param prediction the predicted limit (agreement only; null for a regime check)
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
    REGIME
  }

  /** The full settings at one sweep value. */
  public Map<String, Double> settingsAt(double value) {
    Map<String, Double> m = new LinkedHashMap<>(fixed);
    m.put(sweepSetting, value);
    return m;
  }
}
