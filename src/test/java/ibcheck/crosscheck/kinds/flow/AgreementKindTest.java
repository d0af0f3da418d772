package ibcheck.crosscheck.kinds.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibcheck.crosscheck.KindFixture;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Verdict;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code agreement} kind (the default): the diagonal network's flow limit against argmin Q_alpha. */
class AgreementKindTest {
  static final String CHECK = """
      name: c
      model: diagonal-network
      sweep: {alpha: [0.3, 1]}
      data: {rows: 3, cols: 6, sparse-truth: 2, seed: 7}
      predicts:
        potential: POTENTIAL
        coordinate: b
      tolerance: 1e-6
      """;

  @TempDir Path dir;
  KindFixture fixture;

  @BeforeEach
  void fixture() {
    fixture = KindFixture.definitionsOf(dir, "woodworth2020-q-alpha");
  }

  @Test
  void theFlowLimitAgreesWithArgminQAlpha() {
    ClaimResult r = fixture.run(CHECK.replace("POTENTIAL", "Qa(b, alpha)"));
    assertEquals(Verdict.AGREES, r.verdict(), r.message());
  }

  @Test
  void aPotentialWithTheWrongScaleDisagrees() {
    ClaimResult r = fixture.run(CHECK.replace("POTENTIAL", "alpha*q(b/alpha)"));
    assertEquals(Verdict.DISAGREES, r.verdict(), r.message());
  }

  @Test
  void aToleranceOutsideItsRangeNamesTheFieldAndLine() {
    ClaimResult r = fixture.run(CHECK.replace("POTENTIAL", "Qa(b, alpha)").replace("tolerance: 1e-6", "tolerance: 2"));
    assertEquals(Verdict.ERROR, r.verdict(), r.message());
    assertEquals(fixture.location("tolerance: 2"), r.location());
    assertEquals("'tolerance' must be in (0, 1), got 2", r.message());
  }
}
