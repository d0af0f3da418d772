package ibcheck.bias;

/**
 * A separable strictly convex potential {@code Q(beta) = sum_i q(beta_i)}, seen through the two
 * derivatives the KKT system needs.
 */
public interface SeparablePotential {

  /** {@code q'(b)}. */
  double gradient(double b);

  /** {@code q''(b)}, positive. */
  double curvature(double b);
}
