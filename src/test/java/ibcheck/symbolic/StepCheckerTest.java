package ibcheck.symbolic;

import static ibcheck.TheoremFiles.theorem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibcheck.TheoremFiles;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Verdict;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the symbolic leg must establish, one verdict at a time. */
class StepCheckerTest {
  static final String Q = "symbols:\n  z: real\n  a: positive\ndefine:\n  q(z_): 2 - Sqrt(4 + z^2) + z*ArcSinh(z/2)\n";

  @TempDir Path dir;

  private ClaimResult single(String show, String extra) {
    var run = TheoremFiles.check(dir, Map.of("t.yaml",
        theorem("t", Q, "  - name: s\n    show: " + show + "\n" + extra)));
    return run.claim("t", "s");
  }

  @Test
  void aTrueIdentityIsProved() {
    ClaimResult r = single("D(q(z), z) == ArcSinh(z/2)", "");
    assertEquals(Verdict.PROVED, r.verdict(), r.message());
  }

  @Test
  void aWrongClaimIsRefutedWithItsCounterexample() {
    ClaimResult r = single("D(q(z), z) == ArcSinh(z)", "");
    assertEquals(Verdict.REFUTED, r.verdict(), r.message());
    @SuppressWarnings("unchecked")
    Map<String, Object> witness = (Map<String, Object>) r.evidence().get("witness");
    assertNotNull(witness.get("counterexample"), "the counterexample point is recorded");
    assertTrue(r.message().startsWith("counterexample: at z = "), r.message());
  }

  /** A counterexample names the symbols the claim depends on (through its definitions too), no others. */
  @Test
  void aCounterexampleNamesOnlyTheClaimsSymbols() {
    var run = TheoremFiles.check(dir, Map.of("t.yaml", theorem("t",
        "symbols:\n  z: real\n  a: positive\n  b: real\n  c: real\ndefine:\n  f(x_): x^2 + a\n",
        "  - name: s\n    show: f(z) == z^2\n")));
    ClaimResult r = run.claim("t", "s");
    assertEquals(Verdict.REFUTED, r.verdict(), r.message());
    assertTrue(r.message().matches("counterexample: at z = [^,]+, a = [^:]+: .*"), r.message());
  }

  @Test
  void aWrongInequalityIsRefuted() {
    assertEquals(Verdict.REFUTED, single("q(z) <= z^2/4 - z^4/200", "").verdict());
  }

  @Test
  void theLimitSymjaGetsWrongIsNeverProvedNorRefuted() {
    // Symja 3.0.0 returns 0; the truth is 1.
    ClaimResult r = single("Limit(q(z)/(z*Log(z)), z -> Infinity) == 1", "");
    assertTrue(r.verdict() == Verdict.CONFLICT || r.verdict() == Verdict.CHECKED_NUMERICALLY, r.message());
    // ... and the CAS's wrong value does not get proved either
    ClaimResult wrong = single("Limit(q(z)/(z*Log(z)), z -> Infinity) == 0", "");
    assertNotEquals(Verdict.PROVED, wrong.verdict(), wrong.message());
    assertTrue(wrong.verdict() == Verdict.CONFLICT || wrong.verdict() == Verdict.REFUTED, wrong.message());
  }

  @Test
  void aWrongSeriesCoefficientIsRefuted() {
    assertEquals(Verdict.REFUTED, single("q(z) == z^2/4 - z^4/96 + O(z^6)", "").verdict());
    assertEquals(Verdict.PROVED, single("q(z) == z^2/4 - z^4/192 + O(z^6)", "").verdict());
  }

  @Test
  void aClaimStatedFalseIsProvedFalseByItsCounterexample() {
    ClaimResult r = single("q(z) == z^2/4", "    expect: false\n");
    assertTrue(r.verdict().passes(), r.message());
    ClaimResult actuallyTrue = single("q(0) == 0", "    expect: false\n");
    assertEquals(Verdict.REFUTED, actuallyTrue.verdict(), actuallyTrue.message());
  }

  @Test
  void anExpressionIsNotAClaim() {
    ClaimResult r = single("q(z) + 1", "");
    assertEquals(Verdict.ERROR, r.verdict());
    assertTrue(r.message().startsWith("not a claim"), r.message());
    assertTrue(r.location().endsWith("t.yaml:13"), r.location());
  }

  @Test
  void anUndefinedSymbolIsNamed() {
    ClaimResult r = single("q(y) == 0", "");
    assertEquals(Verdict.ERROR, r.verdict());
    assertTrue(r.message().contains("undefined symbol y"), r.message());
  }

  @Test
  void aSymjaSyntaxErrorIsReported() {
    ClaimResult r = single("q(z == (", "");
    assertEquals(Verdict.ERROR, r.verdict());
    assertTrue(r.message().contains("syntax"), r.message());
  }
}
