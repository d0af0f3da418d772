package ibcheck.symbolic;

import static ibcheck.TheoremFiles.theorem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibcheck.TheoremFiles;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A theorem file cannot read or write files, run processes, reach the network or call Java. */
class SandboxTest {
  @TempDir Path dir;

  private ClaimResult step(String show) {
    var run = TheoremFiles.check(dir, Map.of("evil.yaml",
        theorem("evil", "symbols:\n  z: real\n", "  - name: s\n    show: '" + show.replace("'", "''") + "'\n")));
    return run.claim("evil", "s");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Import(\"/etc/passwd\") == 0",          // file read
      "Export(\"/tmp/ibcheck-pwned\", 1) == 0", // file write
      "ReadString(\"/etc/passwd\") == 0",
      "Run(\"touch /tmp/ibcheck-pwned\") == 0",  // process
      "URLFetch(\"http://127.0.0.1/\") == 0",   // network
      "JavaNew(\"java.io.File\", \"/tmp\") == 0", // Java
      "ToExpression(\"Run(1)\") == 0",          // indirection through a string
      "Symbol(\"Run\") == 0",
      "$HomeDirectory == 0",                      // environment
      "Environment(\"HOME\") == 0",
      "(z /. z -> Import) == 0",                  // a replacement rule
      "SystemDialogInput() == 0",
  })
  void refusedBeforeEvaluation(String show) {
    ClaimResult r = step(show);
    assertEquals(Verdict.ERROR, r.verdict(), show + " -> " + r.message());
    assertTrue(r.message().startsWith("refused") || r.message().startsWith("string literals")
        || r.message().startsWith("undefined symbol"), r.message());
    assertTrue(!Files.exists(Path.of("/tmp/ibcheck-pwned")));
  }

  @Test
  void aDefinitionIsCheckedToo() {
    var run = TheoremFiles.check(dir, Map.of("evil.yaml",
        theorem("evil", "symbols:\n  z: real\ndefine:\n  f(z_): Import(z)\n", "  - name: s\n    show: f(z) == 0\n")));
    var r = run.theorem("evil").claims().get(0);
    assertEquals(Verdict.ERROR, r.verdict());
    assertTrue(r.message().contains("refused: 'Import'"), r.message());
    assertTrue(r.location().endsWith("evil.yaml:8"), r.location());
  }

  @Test
  void symjasOwnSwitchesAreOff() {
    SymjaSession.assertSandboxed();
  }
}
