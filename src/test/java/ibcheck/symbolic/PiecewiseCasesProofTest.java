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

/**
 * Case analysis on piecewise terms (Abs, Max, Min, Ramp, UnitStep, If, Boole, Sign) proves true
 * claims, each with a false neighbour that the same cases must not prove (the witness refutes it).
 */
class PiecewiseCasesProofTest {
  private static final String SYMBOLS = "symbols:\n  z: real\n  b: real\n  r: real\n  w: real\n  x: positive\n"
      + "  c: positive\n  e: nonnegative\n  g: nonnegative\n";

  @TempDir Path dir;

  private ClaimResult check(String show) {
    var run = TheoremFiles.check(dir, Map.of("t.yaml", theorem("t", SYMBOLS, "  - name: s\n    show: '" + show + "'\n")));
    return run.claim("t", "s");
  }

  private void proved(String show) {
    ClaimResult r = check(show);
    assertEquals(Verdict.PROVED, r.verdict(), show + ": " + r.message() + " " + r.evidence().get("cas"));
    String method = String.valueOf(((Map<?, ?>) r.evidence().get("cas")).get("method"));
    assertTrue(method.contains("cases on"), show + " closed by " + method);
  }

  private void refuted(String show) {
    ClaimResult r = check(show);
    assertEquals(Verdict.REFUTED, r.verdict(), show + ": " + r.message() + " " + r.evidence().get("cas"));
  }

  @Test
  void aBranchTheSignsDecideIsTakenWithoutASplit() {
    // aw (|z| + e + g)/|z| >= aw: the Min is its first argument wherever it is defined
    proved("Min(x, x*(Abs(z) + e + g)/Abs(z))^4/(8*x*x*(Abs(z) + e + g)) == x^3/(8*x*(Abs(z) + e + g))");
    refuted("Min(x, x*(Abs(z) - e - 1)/Abs(z)) == x");
    // a case attempt that runs out of budget proves nothing (an aborted form once faked an empty case)
    refuted("Min(x, c/Abs(z*c/x))^4/(8*x*c) == x^3/(8*c)");
  }

  @Test
  void ifSignAndBooleSplitOnTheirConditions() {
    proved("If(z > 0, z, -z) == Abs(z)");
    refuted("If(z > 0, z, 0) == Abs(z)");
    proved("Sign(z - b)*(z - b) == Abs(b - z)");
    refuted("Sign(z - b)*(z - b) == b - z");
    proved("Boole(z >= b) == UnitStep(z - b)");
    refuted("Boole(z > b) == UnitStep(b - z)");
  }

  @Test
  void aProductOfIndicatorsIsTheIndicatorOfTheMinimum() {
    proved("UnitStep(x - c)*UnitStep(e - c*Abs(z)) == UnitStep(Min(x, e/Abs(z)) - c)");
    refuted("UnitStep(x - c)*UnitStep(e - c*Abs(z)) == UnitStep(Max(x, e/Abs(z)) - c)");
  }

  @Test
  void aConditionLinearInOneSymbolNarrowsItsRange() {
    proved("Abs(11*z/5) + 2*Abs(1 - z) >= 2");
    refuted("Abs(11*z/5) + 2*Abs(1 - z) >= 21/10");
  }

  @Test
  void aCaseConditionIsUsedAsAMultipleInTheLeaf() {
    // 2|z b| <= r^2 + w^2 + 2|z b - r w|: in each case a multiple of the condition and a square remain
    proved("2*Abs(z*b) <= r^2 + w^2 + 2*Abs(z*b - r*w)");
    refuted("2*Abs(z*b) <= r^2 + w^2 + Abs(z*b - r*w)");
  }

  @Test
  void bothSidesNonNegativeAreComparedSquared() {
    proved("Min(e, g) <= Sqrt(e*g)");
    refuted("Min(e, g) <= Sqrt(e*g)/2");
    proved("Abs(z) + Abs(b) <= Sqrt(z^2 + b^2 + r^2 + w^2 + 2*Abs(z*b - r*w))");
  }
}
