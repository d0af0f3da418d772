package ibcheck.crosscheck.kinds.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibcheck.crosscheck.KindContract;
import ibcheck.crosscheck.KindFixture;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Figure;
import ibcheck.verdict.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@code potential-argmin} kind on the fully connected network and the leaky-ReLU neuron: the
 * right potential agrees, and a one-place wrong potential (the exponent 5/2 for 3/2, z without its
 * 3/2, a wrong activation) is caught by the cross-check itself.
 */
class PotentialArgminKindTest extends KindContract {
  /** The definitions the potentials use; {@link TimeWarpKindTest} uses them too. */
  static final String DEFINITIONS = "symbols: {x: positive}\ndefine:\n"
      + "  nrm(v_): Sqrt(Dot(v, v))\n"
      + "  bigr(x_, dl_): Sqrt(x^2 + dl^2/4)\n"
      + "  qfc(x_, dl_): (bigr(x, dl) - dl)*Sqrt(bigr(x, dl) + dl/2)\n"
      + "  zfc(b0_, dl_): -3/2*Sqrt(Sqrt(Dot(b0, b0) + dl^2/4) - dl/2)*b0/nrm(b0)\n"
      + "  Qfc(b_, b0_, dl_): qfc(nrm(b), dl) + Dot(zfc(b0, dl), b)\n"
      + "  Qbal(b_, b0_): nrm(b)^(3/2) - 3/2*Dot(b0, b)/Sqrt(nrm(b0))\n"
      + "  lrelu(u_): Max(u, u/5)\n";

  PotentialArgminKindTest() {
    super(KindFixture.with(DEFINITIONS), new Claims(argmin("POTENTIAL", "kkt-tolerance: 1e-8\n"), "POTENTIAL",
        "Qfc(b, b0, dl)", "qfc(nrm(b), dl) - Sqrt(Sqrt(Dot(b0, b0) + dl^2/4) - dl/2)*Dot(b0, b)/nrm(b0)",
        Verdict.DISAGREES, "kkt-tolerance: 1e-8\n", "kkt-tolerance: 1e-8\ninit: {sign: 1}\n", "sweep:",
        "'sign' is both swept and fixed under init"));
  }

  private static String argmin(String potential, String extra) {
    return "name: c\nkind: potential-argmin\nmodel: fc-linear-network\n"
        + "sweep: {alpha: [0.05, 1], shape: [0, 0.5], sign: [1, -1]}\n"
        + "data: {rows: 3, cols: 7, sparse-truth: 2, seed: 3}\n"
        + "predicts:\n  potential: " + potential + "\ntolerance: 1e-6\n" + extra;
  }

  /** The single neuron's potential agrees at every scale, shape and sign. */
  @Override
  protected void passes(ClaimResult r) {
    assertTrue((Double) r.evidence().get("max_error") < 1e-8, r.message());
    assertEquals(8, ((List<?>) r.evidence().get("points")).size());
    assertEquals(1, Figure.of(r.evidence()).size());
  }

  @Test
  void theExponentFiveHalvesIsCaughtByTheCrossCheck() {
    fixture.assertVerdict(Verdict.DISAGREES, argmin("nrm(b)^(5/2) - 3/2*Dot(b0, b)/Sqrt(nrm(b0))", "init: {shape: 0}\n")
        .replace("shape: [0, 0.5], ", ""));
    fixture.assertVerdict(Verdict.AGREES, argmin("Qbal(b, b0)", "init: {shape: 0}\n").replace("shape: [0, 0.5], ", ""));
  }

  /** z without its 3/2 is caught by the cross-check itself. */
  @Override
  protected void rejected(ClaimResult r) {
    assertTrue(r.message().contains("from argmin of"), r.message());
  }

  @Test
  void theLeakyReluNeuronIsTheKktPointOfItsConstraintsAndAWrongSlopeIsCaught() {
    String check = "name: c\nkind: potential-argmin\nmodel: leaky-relu-neuron\ninit: {slope: 1/5}\n"
        + "sweep: {alpha: [0.05, 1], shape: [0, 0.5]}\ndata: {rows: 3, cols: 7, sparse-truth: 2, seed: 3}\n"
        + "predicts:\n  potential: Qfc(b, b0, dl)\n  activation: ACT\ntolerance: 1e-6\nkkt-tolerance: 1e-8\n";
    fixture.assertVerdict(Verdict.AGREES, check.replace("ACT", "lrelu(u)"));
    fixture.assertVerdict(Verdict.DISAGREES, check.replace("ACT", "Max(u, u/4)"));
  }

  @Test
  void aLimitMustBeApproachedAlongTheSweep() {
    String limit = "name: c\nkind: potential-argmin\nmodel: fc-linear-network\n"
        + "init: {shape: 0.5}\nsweep: {alpha: [1e-2, 1e-5, 1e-8], width: [1, 3]}\ndata: {rows: 3, cols: 7, sparse-truth: 2, seed: 3}\n"
        + "predicts:\n  potential: Dot(b, b)\nlimit: LIMIT\ntolerance: 1e-4\n";
    ClaimResult toZero = fixture.assertVerdict(Verdict.AGREES, limit.replace("LIMIT", "alpha -> 0"));
    assertTrue(toZero.message().contains("approaches argmin of Dot(b, b) as alpha -> 0"), toZero.message());
    ClaimResult wrongWay = fixture.assertVerdict(Verdict.DISAGREES, limit.replace("LIMIT", "alpha -> Infinity"));
    assertTrue(wrongWay.message().contains("does not shrink"), wrongWay.message());
  }

  @Test
  void readingErrorsNameTheFieldAndLine() {
    ClaimResult unswept = fixture.assertVerdict(Verdict.ERROR, argmin("Qfc(b, b0, dl)", "limit: width -> 0\n"));
    assertEquals(fixture.location("limit: width -> 0"), unswept.location());
    assertTrue(unswept.message().contains("the limit's setting 'width' must be swept"), unswept.message());
    ClaimResult unknown = fixture.run(argmin("Qfc(b, b0, dl)", "").replace("sign: [1, -1]", "depth: [2]"));
    assertEquals(fixture.location("sweep:"), unknown.location());
    assertEquals("model 'fc-linear-network' needs the settings [alpha, seed, shape, shared, sign, width] (from init"
        + " and sweep; width, sign, seed and shared have defaults), got [alpha, depth, seed, shape, shared, sign, width]", unknown.message());
    ClaimResult noModel = fixture.run(argmin("Qfc(b, b0, dl)", "")
        .replace("fc-linear-network", "diagonal-network").replace("shape: [0, 0.5], sign: [1, -1]", "shape: [0]"));
    assertTrue(noModel.message().contains("needs the settings"), noModel.message());
    ClaimResult undefined = fixture.run(argmin("Qfc(b, c0, dl)", ""));
    assertEquals(Verdict.ERROR, undefined.verdict());
    assertTrue(undefined.message().contains("c0"), undefined.message());
  }
}
