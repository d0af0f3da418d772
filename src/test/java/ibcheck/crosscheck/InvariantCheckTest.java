package ibcheck.crosscheck;

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

/** A conserved quantity stated in the file is checked along the real model's flow, and can fail. */
class InvariantCheckTest {
  static final String NAME = "w+ w- is conserved along the flow of the real model (so w+ w- = alpha^2 throughout)";

  @TempDir Path dir;

  private ClaimResult run(String conserved) throws IOException {
    String shipped = Files.readString(Path.of("theorems/woodworth2020-q-alpha.yaml"));
    String file = shipped.replace("conserved: wp*wm", "conserved: " + conserved);
    return TheoremFiles.check(dir, Map.of("t.yaml", file)).claim("woodworth2020-q-alpha", NAME);
  }

  @Test
  void theConservedProductAgrees() throws IOException {
    ClaimResult r = run("wp*wm");
    assertEquals(Verdict.AGREES, r.verdict(), r.message());
  }

  @Test
  void aQuantityThatIsNotConservedDisagrees() throws IOException {
    ClaimResult r = run("wp/wm");
    assertEquals(Verdict.DISAGREES, r.verdict(), r.message());
    assertTrue(r.message().contains("is NOT conserved"), r.message());
  }

  @Test
  void anUnknownParameterBlockIsAnErrorNamingTheBlocks() throws IOException {
    ClaimResult r = run("up*wm");
    assertEquals(Verdict.ERROR, r.verdict(), r.message());
    assertTrue(r.message().contains("parameter blocks are wp, wm"), r.message());
  }
}
