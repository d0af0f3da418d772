package ibcheck.models.declarative;

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
 * The flow kinds that take a {@code model:} run a model declared in the theorem file unchanged; two
 * files may declare the same name, and each file's cross-checks use its own declaration.
 */
class DeclaredModelFlowKindsTest {
  @TempDir Path dir;

  /** Woodworth et al.'s depth-2 diagonal network with the file's own beta formula, and the q-alpha checks. */
  static String file(String id, String beta) {
    return TheoremFiles.theorem(id, """
        symbols:
          z: real
          alpha: positive
        define:
          q(z_): 2 - Sqrt(4 + z^2) + z*ArcSinh(z/2)
          Qa(b_, alpha_): alpha^2*q(b/alpha^2)
          alphaL2(eps_, n2_): Sqrt(2*(1 + eps)*(1 + 2/eps)*n2)
        models:
          dn:
            parameters: [wp, wm]
            beta: %s
            settings: [alpha]
            init: {wp: alpha, wm: alpha}
        crosschecks:
          - name: agreement
            model: dn
            sweep: {alpha: [0.3, 3]}
            data: {rows: 5, cols: 12, sparse-truth: 3, seed: 7}
            predicts:
              potential: Qa(b, alpha)
              coordinate: b
            tolerance: 1e-6
          - name: regime
            kind: regime
            model: dn
            sweep: {alpha: [0.01, 10]}
            data: {rows: 5, cols: 12, sparse-truth: 3, seed: 7}
            tolerance: 1e-9
          - name: threshold
            kind: threshold
            model: dn
            scale: alpha
            threshold: alphaL2(eps, n2)
            norm: l2
            eps: [0.1, 1]
            data: {rows: 5, cols: 12, sparse-truth: 3, seed: 7}
            tolerance: 1e-9
          - name: invariant
            kind: invariant
            model: dn
            conserved: wp*wm
            sweep: {alpha: [0.3, 3]}
            data: {rows: 5, cols: 12, sparse-truth: 3, seed: 7}
            tolerance: 1e-8
        """.formatted(beta), "  - name: q(0) = 0\n    show: q(0) == 0\n");
  }

  @Test
  void everyFlowKindRunsTheFilesOwnModelAndEachFileKeepsItsOwnDeclaration() {
    var run = TheoremFiles.check(dir, Map.of("a.yaml", file("declared-right", "wp^2 - wm^2"),
        "b.yaml", file("declared-wrong", "wp^3 - wm^3")));
    for (String check : new String[] {"agreement", "regime", "threshold", "invariant"}) {
      ClaimResult c = run.claim("declared-right", check);
      assertTrue(c.verdict().passes(), check + ": " + c.verdict() + " " + c.message());
    }
    // the depth-3 parameterisation has another implicit bias: Q_alpha must not fit it
    ClaimResult wrong = run.claim("declared-wrong", "agreement");
    assertEquals(Verdict.DISAGREES, wrong.verdict(), wrong.message());
  }
}
