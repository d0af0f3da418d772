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
 * @param conserved the conserved quantity (invariant only, else null), Symja, in the model's
 *     parameter blocks
 * @param tolerance agreement: the largest allowed {@code ||beta_flow - beta_pred||_inf}; regime: the
 *     slack allowed in each monotone step
 * @param timeoutSeconds time limit for the whole cross-check
 * @param maxEvaluations cap on flow right-hand-side evaluations per sweep value
 * @param location {@code file:line}
 * @param sgd the SGD stability settings ({@code kind: moment} or {@code stability}, else null); then
 *     the model, sweep and data fields above are unused
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
    String conserved,
    double tolerance,
    double timeoutSeconds,
    int maxEvaluations,
    String location,
    Sgd sgd) implements NumericCheck {

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
    THRESHOLD,
    /**
     * A quantity the file says the flow conserves, per coordinate, written in the model's parameter
     * blocks (e.g. {@code wp*wm}), stays at its initial value along the whole trajectory.
     */
    INVARIANT,
    /**
     * SGD on a quadratic (Wu, Ma &amp; E 2018): the file's one-step moment formulas equal the exact
     * moments over all batches (or a Monte Carlo estimate within a stated confidence).
     */
    MOMENT,
    /**
     * SGD on a quadratic: the critical learning rate where the file's second-moment operator reaches
     * lambda_max = 1 equals the exact one, and the file's necessary conditions hold just below it.
     */
    STABILITY,
    /**
     * GD on a small two-layer network at several learning rates: the sharpness at the minimum found
     * is within the file's bound (2/eta), and close to it (a stated fraction) at the largest rate.
     */
    SHARPNESS
  }

  /**
   * The settings of an SGD stability cross-check.
   *
   * @param grid every setting (eta, B, n, dim, seed, scale) with its values; the check runs on the
   *     cartesian product
   * @param components Symja list of the a_i (or of d x d matrices H_i), or null: generated from n,
   *     dim, seed (and scale)
   * @param first the file's first-moment formula (E x_{t+1} = first E x_t), or null
   * @param second the file's second-moment factor (1-D) or operator (a d x d matrix)
   * @param necessary the file's necessary conditions (stability only), or null
   * @param monteCarlo Monte Carlo instead of exact enumeration (moment only)
   * @param samples Monte Carlo paths
   * @param steps Monte Carlo steps per path
   * @param z Monte Carlo: the allowed deviation in standard errors
   * @param formulaLocation {@code file:line} of the predicts block
   * @param close sharpness only: at the largest converged eta the sharpness must be at least this
   *     fraction of the bound (NaN: not checked)
   */
  public record Sgd(Map<String, double[]> grid, String components, String first, String second, String necessary,
      boolean monteCarlo, int samples, int steps, double z, String formulaLocation, double close) {
    /** The settings of an SGD cross-check. */
    public static final java.util.Set<String> SETTINGS = java.util.Set.of("eta", "B", "n", "dim", "seed", "scale");
    /** The settings of a sharpness cross-check. */
    public static final java.util.Set<String> SHARPNESS_SETTINGS = java.util.Set.of("eta", "rows", "cols", "hidden", "seed");
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

  /** Names a property may draw to instantiate this cross-check, besides the model's settings. */
  public static final java.util.Set<String> DATA_QUANTITIES = java.util.Set.of("rows", "cols", "truth", "dataseed");

  /**
   * This cross-check on one random instance drawn by a property: a drawn model setting replaces the
   * sweep (or the fixed value), and drawn {@code rows}, {@code cols}, {@code truth} (sparse-truth)
   * and {@code dataseed} regenerate synthetic data.
   *
   * @throws IllegalArgumentException naming a quantity that is neither a setting nor a data quantity
   */
  @Override
  public Crosscheck instantiate(Map<String, Double> drawn) {
    if (sgd != null) {
      Map<String, double[]> grid = new LinkedHashMap<>(sgd.grid());
      for (Map.Entry<String, Double> e : drawn.entrySet()) {
        java.util.Set<String> allowed = kind == Kind.SHARPNESS ? Sgd.SHARPNESS_SETTINGS : Sgd.SETTINGS;
        if (!allowed.contains(e.getKey()) || (sgd.components() != null && !e.getKey().equals("eta")
            && !e.getKey().equals("B"))) {
          throw new IllegalArgumentException("'" + e.getKey() + "' is not a setting of cross-check '" + name
              + "' (settings: " + String.join(", ", sgd.components() != null ? java.util.List.of("eta", "B")
                  : new java.util.TreeSet<>(allowed)) + ")");
        }
        grid.put(e.getKey(), new double[] {e.getValue()});
      }
      return new Crosscheck(name, kind, model, fixed, sweepSetting, sweep, data, prediction, threshold, conserved,
          tolerance, timeoutSeconds, maxEvaluations, location, new Sgd(grid, sgd.components(), sgd.first(),
              sgd.second(), sgd.necessary(), sgd.monteCarlo(), sgd.samples(), sgd.steps(), sgd.z(),
              sgd.formulaLocation(), sgd.close()));
    }
    java.util.Set<String> settings = new java.util.TreeSet<>(fixed.keySet());
    settings.add(sweepSetting);
    Map<String, Double> newFixed = new LinkedHashMap<>(fixed);
    double[] newSweep = sweep;
    for (Map.Entry<String, Double> e : drawn.entrySet()) {
      String k = e.getKey();
      if (k.equals(sweepSetting)) {
        newSweep = new double[] {e.getValue()};
      } else if (fixed.containsKey(k)) {
        newFixed.put(k, e.getValue());
      } else if (!DATA_QUANTITIES.contains(k)) {
        throw new IllegalArgumentException("'" + k + "' is not a setting of cross-check '" + name
            + "' (settings: " + String.join(", ", settings) + "; data: " + String.join(", ", new java.util.TreeSet<>(DATA_QUANTITIES)) + ")");
      }
    }
    DataSpec newData = data;
    if (drawn.keySet().stream().anyMatch(DATA_QUANTITIES::contains)) {
      if (!(data instanceof SyntheticData s)) {
        throw new IllegalArgumentException("cross-check '" + name + "' uses explicit data: rows, cols, truth and"
            + " dataseed cannot be drawn");
      }
      int rows = (int) Math.round(drawn.getOrDefault("rows", (double) s.rows()));
      int cols = (int) Math.round(drawn.getOrDefault("cols", (double) s.cols()));
      int truth = (int) Math.round(drawn.getOrDefault("truth", (double) Math.min(s.sparseTruth(), cols)));
      long seed = Math.round(drawn.getOrDefault("dataseed", (double) s.seed()));
      newData = new SyntheticData(rows, cols, Math.max(1, Math.min(truth, cols)), seed);
    }
    return new Crosscheck(name, kind, model, newFixed, sweepSetting, newSweep, newData, prediction,
        threshold, conserved, tolerance, timeoutSeconds, maxEvaluations, location, null);
  }

  @Override
  public CheckKind.Header header() {
    return new CheckKind.Header(name, timeoutSeconds, location);
  }

  @Override
  public ibcheck.verdict.ClaimResult run(ibcheck.symbolic.TheoremSession session) {
    return new CrosscheckRunner().run(session, this);
  }

  /** The full settings at one sweep value. */
  public Map<String, Double> settingsAt(double value) {
    Map<String, Double> m = new LinkedHashMap<>(fixed);
    m.put(sweepSetting, value);
    return m;
  }
}
