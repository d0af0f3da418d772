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
  static final String HEADER = "symbols:\n  b1: real\n  b2: real\n  b3: real\n  b: real in [-3, 3]\n  dl: real in [-5, 5]\ndefine:\n"
      + "  nrm(v_): Sqrt(Dot(v, v))\n"
      + "  rankone(v_): IdentityMatrix(Length(v)) + Outer(Times, v, v)\n"
      + "  cubic(v_): nrm(v)*IdentityMatrix(Length(v)) + Outer(Times, v, v)/nrm(v)\n"
      + "  asq(v_, dl_): dl/2 + Sqrt(dl^2/4 + Dot(v, v))\n"
      + "  warped(v_, dl_): Sqrt(asq(v, dl))*IdentityMatrix(Length(v)) + Outer(Times, v, v)/asq(v, dl)^(3/2)\n"
      + "  plain(v_, dl_): asq(v, dl)*IdentityMatrix(Length(v)) + Outer(Times, v, v)/asq(v, dl)\n";

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

  // --- every dimension at once: HessianMapQ(H, b) with b a single symbol ---

  @Test
  void inEveryDimensionTheCubeOfTheNormIsProvedAndTheRankOneFieldIsNot() {
    ClaimResult cubic = step("HessianMapQ(cubic(b), b)", "");
    assertEquals(Verdict.PROVED, cubic.verdict(), cubic.message());
    assertTrue(cubic.message().contains("dimensions 2 to 5"), cubic.message());
    assertEquals("true", ((Map<?, ?>) cubic.evidence().get("cas")).get("outcome"));

    ClaimResult rankOne = step("HessianMapQ(rankone(b), b)", "");
    assertEquals(Verdict.REFUTED, rankOne.verdict(), rankOne.message());
    assertTrue(rankOne.message().contains("in dimension 2: (i, j, k) = ("), rankOne.message());
    assertTrue(rankOne.message().contains("difference"), rankOne.message());

    // stated as "not a Hessian map": the witness's triple in d = 2, confirmed exactly at its point
    ClaimResult not = step("HessianMapQ(rankone(b), b)", "    expect: false\n");
    assertEquals(Verdict.PROVED, not.verdict(), not.message());
    assertTrue(String.valueOf(((Map<?, ?>) not.evidence().get("cas")).get("method")).startsWith("exact counterexample"),
        not.evidence().toString());
  }

  @Test
  void inEveryDimensionTheSingleNeuronsMetricFailsAndItsWarpedFormPasses() {
    ClaimResult plain = step("HessianMapQ(Inverse(plain(b, dl)), b)", "    expect: false\n    cas: off\n");
    assertEquals(Verdict.CHECKED_NUMERICALLY, plain.verdict(), plain.message());
    assertTrue(plain.message().contains("(i, j, k)"), plain.message());
    ClaimResult warped = step("HessianMapQ(Inverse(warped(b, dl)), b)", "    cas: off\n");
    assertEquals(Verdict.CHECKED_NUMERICALLY, warped.verdict(), warped.message());
    assertTrue(warped.message().startsWith("CAS not asked (cas: off)"), warped.message());
  }

  @Test
  void theSingleNeuronsMetricIsProvedNotAHessianMapAtTheWitnessesExactPoint() {
    // nested radicals that Simplify does not settle: the witness's rational point, evaluated exactly
    for (String field : new String[] {"Inverse(plain({b1, b2}, dl)), {b1, b2}", "Inverse(plain(b, dl)), b"}) {
      ClaimResult r = step("HessianMapQ(" + field + ")", "    expect: false\n    timeout: 60\n");
      assertEquals(Verdict.PROVED, r.verdict(), r.message() + " " + r.evidence().get("cas"));
      Map<?, ?> cas = (Map<?, ?>) r.evidence().get("cas");
      assertTrue(String.valueOf(cas.get("method")).startsWith("exact counterexample"), cas.toString());
      // on M = plain(...) itself: ((dM/db_k) H)_lj == ((dM/db_j) H)_lk fails at the point, enclosed away from 0
      assertTrue(String.valueOf(cas.get("method")).contains("on M"), cas.toString());
      assertTrue(String.valueOf(cas.get("result")).contains("(l, j, k) = (") && cas.get("result").toString()
          .contains("nonzero=true"), cas.toString());
    }
    // the warped metric is a Hessian map: stating the opposite is refuted, never proved
    ClaimResult warped = step("HessianMapQ(Inverse(warped(b, dl)), b)", "    expect: false\n");
    assertEquals(Verdict.REFUTED, warped.verdict(), warped.message());
  }

  @Test
  void aFalseHessianMapClaimInThreeDimensionsIsSettledAtThePointBeforeAnyProofAttempt() {
    // the proof attempt on the 12 relations of this field alone outlasts the step's time limit
    ClaimResult r = step("HessianMapQ(Inverse(plain({b1, b2, b3}, dl)), {b1, b2, b3})", "    expect: false\n    timeout: 15\n");
    assertEquals(Verdict.PROVED, r.verdict(), r.message() + " " + r.evidence().get("cas"));
    Map<?, ?> cas = (Map<?, ?>) r.evidence().get("cas");
    assertTrue(String.valueOf(cas.get("method")).startsWith("exact counterexample"), cas.toString());
    assertTrue(String.valueOf(cas.get("result")).startsWith("(l, j, k) = ("), cas.toString());
  }

  @Test
  void theWarpedMetricIsProvedAHessianMapOnTheMatrixItInverts() {
    ClaimResult warped = step("HessianMapQ(Inverse(warped({b1, b2}, dl)), {b1, b2})", "");
    assertEquals(Verdict.PROVED, warped.verdict(), warped.message() + " " + warped.evidence().get("cas"));
    assertTrue(String.valueOf(((Map<?, ?>) warped.evidence().get("cas")).get("method")).startsWith("for H = Inverse(M)"),
        warped.evidence().toString());
    // the unwarped metric, stated a Hessian map, is refuted, not proved
    ClaimResult plain = step("HessianMapQ(Inverse(plain({b1, b2}, dl)), {b1, b2})", "");
    assertEquals(Verdict.REFUTED, plain.verdict(), plain.message());
  }

  @Test
  void aFieldThatIsNotBuiltFromTheVectorAloneCannotBeReduced() {
    ClaimResult component = step("HessianMapQ(DiagonalMatrix({b[[1]], b[[2]]}), b)", "");
    assertEquals(Verdict.ERROR, component.verdict());
    assertTrue(component.message().contains("fixed size"), component.message());
    ClaimResult entrywise = step("HessianMapQ(Sqrt(cubic(b)), b)", "");
    assertEquals(Verdict.ERROR, entrywise.verdict());
    assertTrue(entrywise.message().contains("works on its components"), entrywise.message());
    ClaimResult scalarPlusMatrix = step("HessianMapQ(1 + cubic(b), b)", "");
    assertEquals(Verdict.ERROR, scalarPlusMatrix.verdict());
    assertTrue(scalarPlusMatrix.message().contains("adds it to every entry"), scalarPlusMatrix.message());
    ClaimResult dimension = step("HessianMapQ(Length(b)*cubic(b), b)", "");
    assertEquals(Verdict.ERROR, dimension.verdict());
    assertTrue(dimension.message().contains("depend on the dimension"), dimension.message());
    ClaimResult undeclared = step("HessianMapQ(cubic(w), w)", "");
    assertEquals(Verdict.ERROR, undeclared.verdict());
  }
}
