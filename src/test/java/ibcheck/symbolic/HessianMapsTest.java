package ibcheck.symbolic;

import static ibcheck.TheoremFiles.theorem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibcheck.TheoremFiles;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Verdict;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Hessian-map checker is right both ways on fields whose answer is known. */
class HessianMapsTest {
  static final String HEADER = "symbols:\n  b1: real\n  b2: real\n  b3: real\ndefine:\n"
      + "  nrm(v_): Sqrt(Dot(v, v))\n"
      + "  rankone(v_): IdentityMatrix(Length(v)) + Outer(Times, v, v)\n"
      + "  cubic(v_): nrm(v)*IdentityMatrix(Length(v)) + Outer(Times, v, v)/nrm(v)\n";

  @TempDir Path dir;

  private ClaimResult step(String show, String extra) {
    var run = TheoremFiles.check(dir, Map.of("h.yaml", theorem("h", HEADER, "  - name: s\n    show: " + show + "\n" + extra)));
    return run.claim("h", "s");
  }

  @Test
  void identityPlusRankOneIsNotAHessianMap() {
    for (String vars : new String[] {"{b1, b2}", "{b1, b2, b3}"}) {
      ClaimResult r = step("HessianMapQ(rankone(" + vars + "), " + vars + ")", "");
      assertEquals(Verdict.REFUTED, r.verdict(), r.message());
      assertTrue(r.message().contains("(i, j, k) = ("), r.message());
      assertTrue(r.message().contains("difference"), r.message());
    }
  }

  @Test
  void statingThatItIsNotAHessianMapIsProvedByTheOffendingTriple() {
    ClaimResult r = step("HessianMapQ(rankone({b1, b2, b3}), {b1, b2, b3})", "    expect: false\n");
    assertTrue(r.verdict().passes(), r.message());
    assertTrue(r.message().contains("(i, j, k) = (1, "), r.message());
  }

  @Test
  void theHessianOfTheCubeOfTheNormPasses() {
    // ||b|| I + b b^T / ||b|| is the Hessian of ||b||^3 / 3
    for (String vars : new String[] {"{b1, b2}", "{b1, b2, b3}"}) {
      ClaimResult r = step("HessianMapQ(cubic(" + vars + "), " + vars + ")", "    timeout: 60\n");
      assertTrue(r.verdict() == Verdict.PROVED || r.verdict() == Verdict.CHECKED_NUMERICALLY, r.message());
    }
    ClaimResult direct = step("D(nrm({b1, b2})^3/3, {{b1, b2}, 2}) == cubic({b1, b2})", "");
    assertTrue(direct.verdict().passes(), direct.message());
  }

  @Test
  void aDiagonalMetricAlwaysPasses() {
    ClaimResult r = step("HessianMapQ(DiagonalMatrix({1/Sqrt(b1^2 + 4), 1/Sqrt(b2^2 + 4), Exp(b3)}), {b1, b2, b3})", "");
    assertEquals(Verdict.PROVED, r.verdict(), r.message());
  }

  @Test
  void aFieldOfTheWrongShapeIsAnError() {
    ClaimResult r = step("HessianMapQ({b1, b2}, {b1, b2})", "");
    assertEquals(Verdict.ERROR, r.verdict());
    assertTrue(r.message().contains("2 x 2 real matrix"), r.message());
  }
}
