package ibcheck.property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibcheck.TheoremFiles;
import ibcheck.gate.GateConfig;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A property that runs a theorem's cross-check on random instances: the flow of the real model. */
class CrosscheckPropertyTest {
  static final String CHECK = "the gradient-flow limit is argmin Q_alpha over an alpha sweep";
  static final String PROPERTY = "theorem: woodworth2020-q-alpha\nproperties:\n  - name: flow = argmin\n"
      + "    forall:\n      alpha: log-uniform in [0.05, 10]\n      rows: int in [2, 6]\n"
      + "      cols: int in [rows + 1, 20]\n      dataseed: int in [1, 1000000]\n"
      + "    check: %s\n    tries: 10\n";

  @TempDir Path dir;

  private ClaimResult run(String theorem, String property) throws IOException {
    Files.createDirectories(dir.resolve("properties"));
    Files.writeString(dir.resolve("properties/p.yaml"), property);
    TheoremFiles.check(dir, Map.of("t.yaml", theorem));
    var run = TheoremFiles.run(new GateConfig(List.of(dir.resolve("theorems")), dir.resolve("properties"),
        dir.resolve("reports"), Set.of(), 1));
    return run.claim("woodworth2020-q-alpha", "flow = argmin");
  }

  private static String shipped() throws IOException {
    return Files.readString(Path.of("theorems/woodworth2020-q-alpha.yaml"));
  }

  @Test
  void theShippedPotentialAgreesOnRandomInstances() throws IOException {
    ClaimResult r = run(shipped(), String.format(PROPERTY, CHECK));
    assertEquals(Verdict.HELD, r.verdict(), r.message());
  }

  @Test
  void aMutantPotentialIsFalsifiedOnRandomInstances() throws IOException {
    String mutant = shipped().replace("Qa(b_, alpha_): alpha^2*q(b/alpha^2)", "Qa(b_, alpha_): alpha^2*q(b/alpha^3)");
    ClaimResult r = run(mutant, String.format(PROPERTY, CHECK));
    assertEquals(Verdict.FALSIFIED, r.verdict(), r.message());
    assertTrue(r.message().contains("disagrees"), r.message());
  }

  @Test
  void anUnknownCrosscheckOrQuantityIsAnError() throws IOException {
    ClaimResult unknown = run(shipped(), String.format(PROPERTY, "no such check"));
    assertEquals(Verdict.ERROR, unknown.verdict());
    assertTrue(unknown.message().contains("no cross-check named 'no such check'"), unknown.message());
    ClaimResult badQuantity = run(shipped(), String.format(PROPERTY, CHECK).replace("dataseed:", "banana:"));
    assertEquals(Verdict.ERROR, badQuantity.verdict());
    assertTrue(badQuantity.message().contains("'banana' is not a setting"), badQuantity.message());
  }
}
