package ibcheck.gate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.TheoremResult;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The gate as `mvn verify` runs it: every theorem in {@code ibcheck.theorems} is checked, summary.json
 * is written, and each claim becomes a test that fails unless its verdict passes.
 */
class TheoremGateIT {

  @TestFactory
  Stream<DynamicNode> theorems() {
    GateConfig config = GateConfig.fromSystemProperties();
    Gate gate = new Gate(config, System.out);
    List<TheoremResult> results = gate.run();
    assertTrue(!results.isEmpty(), "no theorems found in " + config.inputs());
    DynamicNode complete = DynamicTest.dynamicTest("the run is complete and recorded",
        () -> assertTrue(gate.problems().isEmpty(), () -> String.join("; ", gate.problems())));
    return Stream.concat(Stream.of(complete), results.stream().map(r -> DynamicContainer.dynamicContainer(
        r.id() + " [" + r.verdict() + "]",
        r.claims().stream().map(c -> DynamicTest.dynamicTest(c.name() + " [" + c.verdict() + "]",
            () -> assertTrue(c.verdict().passes(), () -> failure(r, c)))))));
  }

  private static String failure(TheoremResult r, ClaimResult c) {
    return r.id() + ": " + c.location() + ": " + c.name() + " is " + c.verdict() + ": " + c.message();
  }
}
