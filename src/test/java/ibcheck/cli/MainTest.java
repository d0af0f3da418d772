package ibcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibcheck.TheoremFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line's exit codes (0 pass, 1 a claim failed, 2 usage or configuration error) and version. */
class MainTest {
  @TempDir Path dir;

  /** Exit code and everything printed (standard output, then picocli's errors). */
  private record Outcome(int code, String text) {}

  private static Outcome execute(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine(new PrintStream(out, true, StandardCharsets.UTF_8));
    cl.setErr(new PrintWriter(err, true));
    cl.setOut(new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true));
    int code = cl.execute(args);
    return new Outcome(code, out.toString(StandardCharsets.UTF_8) + err);
  }

  private Path goodTheorem() throws Exception {
    Path theorems = Files.createDirectories(dir.resolve("theorems"));
    return Files.writeString(theorems.resolve("good.yaml"), TheoremFiles.theorem("good", "symbols:\n  z: real\n",
        "  - name: square\n    show: z^2 == z*z\n"));
  }

  @Test
  void badOptionValuesAreUsageErrorsNamingTheOption() throws Exception {
    String file = goodTheorem().toString();
    for (String[] bad : new String[][] {{"--time-limit", "NaN"}, {"--time-limit", "-1"}, {"--time-limit", "1e10"},
        {"--threads", "0"}, {"--threads", "-1"}, {"--seed", "abc"}}) {
      Outcome o = execute(bad[0], bad[1], file);
      assertEquals(Main.USAGE, o.code(), String.join(" ", bad) + ": " + o.text());
      assertTrue(o.text().contains("'" + bad[0] + "'") && o.text().contains("'" + bad[1] + "'"), o.text());
    }
  }

  @Test
  void aBadSeedFromTheSystemPropertyIsAUsageError() throws Exception {
    String file = goodTheorem().toString();
    System.setProperty("ibcheck.seed", "abc");
    try {
      Outcome o = execute(file);
      assertEquals(Main.USAGE, o.code(), o.text());
      assertTrue(o.text().contains("'abc' is not a whole number"), o.text());
    } finally {
      System.clearProperty("ibcheck.seed");
    }
  }

  @Test
  void reportsThatCannotBeWrittenAreAConfigurationErrorNotAPass() throws Exception {
    String file = goodTheorem().toString();
    Path notAFolder = Files.writeString(dir.resolve("reports.txt"), "x");
    Outcome o = execute("--reports", notAFolder.toString(), "--properties", dir.resolve("none").toString(), file);
    assertEquals(Main.USAGE, o.code(), o.text());
    assertFalse(o.text().contains("all claims pass"), o.text());
  }

  @Test
  void aMissingInputIsAConfigurationErrorAndAPassIsZero() throws Exception {
    String file = goodTheorem().toString();
    String reports = dir.resolve("r").toString();
    assertEquals(Main.USAGE, execute("--reports", reports, dir.resolve("nosuch.yaml").toString()).code());
    assertEquals(Main.USAGE, execute("--reports", reports, "--only", "nosuch", file).code());
    Outcome pass = execute("--reports", reports, file);
    assertEquals(Main.PASS, pass.code(), pass.text());
  }

  @Test
  void theVersionIsThePomsVersion() throws Exception {
    Matcher m = Pattern.compile("<artifactId>ibcheck</artifactId>\\s*<version>([^<]+)</version>")
        .matcher(Files.readString(Path.of("pom.xml")));
    assertTrue(m.find());
    Outcome o = execute("--version");
    assertEquals(0, o.code());
    assertEquals("ibcheck " + m.group(1), o.text().trim());
  }
}
