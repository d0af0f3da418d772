package ibcheck.crosscheck;

import ibcheck.flow.GradientFlow;
import ibcheck.symbolic.TheoremSession;
import ibcheck.verdict.ClaimResult;

/**
 * Runs one {@link Crosscheck}: the model's gradient flow to convergence ({@link GradientFlow}) at
 * every point the cross-check names, judged by its kind ({@link AgreementCheck}, {@link RegimeCheck},
 * {@link ThresholdCheck}). A flow that fails, or whose certificate cannot resolve the tolerance
 * (estimated remaining path longer than it), makes the check an error rather than a verdict. Runs on
 * the theorem's symbolic worker thread, since formulas compile from its session.
 */
public final class CrosscheckRunner {
  private final GradientFlow.Settings flowSettings;

  public CrosscheckRunner(GradientFlow.Settings flowSettings) {
    this.flowSettings = flowSettings;
  }

  public CrosscheckRunner() {
    this(GradientFlow.Settings.DEFAULT);
  }

  public ClaimResult run(TheoremSession session, Crosscheck c) {
    if (c.sgd() != null) {
      return c.kind() == Crosscheck.Kind.SHARPNESS ? SharpnessCheck.run(session, c) : SgdCheck.run(session, c);
    }
    CheckContext ctx = new CheckContext(c, session, flowSettings);
    try {
      return switch (c.kind()) {
        case AGREEMENT -> AgreementCheck.run(ctx);
        case REGIME -> RegimeCheck.run(ctx);
        case THRESHOLD -> ThresholdCheck.run(ctx);
        case INVARIANT -> InvariantCheck.run(ctx);
        case MOMENT, STABILITY, SHARPNESS -> throw new IllegalStateException("an SGD cross-check without its settings");
      };
    } catch (CheckContext.Failed e) {
      return e.result;
    }
  }
}
