package ibcheck.crosscheck.kinds.flow;

import ibcheck.crosscheck.CheckKind;
import ibcheck.crosscheck.NumericCheck;
import ibcheck.flow.GradientFlow;
import ibcheck.symbolic.TheoremSession;
import ibcheck.verdict.ClaimResult;
import java.util.Map;

/**
 * A cross-check of a flow-limit kind: the model's gradient flow to convergence ({@link GradientFlow})
 * at every value of its {@link FlowSweep}, judged by the kind. A flow that fails, or whose
 * certificate cannot resolve the tolerance (estimated remaining path longer than it), makes the
 * check an error rather than a verdict.
 *
 * @param sweep the model, settings, data, tolerance and budget
 * @param judge the kind's judgement of the flow limits
 */
record FlowCheck(FlowSweep sweep, Judge judge) implements NumericCheck {
  /** How a flow-limit kind judges the flow limits of its sweep. */
  @FunctionalInterface
  interface Judge {
    ClaimResult judge(CheckContext ctx) throws CheckContext.Failed;
  }

  @Override
  public CheckKind.Header header() {
    return sweep.header();
  }

  @Override
  public ClaimResult run(TheoremSession session) {
    CheckContext ctx = new CheckContext(sweep, session, GradientFlow.Settings.DEFAULT);
    try {
      return judge.judge(ctx);
    } catch (CheckContext.Failed e) {
      return e.result;
    }
  }

  @Override
  public FlowCheck instantiate(Map<String, Double> drawn) {
    return new FlowCheck(sweep.instantiate(drawn), judge);
  }
}
