package ibcheck.gate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.TheoremResult;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The gate as `mvn verify` runs it: every theorem in {@code ibcheck.theorems} is checked, summary.json
 * is written, and each claim becomes a test that fails unless its verdict passes. A claim's test is
 * named {@code <theorem id> › <claim name>} (see {@link #name}): the name must not carry the verdict,
 * so that a CI tool's history follows the same claim from passing to failing. The failsafe XML uses
 * these display names (the pom's {@code statelessTestsetReporter}); {@link TheoremGateXmlIT} reads it.
 */
class TheoremGateIT {
  /** When this class started checking, in milliseconds; {@link TheoremGateXmlIT} waits for a newer XML. */
  static volatile long started;

  /**
   * Failsafe names a dynamic test by the display names of its container and factory, then its own:
   * "{@code <theorem id> › <claim name>}" with this factory name, the theorem as container and the
   * claim as test; an IDE's test tree shows the same theorem › claim nesting.
   */
  @TestFactory
  @DisplayName("›")
  Stream<DynamicNode> theorems() {
    started = System.currentTimeMillis();
    GateConfig config = GateConfig.fromSystemProperties();
    Gate gate = new Gate(config, System.out);
    List<TheoremResult> results = gate.run();
    assertTrue(!results.isEmpty(), "no theorems found in " + config.inputs());
    // a run whose reports could not be written is not a passing run, whatever its claims say
    assertTrue(gate.problems().isEmpty(), () -> String.join("; ", gate.problems()));
    return results.stream().map(r -> DynamicContainer.dynamicContainer(r.id(),
        r.claims().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
          // the claims were checked together in the gate's run, not inside this test: its own time
          // is ~0, so the claim's checking time is printed into the test's output
          System.out.println(name(r, c) + ": " + c.verdict().label() + " in "
              + String.format(Locale.ROOT, "%.3f", c.seconds()) + " s");
          assertTrue(c.verdict().passes(), () -> failure(r, c));
        }))));
  }

  /** The name a CI tool shows for a claim's test, stable across verdicts and runs. */
  static String name(TheoremResult r, ClaimResult c) {
    return r.id() + " › " + c.name();
  }

  private static String failure(TheoremResult r, ClaimResult c) {
    return r.id() + ": " + c.location() + ": " + c.name() + " is " + c.verdict() + ": " + c.message();
  }
}
