package ibcheck.crosscheck.kinds.sgd;

import java.util.Map;
import java.util.Set;

/**
 * The settings of an SGD cross-check ({@code moment}, {@code stability}, {@code sharpness}).
 *
 * @param grid every setting (eta, B, n, dim, seed, scale) with its values; the check runs on the
 *     cartesian product
 * @param components Symja list of the a_i (or of d x d matrices H_i), or null: generated from n,
 *     dim, seed (and scale)
 * @param first the file's first-moment formula (E x_{t+1} = first E x_t), or null
 * @param second the file's second-moment factor (1-D) or operator (a d x d matrix); sharpness: the bound
 * @param necessary the file's necessary conditions (stability only), or null
 * @param monteCarlo Monte Carlo instead of exact enumeration (moment only)
 * @param samples Monte Carlo paths
 * @param steps Monte Carlo steps per path
 * @param z Monte Carlo: the allowed deviation in standard errors
 * @param formulaLocation {@code file:line} of the predicts block
 * @param close sharpness only: at the largest converged eta the sharpness must be at least this
 *     fraction of the bound (NaN: not checked)
 */
public record SgdSettings(Map<String, double[]> grid, String components, String first, String second, String necessary,
    boolean monteCarlo, int samples, int steps, double z, String formulaLocation, double close) {
  /** The settings of an SGD cross-check on {@code sgd-quadratic}. */
  public static final Set<String> SETTINGS = Set.of("eta", "B", "n", "dim", "seed", "scale");
  /** The settings of a sharpness cross-check. */
  public static final Set<String> SHARPNESS_SETTINGS = Set.of("eta", "rows", "cols", "hidden", "seed");

  /** These settings with another grid. */
  SgdSettings withGrid(Map<String, double[]> g) {
    return new SgdSettings(g, components, first, second, necessary, monteCarlo, samples, steps, z, formulaLocation, close);
  }
}
