package ibcheck;

import ibcheck.gate.Gate;
import ibcheck.gate.GateConfig;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.TheoremResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Test support: write theorem files into a folder and run the gate on it. */
public final class TheoremFiles {
  private TheoremFiles() {}

  /** The gate's results and what it printed. */
  public record Run(List<TheoremResult> results, String output) {
    public TheoremResult theorem(String id) {
      return results.stream().filter(r -> r.id().equals(id)).findFirst()
          .orElseThrow(() -> new AssertionError("no result for " + id + " in " + output));
    }

    public ClaimResult claim(String id, String name) {
      return theorem(id).claims().stream().filter(c -> c.name().equals(name)).findFirst()
          .orElseThrow(() -> new AssertionError("no claim '" + name + "' in " + theorem(id).claims()));
    }
  }

  /** Writes each {@code fileName -> yaml} into {@code dir} and runs the gate over it. */
  public static Run check(Path dir, Map<String, String> files) {
    try {
      Path theorems = Files.createDirectories(dir.resolve("theorems"));
      for (Map.Entry<String, String> f : files.entrySet()) {
        Files.writeString(theorems.resolve(f.getKey()), f.getValue());
      }
      return run(new GateConfig(List.of(theorems), dir.resolve("properties"), dir.resolve("reports"), Set.of(), GateConfig.DEFAULT_SEED));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Run run(GateConfig config) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    List<TheoremResult> results = new Gate(config, new PrintStream(buffer, true, StandardCharsets.UTF_8)).run();
    return new Run(results, buffer.toString(StandardCharsets.UTF_8));
  }

  /** A minimal theorem file with the given symbols/definitions block and derivation steps. */
  public static String theorem(String id, String header, String steps) {
    return "id: " + id + "\ntitle: test theorem " + id + "\nsource: ibcheck tests\nstatement: x\n"
        + header + "\nderivation:\n" + steps;
  }
}
