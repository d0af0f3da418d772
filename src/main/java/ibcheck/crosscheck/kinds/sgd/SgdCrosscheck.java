package ibcheck.crosscheck.kinds.sgd;

import ibcheck.crosscheck.CheckKind;
import ibcheck.crosscheck.NumericCheck;
import ibcheck.crosscheck.read.Drawn;
import ibcheck.symbolic.TheoremSession;
import ibcheck.verdict.ClaimResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A cross-check of the SGD family: its settings grid, the file's formulas, and the run of its kind
 * ({@link SgdCheck} for moment and stability, {@link SharpnessCheck} for sharpness).
 *
 * @param header name, time limit and {@code file:line}
 * @param mode which SGD claim it is
 * @param sgd the settings and formulas
 * @param tolerance the allowed relative error, in (0, 1)
 * @param runner the kind's run
 * @param instance whether a property drew it: judged alike, but without report figures, which nobody sees
 */
record SgdCrosscheck(CheckKind.Header header, Mode mode, SgdSettings sgd, double tolerance, Runner runner,
    boolean instance) implements NumericCheck {
  /** The SGD claims. */
  enum Mode {
    /** The file's one-step moment formulas equal the exact moments over all batches (or Monte Carlo). */
    MOMENT,
    /** The critical eta of the file's second-moment operator is the exact one, and its conditions hold below it. */
    STABILITY,
    /** GD's sharpness at the minimum found is within the file's bound (2/eta), and close to it at the largest eta. */
    SHARPNESS
  }

  /** How the kind runs a check. */
  @FunctionalInterface
  interface Runner {
    ClaimResult run(TheoremSession session, SgdCrosscheck check);
  }

  @Override
  public ClaimResult run(TheoremSession session) {
    return runner.run(session, this);
  }

  /**
   * This cross-check on one drawn instance: each drawn setting replaces its grid values (with
   * explicit components only eta and B are settings).
   */
  @Override
  public SgdCrosscheck instantiate(Map<String, Double> drawn) {
    // explicit components fix the data: only the step and the batch remain to draw
    Drawn d = Drawn.of(drawn, name(), sgd.components() != null ? List.of("eta", "B") : SgdKind.fields(mode).drawable());
    Map<String, double[]> grid = new LinkedHashMap<>(sgd.grid());
    d.all().forEach((k, v) -> grid.put(k, new double[] {v}));
    return new SgdCrosscheck(header, mode, sgd.withGrid(grid), tolerance, runner, true);
  }
}
