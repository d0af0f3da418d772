package ibcheck.crosscheck.kinds.flow;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ibcheck.crosscheck.KindContract;
import ibcheck.crosscheck.KindFixture;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Verdict;

/**
 * The {@code regime} kind: the diagonal network goes from the rich to the kernel regime as alpha
 * grows; a sweep that stays in the kernel regime shows no regime change.
 */
class RegimeKindTest extends KindContract {
  static final String CHECK = """
      name: c
      kind: regime
      model: diagonal-network
      sweep: {alpha: SWEEP}
      data: {rows: 3, cols: 6, sparse-truth: 2, seed: 7}
      tolerance: 1e-6
      """;

  RegimeKindTest() {
    super(KindFixture.with(""), new Claims(CHECK, "SWEEP", "[0.01, 0.3, 10]", "[30, 100]", Verdict.DISAGREES,
        "[0.01, 0.3, 10]", "[1, 0.3]", "sweep:", "a regime cross-check needs an increasing sweep"));
  }

  @Override
  protected void rejected(ClaimResult r) {
    assertTrue(r.message().contains("no regime change along the sweep"), r.message());
  }
}
