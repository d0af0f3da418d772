package ibcheck.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibcheck.TheoremFiles;
import ibcheck.crosscheck.CheckKind;
import ibcheck.crosscheck.CheckKinds;
import ibcheck.crosscheck.NumericCheck;
import ibcheck.spec.YamlNode;
import ibcheck.symbolic.TheoremSession;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Verdict;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A check that runs out of memory is an error of that check: the theorem's later claims and the
 * other theorems are still checked. (The allocation asks for more than any heap can give, so the
 * error is immediate and the test does not exhaust the machine's memory.)
 */
class OutOfMemoryTest {
  @TempDir Path dir;

  record Hog(CheckKind.Header header) implements NumericCheck {

    @Override
    public ClaimResult run(TheoremSession session) {
      long[][] huge = new long[Integer.MAX_VALUE - 8][];
      throw new AssertionError("allocated " + huge.length);
    }

    @Override
    public NumericCheck instantiate(Map<String, Double> drawn) {
      return this;
    }
  }

  @Test
  void runningOutOfMemoryIsAnErrorOfThatCheckAndTheRunGoesOn() {
    CheckKinds.register(new CheckKind() {
      @Override
      public String name() {
        return "test-memory-hog";
      }

      @Override
      public Set<String> fields() {
        return Set.of();
      }

      @Override
      public NumericCheck read(Header header, Map<String, YamlNode> fields, YamlNode node) {
        return new Hog(header);
      }
    });
    String hog = TheoremFiles.theorem("hog", "symbols: {z: real}", "  - name: before\n    show: z^2 >= 0\n")
        + "crosschecks:\n  - name: hog\n    kind: test-memory-hog\n";
    String good = TheoremFiles.theorem("good", "symbols: {z: real}", "  - name: square\n    show: z^2 == z*z\n");
    TheoremFiles.Run run = TheoremFiles.check(dir, Map.of("a-hog.yaml", hog, "b-good.yaml", good));
    ClaimResult c = run.claim("hog", "hog");
    assertEquals(Verdict.ERROR, c.verdict());
    assertTrue(c.message().contains("ran out of memory"), c.message());
    assertEquals(Verdict.PROVED, run.claim("hog", "before").verdict());
    assertEquals(Verdict.PROVED, run.theorem("good").verdict());
  }
}
