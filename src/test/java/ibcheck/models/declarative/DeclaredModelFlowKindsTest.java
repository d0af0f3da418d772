package ibcheck.models.declarative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibcheck.TheoremFiles;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The flow kinds that take a {@code model:} run a model declared in the theorem file unchanged, and
 * so does a property's {@code check:} over random problems; two
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
          i: positive integer
        define:
          q(z_): 2 - Sqrt(4 + z^2) + z*ArcSinh(z/2)
          Qa(b_, alpha_): alpha^2*q(b/alpha^2)
          alphaL2(eps_, n2_): Sqrt(2*(1 + eps)*(1 + 2/eps)*n2)
          kD(alpha_): 8*alpha^2
          Qsum(b_, alpha_): Sum(Qa(b[[i]], alpha), {i, 1, Length(b)})
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
          - name: approaches
            kind: approaches
            model: dn
            sweep: {alpha: [1e-2, 1e-4, 1e-8, 1e-16, 1e-32]}
            data: {rows: 5, cols: 12, sparse-truth: 3, seed: 7}
            target: min-l1
            tolerance: 1e-6
          - name: kernel-trajectory
            kind: kernel-trajectory
            model: dn
            sweep: {alpha: [1, 2, 4, 8]}
            data: {rows: 5, cols: 12, sparse-truth: 3, seed: 7}
            rescale: alpha^2
            kernel: kD(alpha)
            times: [0.001, 0.003, 0.01, 0.03, Infinity]
            tolerance: 1e-4
          - name: time-warp
            kind: time-warp
            model: dn
            sweep: {alpha: [0.3, 3]}
            data: {rows: 5, cols: 12, sparse-truth: 3, seed: 7}
            warp: 2
            predicts:
              potential: Qsum(b, alpha)
            tolerance: 1e-6
            time-tolerance: 1e-3
          - name: potential-argmin
            kind: potential-argmin
            model: dn
            sweep: {alpha: [0.3, 3]}
            data: {rows: 5, cols: 12, sparse-truth: 3, seed: 7}
            predicts:
              potential: Qsum(b, alpha)
            tolerance: 1e-6
        """.formatted(beta), "  - name: q(0) = 0\n    show: q(0) == 0\n");
  }

  /** A property file drawing random problems for the file's agreement check. */
  static String property(String id) {
    return "theorem: " + id + "\nproperties:\n  - name: flow = argmin on random problems\n    forall:\n"
        + "      alpha: log-uniform in [0.1, 3]\n      rows: int in [2, 5]\n      cols: int in [rows + 1, 12]\n"
        + "      dataseed: int in [1, 1000000]\n    check: agreement\n    tries: 4\n";
  }

  @Test
  void everyFlowKindRunsTheFilesOwnModelAndEachFileKeepsItsOwnDeclaration() throws IOException {
    Files.createDirectories(dir.resolve("properties"));
    Files.writeString(dir.resolve("properties/a.yaml"), property("declared-right"));
    Files.writeString(dir.resolve("properties/b.yaml"), property("declared-wrong"));
    var run = TheoremFiles.check(dir, Map.of("a.yaml", file("declared-right", "wp^2 - wm^2"),
        "b.yaml", file("declared-wrong", "wp^3 - wm^3")));
    for (String check : new String[] {"agreement", "regime", "threshold", "invariant", "approaches",
        "kernel-trajectory", "time-warp", "potential-argmin", "flow = argmin on random problems"}) {
      ClaimResult c = run.claim("declared-right", check);
      assertTrue(c.verdict().passes(), check + ": " + c.verdict() + " " + c.message());
    }
    // the depth-3 parameterisation has another implicit bias and another tangent kernel (18 alpha^4):
    // Q_alpha and 8 alpha^2 must not fit it, on the file's data or on random problems
    for (String check : new String[] {"agreement", "kernel-trajectory", "potential-argmin", "time-warp"}) {
      ClaimResult wrong = run.claim("declared-wrong", check);
      assertEquals(Verdict.DISAGREES, wrong.verdict(), check + ": " + wrong.message());
    }
    ClaimResult randomWrong = run.claim("declared-wrong", "flow = argmin on random problems");
    assertEquals(Verdict.FALSIFIED, randomWrong.verdict(), randomWrong.message());
  }
}
