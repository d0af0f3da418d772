package ibcheck.crosscheck.kinds.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ibcheck.crosscheck.KindFixture;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Verdict;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code threshold} kind: Woodworth et al.'s alpha_2(eps), at which the l2 norm is within 1 + eps of the minimum. */
class ThresholdKindTest {
  static final String CHECK = """
      name: c
      kind: threshold
      model: diagonal-network
      scale: alpha
      threshold: THRESHOLD
      norm: l2
      eps: [0.1, 1]
      data: {rows: 3, cols: 6, sparse-truth: 2, seed: 7}
      tolerance: 1e-9
      """;

  @TempDir Path dir;
  KindFixture fixture;

  @BeforeEach
  void fixture() {
    fixture = KindFixture.definitionsOf(dir, "woodworth2020-q-alpha");
  }

  @Test
  void theTheoremsThresholdHolds() {
    ClaimResult r = fixture.run(CHECK.replace("THRESHOLD", "alphaL2(eps, n2)"));
    assertEquals(Verdict.AGREES, r.verdict(), r.message());
  }

  @Test
  void aThresholdAHundredTimesTooSmallIsCaught() {
    ClaimResult r = fixture.run(CHECK.replace("THRESHOLD", "alphaL2(eps, n2)/100"));
    assertEquals(Verdict.DISAGREES, r.verdict(), r.message());
  }

  @Test
  void anUnknownNormNamesTheFieldAndLine() {
    ClaimResult r = fixture.run(CHECK.replace("THRESHOLD", "alphaL2(eps, n2)").replace("norm: l2", "norm: l3"));
    assertEquals(Verdict.ERROR, r.verdict(), r.message());
    assertEquals(fixture.location("norm: l3"), r.location());
    assertEquals("'norm' must be l1 or l2, got 'l3'", r.message());
  }
}
