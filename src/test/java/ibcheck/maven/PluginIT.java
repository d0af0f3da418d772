package ibcheck.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ibcheck used from a researcher's own repository: installs the ibcheck jar this build packaged and
 * the Maven plugin (maven-plugin/) into the local repository, then creates a fresh project in a
 * temporary folder whose pom runs {@code ibcheck-maven-plugin:check} at {@code verify}: a true
 * theorem builds, a false one fails the build. Run by failsafe in {@code mvn verify}; skip with
 * {@code -Dibcheck.skipPluginIT=true}.
 */
class PluginIT {
  @TempDir Path dir;

  static final String POM = """
      <project xmlns="http://maven.apache.org/POM/4.0.0">
        <modelVersion>4.0.0</modelVersion>
        <groupId>example</groupId>
        <artifactId>my-theorems</artifactId>
        <version>1</version>
        <packaging>pom</packaging>
        <build>
          <plugins>
            <plugin>
              <groupId>ibcheck</groupId>
              <artifactId>ibcheck-maven-plugin</artifactId>
              <version>%s</version>
              <executions><execution><goals><goal>check</goal></goals></execution></executions>
              <configuration><threads>1</threads><seed>7</seed></configuration>
            </plugin>
          </plugins>
        </build>
      </project>
      """;

  static String theorem(String show) {
    return "id: binomial\ntitle: the binomial square\nsource: test\nstatement: x\nsymbols:\n  z: real\n"
        + "derivation:\n  - name: square\n    show: " + show + "\n";
  }

  @Test
  void aFreshProjectChecksItsTheoremWithThePluginGreenThenRed() throws Exception {
    Assumptions.assumeFalse(Boolean.getBoolean("ibcheck.skipPluginIT"), "skipped by -Dibcheck.skipPluginIT");
    String version = System.getProperty("ibcheck.version", "0.1.0-SNAPSHOT");
    Path jar = Path.of(System.getProperty("ibcheck.jar", "target/ibcheck-" + version + ".jar")).toAbsolutePath();
    assertTrue(Files.isRegularFile(jar), "the build packaged " + jar);
    Path root = Path.of("").toAbsolutePath();
    run(root, 0, "install:install-file", "-Dfile=" + jar, "-DpomFile=pom.xml");
    run(root, 0, "-f", "maven-plugin/pom.xml", "install");

    Path project = Files.createDirectories(dir.resolve("my-theorems"));
    Files.writeString(project.resolve("pom.xml"), POM.formatted(version));
    Path theorems = Files.createDirectories(project.resolve("theorems"));
    Files.writeString(theorems.resolve("binomial.yaml"), theorem("(z + 1)^2 == z^2 + 2*z + 1"));
    String green = run(project, 0, "verify");
    assertTrue(green.contains("BUILD SUCCESS") && green.contains("ibcheck: all claims pass"), green);
    assertTrue(Files.readString(project.resolve("target/ibcheck-reports/summary.json")).contains("\"proved\""));

    Files.writeString(theorems.resolve("binomial.yaml"), theorem("(z + 1)^2 == z^2 + 1"));
    String red = run(project, 1, "verify");
    assertTrue(red.contains("BUILD FAILURE") && red.contains("ibcheck: a claim failed"), red);
  }

  /** Runs Maven in a folder; asserts its exit code (0, or any failure for 1) and returns its output. */
  private String run(Path in, int expected, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    String home = System.getProperty("maven.home");
    cmd.add(home != null && new File(home, "bin/mvn").canExecute() ? home + "/bin/mvn" : "mvn");
    cmd.add("-B");
    cmd.add("-ntp");
    cmd.addAll(List.of(args));
    Path log = Files.createTempFile(dir, "mvn", ".log");
    Process p = new ProcessBuilder(cmd).directory(in.toFile()).redirectErrorStream(true).redirectOutput(log.toFile())
        .start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError(String.join(" ", cmd) + " timed out: " + tail(log));
    }
    String out = Files.readString(log);
    if (expected == 0) {
      assertEquals(0, p.exitValue(), String.join(" ", cmd) + " in " + in + ":\n" + tail(log));
    } else {
      assertNotEquals(0, p.exitValue(), String.join(" ", cmd) + " should fail:\n" + tail(log));
    }
    return out;
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }
}
