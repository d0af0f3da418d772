package ibcheck.crosscheck.kinds.sgd;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ibcheck.crosscheck.KindContract;
import ibcheck.crosscheck.KindFixture;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Verdict;

/** The {@code sharpness} kind: GD on a small two-layer tanh network ends at a minimum of sharpness at most 2/eta. */
class SharpnessKindTest extends KindContract {
  static final String CHECK = """
      name: c
      kind: sharpness
      model: two-layer-network
      init: {rows: 10, cols: 3, hidden: 8, seed: 7}
      sweep: {eta: [0.5, 2]}
      predicts:
        bound: BOUND
      tolerance: 1e-6
      """;

  SharpnessKindTest() {
    super(KindFixture.with(""), new Claims(CHECK, "BOUND", "2/eta", "1/eta", Verdict.DISAGREES, "tolerance: 1e-6\n",
        "tolerance: 1e-6\nclose: 2\n", "close: 2", "'close' must be in (0, 1], got 2"));
  }

  /** A bound of one over eta is caught. */
  @Override
  protected void rejected(ClaimResult r) {
    assertTrue(r.message().contains("GD converged to a minimum of sharpness"), r.message());
  }
}
