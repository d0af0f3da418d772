package ibcheck.crosscheck.kinds.flow;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ibcheck.crosscheck.KindContract;
import ibcheck.crosscheck.KindFixture;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Verdict;
import org.junit.jupiter.api.Test;

/**
 * The {@code invariant} kind: a conserved quantity stated in the file (w+ w-) is checked along the real
 * model's flow, and one that is not conserved (w+ / w-) fails.
 */
class InvariantKindTest extends KindContract {
  static final String CHECK = """
      name: c
      kind: invariant
      model: diagonal-network
      conserved: CONSERVED
      sweep: {alpha: [0.01, 1]}
      data: {rows: 3, cols: 6, sparse-truth: 2, seed: 7}
      tolerance: 1e-8
      """;

  InvariantKindTest() {
    super(KindFixture.definitionsOf("woodworth2020-q-alpha"), new Claims(CHECK, "CONSERVED", "wp*wm", "wp/wm",
        Verdict.DISAGREES, "[0.01, 1]", "[]", "sweep:", "the sweep of 'alpha' has no values"));
  }

  @Override
  protected void rejected(ClaimResult r) {
    assertTrue(r.message().contains("is NOT conserved"), r.message());
  }

  @Test
  void anUnknownParameterBlockIsAnErrorNamingTheBlocks() {
    ClaimResult r = fixture.assertVerdict(Verdict.ERROR, CHECK.replace("CONSERVED", "up*wm"));
    assertTrue(r.message().contains("parameter blocks are wp, wm"), r.message());
  }
}
