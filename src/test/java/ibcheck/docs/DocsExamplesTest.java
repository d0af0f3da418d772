package ibcheck.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibcheck.TheoremFiles;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.TheoremResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The theorem files printed in the README and the tutorial give the verdicts printed after them,
 * read as a reader following the page builds them: a {@code yaml} block starting with {@code id:}
 * is a new theorem file, one starting with {@code theorem:} its property file (used from then on),
 * and any other {@code yaml} block is appended to the theorem file. A {@code text} block is the
 * gate's output for the file so far: the theorem's verdict on its first line, then one indented
 * {@code file:line: claim: verdict: cause} line per failing claim.
 */
class DocsExamplesTest {
  private static final Pattern FAILURE = Pattern.compile("^\\s+\\S+?:(\\d+): .*?: ([a-z-]+): .*$");

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"README.md", "docs/tutorial.md"})
  void everyPrintedTheoremGivesThePrintedVerdicts(String page) throws Exception {
    int checked = 0;
    String theorem = null;
    Map<String, String> properties = new HashMap<>();
    for (MarkdownFile.Block block : MarkdownFile.read(Path.of(page)).blocks()) {
      if (block.info().equals("yaml")) {
        if (block.text().startsWith("id:")) {
          theorem = block.text();
        } else if (block.text().startsWith("theorem:")) {
          properties.put(firstValue(block.text()), block.text());
        } else if (theorem != null) {
          theorem += block.text();
        }
      } else if (block.info().equals("text") && theorem != null) {
        assertPrinted(page, theorem, properties.get(firstValue(theorem)), block.text(), checked++);
      }
    }
    assertTrue(checked > 0, page + " prints no theorem file followed by the gate's output");
  }

  private void assertPrinted(String page, String theorem, String properties, String output, int n) throws Exception {
    String id = firstValue(theorem);
    Path folder = Files.createDirectories(dir.resolve("example" + n));
    if (properties != null) {
      Files.writeString(Files.createDirectories(folder.resolve("properties")).resolve(id + ".yaml"), properties);
    }
    TheoremResult result = TheoremFiles.check(folder, Map.of(id + ".yaml", theorem)).theorem(id);
    List<String> lines = output.lines().toList();
    assertTrue(lines.get(0).startsWith(id + " "), page + ": the output does not start with " + id);
    List<String> verdicts = result.claims().stream().map(c -> c.verdict().label() + ": " + c.name()).toList();
    assertEquals(lines.get(0).split("\\s+")[1], result.verdict().label(), page + ": " + id + " " + verdicts);

    List<String> failing = new ArrayList<>();
    for (String line : lines) {
      Matcher m = FAILURE.matcher(line);
      if (m.matches()) {
        String at = ":" + m.group(1);
        ClaimResult claim = result.claims().stream().filter(c -> c.location().endsWith(at)).findFirst()
            .orElseThrow(() -> new AssertionError(page + ": no claim at line " + at + " in " + verdicts));
        assertEquals(m.group(2), claim.verdict().label(), page + ": " + claim.name());
        failing.add(claim.name());
      }
    }
    assertEquals(failing, result.claims().stream().filter(c -> !c.verdict().passes()).map(ClaimResult::name).toList(),
        page + ": the failing claims printed");
    assertFalse(result.claims().isEmpty());
  }

  /** The value on a file's first line, {@code id: X} or {@code theorem: X}. */
  private static String firstValue(String yaml) {
    String first = yaml.lines().findFirst().orElseThrow();
    return first.substring(first.indexOf(':') + 1).trim();
  }
}
