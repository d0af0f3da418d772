package ibcheck.crosscheck.kinds.regression;

import ibcheck.crosscheck.read.Drawn;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The linear-regression problem a file states: the loss, an {@code rows x cols} data matrix X drawn
 * from {@code seed} (Gaussian entries, or the given {@code spectrum} between random frames), how
 * beta* and beta(0) are chosen, and the noise level eps of {@code y = X beta* + xi}.
 */
record RegressionSetup(String loss, int rows, int cols, long seed, double[] spectrum, String truth, String init,
    double noise) {
  /** The settings a property may draw. */
  /** What a property may draw: as {@link LinearRegressionKind#FIELDS} declares it. */
  static final Set<String> SETTINGS = LinearRegressionKind.FIELDS.drawable();

  /** c in the flow {@code beta' = -c X^T (X beta - y)}: 1/n, 2/n or 2 for half-mean, mean or sum. */
  double rate() {
    return switch (loss) {
      case "half-mean" -> 1.0 / rows;
      case "mean" -> 2.0 / rows;
      default -> 2.0;
    };
  }

  /** The loss and its flow, in words. */
  String flowDescription() {
    return switch (loss) {
      case "half-mean" -> "(1/2n)||X beta - y||^2, flow beta' = -(1/n) X^T (X beta - y)";
      case "mean" -> "(1/n)||X beta - y||^2, flow beta' = -(2/n) X^T (X beta - y)";
      default -> "||X beta - y||^2, flow beta' = -2 X^T (X beta - y)";
    };
  }

  Map<String, Object> evidence() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("rows", rows);
    data.put("cols", cols);
    data.put("seed", seed);
    data.put("truth", truth);
    data.put("init", init);
    data.put("noise", noise);
    return data;
  }

  /**
   * This problem with the drawn settings in place.
   *
   * @param check the cross-check's name, for the errors
   * @throws IllegalArgumentException for a quantity that is no setting, or rows drawn against a fixed spectrum
   */
  RegressionSetup with(Map<String, Double> drawn, String check) {
    Drawn d = Drawn.of(drawn, check, SETTINGS);
    if (spectrum != null && d.has("rows")) {
      throw new IllegalArgumentException("cross-check '" + check + "' fixes a spectrum of " + rows + " singular values; rows cannot be drawn");
    }
    return new RegressionSetup(loss, d.integer("rows", rows), d.integer("cols", cols), d.longInteger("dataseed", seed),
        spectrum, truth, init, d.number("noise", noise));
  }
}
