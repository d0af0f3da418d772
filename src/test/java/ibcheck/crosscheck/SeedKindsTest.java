package ibcheck.crosscheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibcheck.TheoremFiles;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Figure;
import ibcheck.verdict.Verdict;
import java.nio.file.Path;
import java.util.Map;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registered kinds for the seed results (linear-regression, convex-flow, sphere-kernel,
 * kernel-trajectory, approaches): the shared flow sampler and a small end-to-end run of each kind
 * through the gate. The kinds' own machinery is tested in their family packages.
 */
class SeedKindsTest {
  @TempDir Path dir;

  @Test
  void theKindsAreRegistered() {
    assertTrue(CheckKinds.names().containsAll(java.util.Set.of("linear-regression", "convex-flow", "sphere-kernel",
        "kernel-trajectory", "approaches")), CheckKinds.names().toString());
  }

  @Test
  void theSamplerReturnsTheFlowAtTheRequestedTimesInOrder() {
    OrdinaryDifferentialEquation decay = new OrdinaryDifferentialEquation() {
      @Override
      public int getDimension() {
        return 1;
      }

      @Override
      public double[] computeDerivatives(double t, double[] x) {
        return new double[] {-x[0]};
      }
    };
    double[] times = {2, 0, 0.5, 7};
    double[][] s = new LinearFlowSampler(1e-12, 1e-15, 100_000).sample(decay, new double[] {1}, times, (t, x) -> { });
    for (int i = 0; i < times.length; i++) {
      assertEquals(Math.exp(-times[i]), s[i][0], 1e-11, "t = " + times[i]);
    }
  }

  @Test
  void eachKindRunsEndToEndAndAttachesFigures() {
    String header = "define:\n  k(nb_, nbp_, th_, dim_): nb*nbp*(Sin(th) + (Pi - th)*Cos(th))/(2*Pi*dim)\n"
        + "  a(t_, a0_, z_, sigma_, n_): a0*Exp(-t*sigma^2/n) + z/sigma*(1 - Exp(-t*sigma^2/n))\n";
    String file = TheoremFiles.theorem("kinds", header, "  - name: a\n    show: 1 == 1\n") + "crosschecks:\n"
        + "  - name: sphere\n    kind: sphere-kernel\n    dims: [2, 4]\n    pairs: 3\n    seed: 1\n"
        + "    kernel: k(nb, nbp, th, dim)\n    refutes: 2*k(nb, nbp, th, dim)\n    tolerance: 1e-10\n"
        + "  - name: regression\n    kind: linear-regression\n    loss: half-mean\n    data: {rows: 2, cols: 4, seed: 1}\n"
        + "    truth: random\n    init: random\n    noise: 0.1\n    times: [1, Infinity]\n"
        + "    predicts:\n      component: a(t, a0, z, sigma, n)\n      mean:\n        term: (a0 - astar)^2*Exp(-2*sigma^2*t/n) +"
        + " eps^2/sigma^2*(1 - Exp(-sigma^2*t/n))^2\n        plus: bnull2\n    tolerance: 1e-8\n"
        + "  - name: convex\n    kind: convex-flow\n    problems: {families: [log-cosh, logistic], count: 1, rows: 2, cols: 4,"
        + " seed: 1}\n    horizon: 5\n    lyapunov: t*(R - Rbar) + dist2/2\n    holds: dist2 <= dist02\n    tolerance: 1e-9\n"
        + "  - name: lazy\n    kind: kernel-trajectory\n    model: diagonal-network\n    sweep: {alpha: [1, 2]}\n"
        + "    data: {rows: 2, cols: 4, sparse-truth: 1, seed: 1}\n    rescale: alpha^2\n    kernel: 8*alpha^2\n"
        + "    times: [0.01, Infinity]\n    tolerance: 0.1\n"
        + "  - name: rich\n    kind: approaches\n    model: depth-d-diagonal-network\n    init: {depth: 3}\n"
        + "    sweep: {alpha: [0.3, 0.03]}\n    data: {x: [[0, 1, -1], [1, 1.1, 1.1]], y: [0, 2.2]}\n    target: min-l1\n"
        + "    contrast: 2/3\n    tolerance: 0.05\n";
    var run = TheoremFiles.check(dir, Map.of("kinds.yaml", file));
    for (String name : new String[] {"sphere", "regression", "convex", "lazy", "rich"}) {
      ClaimResult c = run.claim("kinds", name);
      assertEquals(Verdict.AGREES, c.verdict(), name + ": " + c.message());
      assertTrue(!Figure.of(c.evidence()).isEmpty(), name + " attaches a figure");
    }
  }

  @Test
  void aRefutedFormulaThatPassesMakesTheCheckFail() {
    String header = "define:\n  k(nb_, nbp_, th_, dim_): nb*nbp*(Sin(th) + (Pi - th)*Cos(th))/(2*Pi*dim)\n";
    String file = TheoremFiles.theorem("ref", header, "  - name: a\n    show: 1 == 1\n") + "crosschecks:\n"
        + "  - name: sphere\n    kind: sphere-kernel\n    dims: [3]\n    pairs: 3\n    seed: 1\n"
        + "    kernel: k(nb, nbp, th, dim)\n    refutes: k(nb, nbp, th, dim)\n    tolerance: 1e-10\n";
    ClaimResult c = TheoremFiles.check(dir, Map.of("ref.yaml", file)).claim("ref", "sphere");
    assertEquals(Verdict.DISAGREES, c.verdict(), c.message());
    assertTrue(c.message().contains("passes the same test"), c.message());
  }
}
