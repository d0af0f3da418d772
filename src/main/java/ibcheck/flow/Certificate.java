package ibcheck.flow;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What backs a flow limit: where the integration stopped and how close to stationary it was.
 *
 * @param time flow time t reached
 * @param loss {@code L(theta(t)) = ||f(theta(t), X) - y||^2}
 * @param gradientNorm {@code ||grad L(theta(t))||_2}
 * @param evaluations right-hand-side evaluations used
 * @param remainingPath {@code 2 L / ||grad L||}: the estimated length of the rest of the trajectory
 *     (see {@link GradientFlow} for why)
 */
public record Certificate(double time, double loss, double gradientNorm, int evaluations, double remainingPath) {

  public Map<String, Object> evidence() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("time", time);
    m.put("loss", loss);
    m.put("gradient_norm", gradientNorm);
    m.put("evaluations", evaluations);
    m.put("remaining_path_estimate", remainingPath);
    return m;
  }

  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT, "t = %.4g, loss = %.3g, |grad| = %.3g, %d evaluations",
        time, loss, gradientNorm, evaluations);
  }
}
