package ibcheck.gate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The gate's verdicts on the shipped corpus are those of the golden file ({@link GoldenVerdicts}),
 * claim by claim: same claims, same kinds, same verdicts, same messages where those are stable. Reads
 * the summary.json that {@link TheoremGateIT} wrote (the pom runs the classes alphabetically, so this
 * runs after it); {@code -Dibcheck.only=IDS} compares those theorems only. A run on other theorems or
 * with another seed is not compared.
 *
 * <p>Without the whole {@code mvn verify}: {@code ./ibcheck theorems/ && mvn -o -q test-compile
 * failsafe:integration-test failsafe:verify -Dit.test=TheoremGateVerdictsIT}.
 *
 * <p>When a change is meant to change verdicts (a claim the prover now proves), regenerate the
 * golden file with {@code .ci/golden-verdicts.sh} and review its diff.
 */
class TheoremGateVerdictsIT {
  @Test
  void verdictsOnTheShippedCorpusAreTheGoldenOnes() throws Exception {
    GateConfig config = GateConfig.fromSystemProperties();
    Assumptions.assumeTrue(config.inputs().size() == 1
        && config.inputs().get(0).toAbsolutePath().normalize().equals(Path.of("theorems").toAbsolutePath()),
        "the golden verdicts are those of the shipped theorems/ folder");
    Assumptions.assumeTrue(config.seed() == GateConfig.DEFAULT_SEED, "the golden verdicts are those of the default seed");
    Path summary = config.reports().resolve("summary.json");
    assertTrue(Files.exists(summary), "no " + summary + ": the gate did not run");
    Map<GoldenVerdicts.Key, GoldenVerdicts.Expected> golden = GoldenVerdicts.read(GoldenVerdicts.FILE);
    if (!config.only().isEmpty()) {
      golden = new LinkedHashMap<>(golden);
      golden.keySet().removeIf(k -> !config.only().contains(k.theorem()));
    }
    List<String> differences = GoldenVerdicts.differences(golden, GoldenVerdicts.fromSummary(summary));
    assertTrue(differences.isEmpty(), () -> differences.size() + " claims differ from " + GoldenVerdicts.FILE
        + " (regenerate with .ci/golden-verdicts.sh if intended):\n  " + String.join("\n  ", differences));
  }
}
