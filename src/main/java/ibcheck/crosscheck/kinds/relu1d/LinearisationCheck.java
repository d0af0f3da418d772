package ibcheck.crosscheck.kinds.relu1d;

import ibcheck.crosscheck.CheckKind;
import ibcheck.crosscheck.Judgement;
import ibcheck.crosscheck.NumericCheck;
import ibcheck.crosscheck.read.Drawn;
import ibcheck.models.WideRelu1D;
import ibcheck.symbolic.InvalidExpressionException;
import ibcheck.symbolic.TheoremSession;
import ibcheck.verdict.ClaimResult;
import java.util.Map;

/**
 * {@code kind: linearisation} (Jin and Montufar; Lee et al. 2019, Theorem H.1): the wide ReLU
 * network on the line ({@link WideRelu1D}, ASI) trained by gradient descent on the MSE, against its
 * linearisation {@code f_lin(x, omega) = f(x, theta_0) + grad f(x, theta_0) (omega - theta_0)}, with
 * the step {@code eta = eta_factor / lambda_max(Theta)} ({@code Theta = J J^T}, J the Jacobian at the
 * data), over a width sweep. Three claims:
 *
 * <ul>
 *   <li>{@code lee}: {@code sup_t sup_x |f_lin(x, omega_t) - f(x, theta_t)|} (t up to where the
 *       linearised residual has fallen by 1e-6, x on the grid) scales like {@code n^exponent}, or with
 *       {@code relation: at-most} at least as fast (an O(n^exponent) bound);
 *   <li>{@code output-layer}: training only the output layer of the linearised model
 *       ({@code W2, b2}) stays within {@code n^exponent} of training all its parameters,
 *       {@code sup_t sup_x |f_lin(x, omega~_t) - f_lin(x, omega_t)|}, at the same step;
 *   <li>{@code min-norm}: gradient descent on the linearised model, run in parameter space until its
 *       residual is below 1e-15 of the target's norm, ends at {@code theta_0 + J^T (J J^T)^{-1} (y - f(X, theta_0))}, the
 *       interpolant closest to theta_0 (and the output-layer-only run at its own minimum-norm point):
 *       relative distance within {@code tolerance} at every width.
 * </ul>
 *
 * For the rates, the error is the root mean square over {@code seeds} initialisations per width; the
 * log-log slope against the width (Hipparchus {@code SimpleRegression}) must lie within {@code band}
 * of the file's {@code exponent} ({@code relation: equals}, the default) or below it plus band
 * ({@code relation: at-most}), and its 95% interval is reported.
 *
 * <p>{@link LinearisationKind} declares the fields and {@link LinearisationReader} reads them;
 * {@link TangentKernel} gives J and Theta, {@link LinearisedFlow} the linearised dynamics;
 * {@link LinearisationRate} and {@link MinNormLimit} judge the claims.
 */
final class LinearisationCheck {
  static final String NAME = "linearisation";

  private LinearisationCheck() {}

  /**
   * One cross-check as read.
   *
   * @param x the training inputs
   * @param y the training targets
   * @param aw the half-width of the uniform distribution of W
   * @param ab the half-width of the uniform distribution of B
   * @param widths the swept widths, increasing
   * @param seeds initialisations per width (the rate claims; min-norm uses the first)
   * @param firstSeed the first initialisation's seed
   * @param etaFactor the step as a multiple of {@code 1/lambda_max(Theta)}
   * @param grid where the outputs are compared
   * @param exponent the predicted exponent (rate claims), a formula
   * @param predictsLocation {@code file:line} of the prediction
   * @param band the allowed distance of the fitted exponent (rate claims)
   * @param tolerance the allowed relative distance to the minimum-norm point (min-norm)
   * @param atMost {@code relation: at-most}
   */
  record Check(CheckKind.Header header, String claim, double[] x, double[] y, double aw, double ab, int[] widths,
      int seeds, long firstSeed, double etaFactor, double[] grid, String exponent, String predictsLocation, double band,
      double tolerance, boolean atMost) implements NumericCheck {

    @Override
    public NumericCheck instantiate(Map<String, Double> drawn) {
      Drawn d = Drawn.of(drawn, name(), LinearisationKind.FIELDS.drawable());
      return new Check(header, claim, x, y, aw, ab, widths, d.integer("seeds", seeds), d.longInteger("seed", firstSeed),
          etaFactor, grid, exponent, predictsLocation, band, tolerance, atMost);
    }

    @Override
    public ClaimResult run(TheoremSession session) {
      Judgement judgement = Judgement.start(header());
      try {
        return claim.equals("min-norm") ? MinNormLimit.judge(this, judgement)
            : LinearisationRate.judge(this, session, judgement);
      } catch (InvalidExpressionException e) {
        return judgement.error("the exponent '" + exponent + "': " + e.getMessage(), predictsLocation);
      } catch (IllegalArgumentException | IllegalStateException e) {
        return judgement.error(e.getMessage(), location());
      }
    }
  }
}
