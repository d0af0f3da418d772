package ibcheck.models;

/**
 * A model whose implicit-bias statements are about one vector {@code beta(theta)} in input space:
 * the end-to-end linear predictor of a linear network ({@link LinearPredictor}), or the effective
 * weight vector {@code a w} of a single neuron {@code a sigma(w . x)}.
 */
public interface Predictor extends Model {

  /** The vector the theorem is about, at parameters theta. */
  double[] beta(double[] theta);
}
