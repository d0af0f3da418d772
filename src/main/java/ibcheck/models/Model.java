package ibcheck.models;

/**
 * A model trained by gradient flow on the square loss, fully configured (architecture and
 * initialisation settings such as {@code alpha} or {@code shape}); see {@link ModelRegistry} for how
 * theorem files name one.
 *
 * <p>Convention (the same as the theorem files, Woodworth et al. 2020 eq. 1): the loss is
 * {@code L(theta) = sum_n (f(theta, x_n) - y_n)^2 = ||f(theta, X) - y||^2}, with no 1/2 and no 1/N,
 * and the flow is {@code theta' = -grad_theta L(theta)}. A model supplies its parameters as one
 * {@code double[]}, their initialisation, its outputs on the data, and the parameter gradient of L.
 * Integrating the flow is not its business.
 */
public interface Model {

  /** The registry name, e.g. {@code diagonal-network}. */
  String name();

  /** theta(0) for inputs of dimension {@code inputs}. */
  double[] initialParameters(int inputs);

  /** The outputs {@code f(theta, x_n)} for every row of {@code x}. */
  double[] outputs(double[] theta, double[][] x);

  /**
   * {@code grad_theta L} for {@code L = ||f(theta, X) - y||^2}, given the residual
   * {@code r = f(theta, X) - y}: the chain rule applied to {@code dL/df = 2 r}.
   */
  double[] lossGradient(double[] theta, double[][] x, double[] residual);

  /**
   * The training loss at the outputs {@code f} on labels {@code y}: the square loss
   * {@code ||f - y||^2} unless the model declares another (then {@link #lossGradient} is that loss's
   * gradient). The gradient flow's stopping rule and divergence test read it.
   */
  default double loss(double[] outputs, double[] y) {
    double s = 0;
    for (int n = 0; n < outputs.length; n++) {
      double r = outputs[n] - y[n];
      s += r * r;
    }
    return s;
  }

  /**
   * Names of the parameter blocks, in the order they lie in theta, each one entry per input
   * coordinate (e.g. {@code wp, wm} for w+ and w-). Theorem files use them to state conserved
   * quantities; a model without per-coordinate blocks returns an empty list.
   */
  default java.util.List<String> parameterBlocks() {
    return java.util.List.of();
  }
}
