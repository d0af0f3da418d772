package ibcheck.models;

import java.util.Map;

/**
 * Quantities of a model a theorem file may use by name in its formulas: those fixed by the
 * initialisation (such as {@code b0} = beta(0) or the conserved {@code dl} = a^2 - ||w||^2) and scalar
 * functions of the current parameters (such as the output weight {@code a}, for a time warp).
 */
public interface NamedState {

  /**
   * Named numbers and vectors of the initialisation.
   *
   * @param scalars e.g. {@code a0}, {@code dl}
   * @param vectors e.g. {@code b0}, {@code w0}, each of the input dimension
   */
  record Quantities(Map<String, Double> scalars, Map<String, double[]> vectors) {}

  /** The quantities of theta(0) for inputs of dimension {@code inputs}. */
  Quantities initial(int inputs);

  /** Scalar quantities of the current parameters, by name (e.g. {@code a}). */
  Map<String, Double> scalars(double[] theta);
}
