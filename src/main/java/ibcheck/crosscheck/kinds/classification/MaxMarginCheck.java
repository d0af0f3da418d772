package ibcheck.crosscheck.kinds.classification;

import ibcheck.bias.HardMarginSvm;
import ibcheck.crosscheck.CheckKind;
import ibcheck.crosscheck.Judgement;
import ibcheck.crosscheck.NumericCheck;
import ibcheck.crosscheck.read.Drawn;
import ibcheck.symbolic.InvalidExpressionException;
import ibcheck.symbolic.TheoremSession;
import ibcheck.verdict.ClaimResult;
import java.util.List;
import java.util.Map;

/**
 * {@code kind: max-margin} (Soudry, Hoffer, Nacson, Gunasekar and Srebro 2018): a model
 * linear in its parameters w, trained without regularisation on separable classification data with
 * the file's loss {@code l(u)} of the margin {@code u = y w . phi(x)}, by gradient flow (integrated in
 * log time to {@code t = e^300}) or gradient descent. The file states
 *
 * <ul>
 *   <li>{@code loss}: l(u) in Symja; the dynamics use {@code g = -l'} from Symja's {@code D};
 *   <li>{@code predicts.offset}: the law of the bounded part, {@code w(t) = w_hat log t + w_tilde + o(1)}
 *       with {@code z_i . w_tilde = offset(alpha_i, eta)} on every support vector (alpha_i its
 *       hard-margin multiplier, eta the step, 1 for the flow);
 *   <li>{@code predicts.rate}: the rate r(t) of the direction's convergence; the angle to w_hat must
 *       follow {@code tan(angle) = C r / (1 + c0 r)}, which {@code w_hat log t + w_tilde} obeys exactly
 *       for r = 1/log t (C = |P_perp w_tilde| / |w_hat|, c0 = w_hat . w_tilde / |w_hat|^2).
 * </ul>
 *
 * The max-margin vector w_hat and the alpha_i come from {@link HardMarginSvm} (Hipparchus ADMM on
 * the dual, exact active-set polish, KKT certificate). Verdict: the residual
 * {@code |w(T) - w_hat log T - w_tilde|} at the end within {@code tolerance} (only its part in the
 * span of the support vectors when the support vectors do not span the data, since the rest of
 * w_tilde then depends on the path), and on the second half of the log-time range the fit of
 * {@code cot(angle)} against {@code 1/r} within {@code band} (relative deviation), with the fitted C
 * within {@code band} of the predicted {@code |P_perp w_tilde| / |w_hat|} when w_tilde is pinned.
 *
 * <p>The parts: {@link MaxMarginKind} declares the fields and {@link MaxMarginReader} reads them; {@link MarginLaws} compiles the formulas;
 * {@link MarginProblem} sets up the model, the data and w_hat; {@link MarginOffset} solves the offset
 * law for w_tilde; {@link MarginTrajectory} trains and samples; {@link AngleRateFit} and
 * {@link ResidualDecay} fit the rates; {@link MaxMarginVerdict} judges and reports.
 */
final class MaxMarginCheck {

  private MaxMarginCheck() {}

  /**
   * One max-margin cross-check as read.
   *
   * @param lossLocation {@code file:line} of the loss
   * @param predictsLocation {@code file:line} of the predictions, where a formula's error is reported
   * @param decay {@code residual: decay}: a residual over the tolerance may pass while still decaying
   */
  record Check(CheckKind.Header header, MarginModel model, SeparableData data, String loss, String lossLocation,
      MarginMethod method, String rate, String offset, String predictsLocation, double tolerance, double band,
      boolean decay) implements NumericCheck {

    @Override
    public NumericCheck instantiate(Map<String, Double> drawn) {
      Drawn d = Drawn.of(drawn, name(), MaxMarginKind.FIELDS.drawable());
      return new Check(header, model.drawn(d), data.drawn(d, name()), loss, lossLocation, method, rate, offset,
          predictsLocation, tolerance, band, decay);
    }

    @Override
    public ClaimResult run(TheoremSession session) {
      Judgement judgement = Judgement.start(header());
      try {
        return MaxMarginCheck.run(this, session, judgement);
      } catch (InvalidExpressionException e) {
        return judgement.error(e.getMessage(), predictsLocation);
      } catch (IllegalArgumentException | IllegalStateException e) {
        return judgement.error(e.getMessage(), location());
      }
    }
  }

  static ClaimResult run(Check c, TheoremSession session, Judgement judgement) throws InvalidExpressionException {
    MarginLaws laws = MarginLaws.compile(session, c);
    MarginProblem problem = MarginProblem.of(c.model(), c.data());
    MarginOffset offset = MarginOffset.of(problem, laws.offset(), c.method().step(), c.offset());
    ResidualDecay decay = ResidualDecay.of(problem);
    MarginTrajectory trajectory = MarginTrajectory.train(problem, offset, laws.negativeDerivative()::value, c.method());
    AngleRateFit fit = AngleRateFit.of(trajectory, laws.rate(), c.rate());
    MaxMarginVerdict verdict = new MaxMarginVerdict(c, laws, problem, offset, decay, trajectory, fit);
    List<String> failures = verdict.failures();
    return judgement.holds(failures.isEmpty(), verdict.message(failures), verdict.evidence());
  }
}
