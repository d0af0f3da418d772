package ibcheck.symbolic;

import static ibcheck.TheoremFiles.theorem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibcheck.TheoremFiles;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Verdict;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analytic inequality methods (triangle inequality, monotonicity, convexity) close the steps
 * they are for, name themselves, and prove nothing false: a false neighbour is refuted by the
 * witness (so the route did not claim it, or the verdict would be conflict) or stays open.
 */
class AnalyticInequalitiesTest {
  static final String SYMBOLS = "symbols:\n  x: real in [-6, 6]\n  y: nonnegative in [0, 40]\n"
      + "  b: positive\n  bz: positive\n  sigma: positive in [0.05, 20]\n  t: nonnegative in [0, 50]\n"
      + "  n: positive integer in [1, 40]\n"
      + "  x1: real in [-3, 3]\n  x2: real in [-3, 3]\n  c1: real in [-3, 3]\n  c2: real in [-3, 3]\n"
      + "define:\n  th: '{x1, x2}'\n  tb: '{c1, c2}'\n";

  @TempDir Path dir;

  private ClaimResult single(String show) {
    var run = TheoremFiles.check(dir, Map.of("t.yaml", theorem("t", SYMBOLS, "  - name: s\n    show: '" + show + "'\n")));
    return run.claim("t", "s");
  }

  private void provedBy(String show, String method) {
    ClaimResult r = single(show);
    assertEquals(Verdict.PROVED, r.verdict(), show + ": " + r.message() + " " + r.evidence().get("cas"));
    String used = String.valueOf(((Map<?, ?>) r.evidence().get("cas")).get("method"));
    assertTrue(used.contains(method), show + " closed by " + used);
  }

  private void notProved(String show, Verdict expected) {
    ClaimResult r = single(show);
    assertEquals(expected, r.verdict(), show + ": " + r.message() + " " + r.evidence().get("cas"));
  }

  @Test
  void triangleInequalityClosesExactInstances() {
    provedBy("Norm(th) <= Norm(th - tb) + Norm(tb)", "triangle inequality");
    provedBy("Norm(th - tb) <= Norm(th) + Norm(tb)", "triangle inequality");
  }

  @Test
  void triangleInequalityNeedsAnExactMatch() {
    // a sign slip: the reverse triangle inequality goes the other way
    notProved("Norm(th) <= Norm(th - tb) - Norm(tb)", Verdict.REFUTED);
    notProved("Norm(th) + Norm(tb) <= Norm(th - tb)", Verdict.REFUTED);
  }

  @Test
  void monotonicityClosesSmoothOneVariableInequalities() {
    // even in x: reduced to x >= 0, where g(0) = 0 and g' = x Sech(x)^2 >= 0
    provedBy("x*Tanh(x) - Log(Cosh(x)) >= 0", "monotonicity");
    // a bound by a minimum: 1 - e^-y <= 1 by signs, 1 - e^-y <= y by g(0) = 0, g' = 1 - e^-y, g'' = e^-y
    provedBy("1 - Exp(-y) <= Min(1, y)", "monotonicity");
  }

  @Test
  void monotonicityProvesNothingFalse() {
    notProved("x*Tanh(x) - Log(Cosh(x)) >= x/10", Verdict.REFUTED);
    notProved("1 - Exp(-y) <= Min(1, y/2)", Verdict.REFUTED);
    // g(0) = 0 and g' >= 0 only for y >= 0: on all reals (x) the claim fails for x < 0
    notProved("Exp(x) - 1 - x^3 >= 0", Verdict.REFUTED);
  }

  @Test
  void convexityClosesTheBregmanDivergence() {
    provedBy("b*Log(b/bz) - b + bz >= 0", "convexity");
  }

  @Test
  void convexityNeedsTheMinimumToBeNonnegative() {
    notProved("b*Log(b/bz) - b + bz/2 >= 0", Verdict.REFUTED);
    // the stationary point b = bz + 1 is not the tangent point of a non-negative function
    assertNotEquals(Verdict.PROVED, single("b*Log(b/bz) - 2*b + bz >= 0").verdict());
  }
}
