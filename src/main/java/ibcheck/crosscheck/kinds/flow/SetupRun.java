package ibcheck.crosscheck.kinds.flow;

import ibcheck.crosscheck.CheckKind;
import ibcheck.crosscheck.Judgement;
import ibcheck.symbolic.InvalidExpressionException;
import ibcheck.verdict.ClaimResult;
import java.util.function.UnaryOperator;

/**
 * Runs the judgement of a check on a {@link FlowSetup} ({@code potential-argmin}, {@code time-warp}):
 * what keeps it from a verdict becomes an error result of the check, reported at the file's formula
 * when that formula cannot be used.
 */
final class SetupRun {
  private SetupRun() {}

  /** One check's judgement. */
  @FunctionalInterface
  interface Judge {
    ClaimResult judge(Judgement judgement) throws FlowSetup.Failure, InvalidExpressionException;
  }

  /**
   * @param formulaLocation where the file's formula is written
   * @param formulaMessage the message for a formula that cannot be used, from the CAS's
   */
  static ClaimResult run(CheckKind.Header header, String formulaLocation, UnaryOperator<String> formulaMessage,
      Judge judge) {
    Judgement judgement = Judgement.start(header);
    try {
      return judge.judge(judgement);
    } catch (FlowSetup.Failure | IllegalArgumentException | IllegalStateException e) {
      return FlowSetup.error(header.name(), header.location(), judgement.seconds(), e.getMessage());
    } catch (InvalidExpressionException e) {
      return FlowSetup.error(header.name(), formulaLocation, judgement.seconds(), formulaMessage.apply(e.getMessage()));
    }
  }
}
