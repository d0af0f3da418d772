package ibcheck.models.declarative;

import ibcheck.models.Initialisation;
import java.util.List;
import java.util.Map;

/**
 * A model as a theorem file writes it under {@code models:}: parameter blocks of one entry per input
 * coordinate, the coordinatewise parameterisation {@code beta_i = beta(block_1[i], ..., block_k[i])}
 * and each block's initial value, all Symja formulas. The predictor is {@code f(theta, x) =
 * <beta(theta), x>} and the loss {@code L = sum_n l(f_n, y_n)}, by default the square loss
 * {@code l = (f - y)^2} of every {@link ibcheck.models.Model}.
 *
 * @param name the name a cross-check's {@code model:} uses (visible in this file only)
 * @param blocks the parameter blocks in the order they lie in theta
 * @param beta the formula of beta_i in the blocks (and the settings)
 * @param settings the scalar settings a cross-check sets with {@code init:} and {@code sweep:}
 * @param vectors per-coordinate constants (such as {@code beta0}), each listed or drawn from a law
 * @param init each block's initial value, a formula of the settings and the vectors at coordinate i
 * @param loss the per-sample loss l(f, y), or null for the square loss {@code (f - y)^2}
 * @param seed the seed of the drawn vectors
 * @param location {@code file:line} of the definition
 */
public record ModelDefinition(String name, List<String> blocks, String beta, List<String> settings,
    Map<String, Vector> vectors, Map<String, String> init, String loss, long seed, String location) {

  /** A per-coordinate constant: listed values, or a law each coordinate is drawn from. */
  public sealed interface Vector permits Listed, Drawn {}

  /** Values given one per coordinate; their number must equal the data's columns. */
  public record Listed(double[] values) implements Vector {}

  /** Every coordinate drawn independently from one law whose arguments are formulas of the settings. */
  public record Drawn(Initialisation.Law law) implements Vector {}
}
