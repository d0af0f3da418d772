package ibcheck.crosscheck.kinds.sgd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibcheck.crosscheck.NumericCheck;
import ibcheck.files.TheoremFile;
import ibcheck.files.TheoremFileReader;
import ibcheck.symbolic.SymbolicWorker;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Figure;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A property's instance of a stability cross-check is judged like the file's check, but draws no
 * sharpness / non-uniformity diagram: nobody sees an instance's figures, and drawing one costs more
 * evaluations of the file's secm than the check itself.
 */
class StabilityInstanceTest {
  @Test
  void anInstanceIsJudgedWithoutDrawingTheDiagram() throws Exception {
    Path file = Path.of("theorems/wu2018-two-minima.yaml");
    TheoremFile theorem = TheoremFileReader.read(file, file.toString());
    NumericCheck check = theorem.crosschecks().stream().filter(c -> c.name().startsWith("the critical learning rates"))
        .findFirst().orElseThrow();
    try (SymbolicWorker worker = SymbolicWorker.start(theorem.spec(), 60)) {
      ClaimResult asFiled = worker.run(check::run, 120);
      ClaimResult instance = worker.run(check.instantiate(Map.of())::run, 120);
      assertTrue(asFiled.verdict().passes() && instance.verdict().passes(), instance.message());
      assertEquals(asFiled.message(), instance.message());
      assertEquals(2, Figure.of(asFiled.evidence()).size(), "the file's check draws one diagram per (n, B)");
      assertEquals(0, Figure.of(instance.evidence()).size(), "an instance draws none");
    }
  }
}
