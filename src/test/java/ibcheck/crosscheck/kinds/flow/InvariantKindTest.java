package ibcheck.crosscheck.kinds.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibcheck.crosscheck.KindFixture;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@code invariant} kind: a conserved quantity stated in the file is checked along the real model's flow, and can fail. */
class InvariantKindTest {
  static final String CHECK = """
      name: c
      kind: invariant
      model: diagonal-network
      conserved: CONSERVED
      sweep: {alpha: [0.01, 1]}
      data: {rows: 3, cols: 6, sparse-truth: 2, seed: 7}
      tolerance: 1e-8
      """;

  @RegisterExtension final KindFixture fixture = KindFixture.definitionsOf("woodworth2020-q-alpha");

  private ClaimResult run(String conserved) {
    return fixture.run(CHECK.replace("CONSERVED", conserved));
  }

  @Test
  void theConservedProductAgrees() {
    ClaimResult r = run("wp*wm");
    assertEquals(Verdict.AGREES, r.verdict(), r.message());
  }

  @Test
  void aQuantityThatIsNotConservedDisagrees() {
    ClaimResult r = run("wp/wm");
    assertEquals(Verdict.DISAGREES, r.verdict(), r.message());
    assertTrue(r.message().contains("is NOT conserved"), r.message());
  }

  @Test
  void anUnknownParameterBlockIsAnErrorNamingTheBlocks() {
    ClaimResult r = run("up*wm");
    assertEquals(Verdict.ERROR, r.verdict(), r.message());
    assertTrue(r.message().contains("parameter blocks are wp, wm"), r.message());
  }

  @Test
  void anEmptySweepNamesTheSweepAndLine() {
    fixture.assertReadingError(CHECK.replace("CONSERVED", "wp*wm").replace("[0.01, 1]", "[]"), "sweep:",
        "the sweep of 'alpha' has no values");
  }
}
