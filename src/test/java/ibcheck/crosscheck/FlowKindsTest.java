package ibcheck.crosscheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibcheck.TheoremFiles;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Figure;
import ibcheck.verdict.Verdict;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kinds {@code potential-argmin} and {@code time-warp} on the fully connected network: the
 * right potential agrees, and a one-place wrong potential (the exponent 5/2 for 3/2, z without its
 * 3/2, a wrong activation) is caught by the cross-check itself.
 */
class FlowKindsTest {
  @TempDir Path dir;

  static final String HEADER = "symbols: {x: positive}\ndefine:\n"
      + "  nrm(v_): Sqrt(Dot(v, v))\n"
      + "  bigr(x_, dl_): Sqrt(x^2 + dl^2/4)\n"
      + "  qfc(x_, dl_): (bigr(x, dl) - dl)*Sqrt(bigr(x, dl) + dl/2)\n"
      + "  zfc(b0_, dl_): -3/2*Sqrt(Sqrt(Dot(b0, b0) + dl^2/4) - dl/2)*b0/nrm(b0)\n"
      + "  Qfc(b_, b0_, dl_): qfc(nrm(b), dl) + Dot(zfc(b0, dl), b)\n"
      + "  Qbal(b_, b0_): nrm(b)^(3/2) - 3/2*Dot(b0, b)/Sqrt(nrm(b0))\n"
      + "  lrelu(u_): Max(u, u/5)\n";

  private static String file(String id, String crosscheck) {
    return TheoremFiles.theorem(id, HEADER, "  - name: trivial\n    show: x == x\n") + "crosschecks:\n" + crosscheck;
  }

  private static String argmin(String potential, String extra) {
    return "  - name: c\n    kind: potential-argmin\n    model: fc-linear-network\n"
        + "    sweep: {alpha: [0.05, 1], shape: [0, 0.5], sign: [1, -1]}\n"
        + "    data: {rows: 3, cols: 7, sparse-truth: 2, seed: 3}\n"
        + "    predicts:\n      potential: " + potential + "\n    tolerance: 1e-6\n" + extra;
  }

  private ClaimResult run(String id, String crosscheck) {
    return TheoremFiles.check(dir, Map.of(id + ".yaml", file(id, crosscheck))).claim(id, "c");
  }

  @Test
  void theSingleNeuronsPotentialAgreesAtEveryScaleShapeAndSign() {
    ClaimResult r = run("right", argmin("Qfc(b, b0, dl)", "    kkt-tolerance: 1e-8\n"));
    assertEquals(Verdict.AGREES, r.verdict(), r.message());
    assertTrue((Double) r.evidence().get("max_error") < 1e-8, r.message());
    assertEquals(8, ((List<?>) r.evidence().get("points")).size());
    assertEquals(1, Figure.of(r.evidence()).size());
  }

  @Test
  void theExponentFiveHalvesIsCaughtByTheCrossCheck() {
    ClaimResult r = run("exponent", argmin("nrm(b)^(5/2) - 3/2*Dot(b0, b)/Sqrt(nrm(b0))", "    init: {shape: 0}\n")
        .replace("shape: [0, 0.5], ", ""));
    assertEquals(Verdict.DISAGREES, r.verdict(), r.message());
    ClaimResult right = run("balanced", argmin("Qbal(b, b0)", "    init: {shape: 0}\n").replace("shape: [0, 0.5], ", ""));
    assertEquals(Verdict.AGREES, right.verdict(), right.message());
  }

  @Test
  void zWithoutItsThreeHalvesIsCaughtByTheCrossCheck() {
    ClaimResult r = run("z", argmin("qfc(nrm(b), dl) - Sqrt(Sqrt(Dot(b0, b0) + dl^2/4) - dl/2)*Dot(b0, b)/nrm(b0)", ""));
    assertEquals(Verdict.DISAGREES, r.verdict(), r.message());
    assertTrue(r.message().contains("from argmin of"), r.message());
  }

  @Test
  void theLeakyReluNeuronIsTheKktPointOfItsConstraintsAndAWrongSlopeIsCaught() {
    String check = "  - name: c\n    kind: potential-argmin\n    model: leaky-relu-neuron\n    init: {slope: 1/5}\n"
        + "    sweep: {alpha: [0.05, 1], shape: [0, 0.5]}\n    data: {rows: 3, cols: 7, sparse-truth: 2, seed: 3}\n"
        + "    predicts:\n      potential: Qfc(b, b0, dl)\n      activation: ACT\n    tolerance: 1e-6\n    kkt-tolerance: 1e-8\n";
    ClaimResult right = run("leaky", check.replace("ACT", "lrelu(u)"));
    assertEquals(Verdict.AGREES, right.verdict(), right.message());
    ClaimResult wrong = run("slope", check.replace("ACT", "Max(u, u/4)"));
    assertEquals(Verdict.DISAGREES, wrong.verdict(), wrong.message());
  }

  @Test
  void aLimitMustBeApproachedAlongTheSweep() {
    String limit = "  - name: c\n    kind: potential-argmin\n    model: fc-linear-network\n"
        + "    init: {shape: 0.5}\n    sweep: {alpha: [1e-2, 1e-5, 1e-8], width: [1, 3]}\n    data: {rows: 3, cols: 7, sparse-truth: 2, seed: 3}\n"
        + "    predicts:\n      potential: Dot(b, b)\n    limit: LIMIT\n    tolerance: 1e-4\n";
    ClaimResult toZero = run("small", limit.replace("LIMIT", "alpha -> 0"));
    assertEquals(Verdict.AGREES, toZero.verdict(), toZero.message());
    assertTrue(toZero.message().contains("approaches argmin of Dot(b, b) as alpha -> 0"), toZero.message());
    ClaimResult wrongWay = run("large", limit.replace("LIMIT", "alpha -> Infinity"));
    assertEquals(Verdict.DISAGREES, wrongWay.verdict(), wrongWay.message());
    assertTrue(wrongWay.message().contains("does not shrink"), wrongWay.message());
  }

  @Test
  void timeWarpingChangesTheTimeNotTheLimit() {
    ClaimResult r = run("warp", "  - name: c\n    kind: time-warp\n    model: fc-linear-network\n"
        + "    init: {shape: 0.5}\n    sweep: {alpha: [0.05, 2]}\n    data: {rows: 3, cols: 7, sparse-truth: 2, seed: 3}\n"
        + "    warp: Abs(a)\n    predicts:\n      potential: Qfc(b, b0, dl)\n    tolerance: 1e-6\n    time-tolerance: 1e-3\n");
    assertEquals(Verdict.AGREES, r.verdict(), r.message());
    List<?> points = (List<?>) r.evidence().get("points");
    for (Object o : points) {
      Map<?, ?> p = (Map<?, ?>) o;
      double t = (Double) p.get("time_plain");
      double tau = (Double) p.get("time_warped");
      assertTrue(Math.abs(t - tau) > 1e-3 * t, "the times differ: " + p);
    }
    List<Figure> figures = Figure.of(r.evidence());
    assertEquals(2, figures.size());
    assertEquals(2, figures.get(0).series().size());
  }

  @Test
  void readingErrorsNameTheFieldAndLine() {
    var run = TheoremFiles.check(dir, Map.of("bad.yaml", file("bad", argmin("Qfc(b, b0, dl)", "    limit: width -> 0\n"))));
    assertTrue(run.output().contains("bad.yaml") && run.output().contains("the limit's setting 'width' must be swept"),
        run.output());
    var unknown = TheoremFiles.check(dir, Map.of("bad2.yaml", file("bad2", argmin("Qfc(b, b0, dl)", "")
        .replace("sign: [1, -1]", "depth: [2]"))));
    assertTrue(unknown.output().contains("needs the settings"), unknown.output());
    var noModel = TheoremFiles.check(dir, Map.of("bad3.yaml", file("bad3", argmin("Qfc(b, b0, dl)", "")
        .replace("fc-linear-network", "diagonal-network").replace("shape: [0, 0.5], sign: [1, -1]", "shape: [0]"))));
    assertTrue(noModel.output().contains("needs the settings"), noModel.output());
    ClaimResult undefined = run("undef", argmin("Qfc(b, c0, dl)", ""));
    assertEquals(Verdict.ERROR, undefined.verdict());
    assertTrue(undefined.message().contains("c0"), undefined.message());
  }
}
