package ibcheck.crosscheck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ibcheck.TheoremFiles;
import ibcheck.crosscheck.read.CrosscheckReader;
import ibcheck.spec.YamlFiles;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.TheoremResult;
import ibcheck.verdict.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Test support for the per-kind tests: runs one cross-check, written as a short YAML block, through
 * the real path a theorem file takes (the gate reads the file, checks a trivial derivation and runs
 * the cross-check) and returns its result as the gate gives it. The file around the block holds only
 * definitions: the test's own, or a shipped theorem file's {@code symbols:}, {@code models:} and
 * {@code define:} without its derivation and cross-checks. Each run is a new file in a folder of its
 * own, so a run sees no other run's files.
 */
public final class KindFixture implements BeforeEachCallback, AfterEachCallback {
  /** Where the runs' files go: given, or (registered as an extension) a new folder for each test. */
  private Path dir;
  private final boolean ownsDir;
  private final String definitions;
  private int runs;
  private Path lastFile;
  private String lastText;

  private KindFixture(Path dir, String definitions) {
    this.dir = dir;
    this.ownsDir = dir == null;
    this.definitions = definitions;
  }

  /**
   * A fixture to register with {@code @RegisterExtension}: its files carry these top-level blocks, and
   * each test gets a folder of its own.
   */
  public static KindFixture with(String definitions) {
    return new KindFixture(null, definitions);
  }

  /** As {@link #with(String)}, with the definitions of a shipped theorem file. */
  public static KindFixture definitionsOf(String shippedId) {
    return new KindFixture(null, shippedDefinitions(shippedId));
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    if (ownsDir) {
      dir = Files.createTempDirectory("kind-fixture");
      runs = 0;
    }
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    if (ownsDir && dir != null) {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(f);
        }
      }
      dir = null;
    }
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
    return new KindFixture(dir, shippedDefinitions(shippedId));
  }

  /** A shipped theorem file's {@code symbols:}, {@code models:} and {@code define:} blocks. */
  private static String shippedDefinitions(String shippedId) {
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
    return kept.toString();
  }

  /** This fixture with {@code from} replaced by {@code to} in its definitions (which must contain it). */
  public KindFixture replacing(String from, String to) {
    if (!definitions.contains(from)) {
      throw new AssertionError("the definitions do not contain '" + from + "'");
    }
    if (dir == null) {
      throw new IllegalStateException("a fixture registered as an extension is used inside a test");
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
    if (dir == null) {
      throw new IllegalStateException("a fixture registered as an extension is used inside a test");
    }
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
   * Reads the cross-check written as {@code block} as the gate's reader does, without running it: the
   * check a property instantiates.
   */
  public NumericCheck read(String block) {
    StringBuilder item = new StringBuilder();
    boolean first = true;
    for (String line : block.stripTrailing().split("\n")) {
      item.append(first ? "- " : "  ").append(line).append('\n');
      first = false;
    }
    return CrosscheckReader.read(YamlFiles.parse(item.toString(), "block.yaml")).get(0);
  }

  /** Runs the block and asserts the gate's verdict on it; returns the result for further assertions. */
  public ClaimResult assertVerdict(Verdict expected, String block) {
    ClaimResult r = run(block);
    assertEquals(expected, r.verdict(), r.message());
    return r;
  }

  /**
   * Runs the block and asserts that it cannot be read: an error at the first line containing
   * {@code at}, with exactly {@code message}.
   */
  public ClaimResult assertReadingError(String block, String at, String message) {
    ClaimResult r = run(block);
    assertEquals(Verdict.ERROR, r.verdict(), r.message());
    assertEquals(location(at), r.location());
    assertEquals(message, r.message());
    return r;
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
