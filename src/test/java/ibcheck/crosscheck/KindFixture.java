package ibcheck.crosscheck;

import ibcheck.TheoremFiles;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.TheoremResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Test support for the per-kind tests: runs one cross-check, written as a short YAML block, through
 * the real path a theorem file takes (the gate reads the file, checks a trivial derivation and runs
 * the cross-check) and returns its result as the gate gives it. The file around the block holds only
 * definitions: the test's own, or a shipped theorem file's {@code symbols:}, {@code models:} and
 * {@code define:} without its derivation and cross-checks. Each run is a new file in a folder of its
 * own, so a run sees no other run's files.
 */
public final class KindFixture {
  private final Path dir;
  private final String definitions;
  private int runs;
  private Path lastFile;
  private String lastText;

  private KindFixture(Path dir, String definitions) {
    this.dir = dir;
    this.definitions = definitions;
  }

  /**
   * A fixture whose files carry these top-level blocks ({@code symbols:}, {@code define:}...), as
   * YAML text at the left margin; empty for a kind that needs no definitions.
   */
  public static KindFixture with(Path dir, String definitions) {
    return new KindFixture(dir, definitions);
  }

  /** A fixture whose files carry the definitions of a shipped theorem file ({@code theorems/<id>.yaml}). */
  public static KindFixture definitionsOf(Path dir, String shippedId) {
    String text;
    try {
      text = Files.readString(Path.of("theorems/" + shippedId + ".yaml"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    StringBuilder kept = new StringBuilder();
    boolean keep = false;
    for (String line : text.split("\n", -1)) {
      if (!line.isEmpty() && !Character.isWhitespace(line.charAt(0)) && !line.startsWith("#")) {
        String key = line.substring(0, Math.max(0, line.indexOf(':')));
        keep = List.of("symbols", "models", "define").contains(key);
      }
      if (keep) {
        kept.append(line).append('\n');
      }
    }
    return new KindFixture(dir, kept.toString());
  }

  /** This fixture with {@code from} replaced by {@code to} in its definitions (which must contain it). */
  public KindFixture replacing(String from, String to) {
    if (!definitions.contains(from)) {
      throw new AssertionError("the definitions do not contain '" + from + "'");
    }
    return new KindFixture(dir.resolve("replaced" + (++runs)), definitions.replace(from, to));
  }

  /** The definitions the files carry. */
  public String definitions() {
    return definitions;
  }

  /**
   * Runs the cross-check written as {@code block}: its fields at the left margin, {@code name:} on
   * the first line. Returns the cross-check's result; when the file cannot be read (a field is
   * wrong), the reading error the gate reports for the file instead.
   */
  public ClaimResult run(String block) {
    String name = block.lines().findFirst().orElseThrow().replaceFirst("^name:\\s*", "").trim();
    StringBuilder item = new StringBuilder();
    boolean first = true;
    for (String line : block.stripTrailing().split("\n")) {
      item.append(first ? "  - " : "    ").append(line).append('\n');
      first = false;
    }
    String id = "k" + (++runs);
    lastText = TheoremFiles.theorem(id, definitions, "  - name: trivial\n    show: 1 == 1\n")
        + "crosschecks:\n" + item;
    Path run = dir.resolve("run" + runs);
    TheoremFiles.Run result = TheoremFiles.check(run, Map.of(id + ".yaml", lastText));
    lastFile = run.resolve("theorems").resolve(id + ".yaml");
    TheoremResult theorem = result.theorem(id);
    return theorem.claims().stream().filter(c -> c.name().equals(name)).findFirst()
        .orElseGet(() -> theorem.claims().get(0));
  }

  /**
   * {@code file:line} of the first line of the last file run that contains {@code text}: where a
   * message about that line must point.
   */
  public String location(String text) {
    String[] lines = lastText.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains(text)) {
        return lastFile.toAbsolutePath().normalize() + ":" + (i + 1);
      }
    }
    throw new AssertionError("no line contains '" + text + "' in\n" + lastText);
  }
}
