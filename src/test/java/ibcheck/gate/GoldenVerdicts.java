package ibcheck.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The gate's verdicts on the shipped corpus, claim by claim, as a tab-separated golden file: theorem
 * id, claim name, claim kind, verdict, message. A refactoring of the engine must leave every row as
 * it was ({@link TheoremGateVerdictsIT} compares the summary of a gate run with this file).
 *
 * <p>The file is merged from several runs with the same seed: a claim whose verdict differed between
 * runs (a CAS step that closes only when the machine is idle enough for its time budget) lists every
 * verdict seen, separated by {@code |}; a message that differed is {@code *} and is not compared.
 *
 * <p>A derivation step's CAS runs under a time budget, so on a loaded machine a step the CAS closes
 * when idle may stay open: {@code proved} and {@code checked-numerically} of a symbolic claim (with
 * their messages) are then interchangeable here ({@link #casTiming}); any other change is a difference.
 *
 * <p>Regenerate it from two gate runs (both with the default seed) in one line:
 * <pre>
 * .ci/golden-verdicts.sh
 * </pre>
 * which runs {@code ./ibcheck theorems/} twice and then
 * {@code bench/run-java.sh ibcheck.gate.GoldenVerdicts src/test/resources/golden/verdicts.tsv A/summary.json B/summary.json}.
 */
public final class GoldenVerdicts {
  /** Where the golden file lives in the source tree. */
  public static final Path FILE = Path.of("src", "test", "resources", "golden", "verdicts.tsv");
  static final String ANY_MESSAGE = "*";
  static final String HEADER = "# theorem\tclaim\tkind\tverdict(s)\tmessage (* = not stable across runs)";

  /** A claim of a theorem. */
  record Key(String theorem, String claim) {
    @Override
    public String toString() {
      return theorem + " › " + claim;
    }
  }

  /**
   * What the golden file says of one claim.
   *
   * @param kind the claim's kind (symbolic, crosscheck, property)
   * @param verdicts every verdict a run may give it
   * @param message its message, or {@link #ANY_MESSAGE}
   */
  record Expected(String kind, Set<String> verdicts, String message) {
    /** Why this outcome differs from the expected one, or null when it does not. */
    String mismatch(Expected actual) {
      List<String> why = new ArrayList<>();
      if (!kind.equals(actual.kind)) {
        why.add("kind " + kind + " -> " + actual.kind);
      }
      boolean timing = casTiming(actual);
      if (!verdicts.containsAll(actual.verdicts) && !timing) {
        why.add("verdict " + String.join("|", verdicts) + " -> " + String.join("|", actual.verdicts));
      }
      if (!message.equals(ANY_MESSAGE) && !message.equals(actual.message) && !timing) {
        why.add("message '" + message + "' -> '" + actual.message + "'");
      }
      return why.isEmpty() ? null : String.join("; ", why);
    }

    /**
     * Whether the two outcomes differ at most in whether the CAS closed a symbolic step within its
     * time budget: both symbolic, every verdict proved or checked-numerically.
     */
    boolean casTiming(Expected actual) {
      Set<String> either = Set.of("proved", "checked-numerically");
      return kind.equals("symbolic") && actual.kind.equals("symbolic") && either.containsAll(verdicts)
          && either.containsAll(actual.verdicts);
    }
  }

  private GoldenVerdicts() {}

  /** Writes the golden file merged from the summaries of several runs. */
  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      throw new IllegalArgumentException("usage: GoldenVerdicts OUT.tsv SUMMARY.json [SUMMARY.json ...]");
    }
    Map<Key, Expected> merged = null;
    for (int i = 1; i < args.length; i++) {
      Map<Key, Expected> run = fromSummary(Path.of(args[i]));
      merged = merged == null ? run : merge(merged, run, args[i]);
    }
    write(Path.of(args[0]), merged);
    System.out.println("wrote " + merged.size() + " claims to " + args[0]);
  }

  /** Every claim of a gate run's summary.json. */
  static Map<Key, Expected> fromSummary(Path summary) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(summary.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<Key, Expected> out = new LinkedHashMap<>();
    for (JsonNode t : root.get("theorems")) {
      for (JsonNode c : t.get("claims")) {
        out.put(new Key(t.get("id").asText(), c.get("name").asText()), new Expected(c.get("kind").asText(),
            Set.of(c.get("verdict").asText()), c.path("message").asText("")));
      }
    }
    return out;
  }

  /** Two runs' outcomes as one: verdicts united, a differing message made {@link #ANY_MESSAGE}. */
  static Map<Key, Expected> merge(Map<Key, Expected> a, Map<Key, Expected> b, String bName) {
    if (!a.keySet().equals(b.keySet())) {
      throw new IllegalArgumentException(bName + " has other claims than the runs before it");
    }
    Map<Key, Expected> out = new LinkedHashMap<>();
    a.forEach((k, x) -> {
      Expected y = b.get(k);
      Set<String> verdicts = new TreeSet<>(x.verdicts());
      verdicts.addAll(y.verdicts());
      out.put(k, new Expected(x.kind(), verdicts,
          Objects.equals(x.message(), y.message()) ? x.message() : ANY_MESSAGE));
    });
    return out;
  }

  static void write(Path file, Map<Key, Expected> claims) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add(HEADER);
    claims.forEach((k, e) -> lines.add(String.join("\t", escape(k.theorem()), escape(k.claim()), e.kind(),
        String.join("|", new TreeSet<>(e.verdicts())), escape(e.message()))));
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, lines, StandardCharsets.UTF_8);
  }

  static Map<Key, Expected> read(Path file) throws IOException {
    Map<Key, Expected> out = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length != 5) {
        throw new IllegalArgumentException(file + ": not 5 tab-separated fields: " + line);
      }
      out.put(new Key(unescape(f[0]), unescape(f[1])),
          new Expected(f[2], new TreeSet<>(List.of(f[3].split("\\|"))), unescape(f[4])));
    }
    return out;
  }

  /**
   * Every difference between the golden claims and a run's, one line each: a claim missing, a claim
   * added, or a claim whose kind, verdict or (stable) message changed.
   */
  static List<String> differences(Map<Key, Expected> golden, Map<Key, Expected> actual) {
    golden.forEach((k, e) -> {
      Expected a = actual.get(k);
      if (a != null && e.casTiming(a) && !e.verdicts().containsAll(a.verdicts())) {
        System.out.println("note: " + k + ": " + String.join("|", e.verdicts()) + " -> " + String.join("|", a.verdicts())
            + " (the CAS's time budget; not a difference)");
      }
    });
    List<String> out = new ArrayList<>();
    golden.forEach((k, e) -> {
      Expected a = actual.get(k);
      String why = a == null ? "missing from the run" : e.mismatch(a);
      if (why != null) {
        out.add(k + ": " + why);
      }
    });
    actual.keySet().stream().filter(k -> !golden.containsKey(k)).forEach(k -> out.add(k + ": not in the golden file"));
    return out;
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
  }

  private static String unescape(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        b.append(n == 't' ? '\t' : n == 'n' ? '\n' : n == 'r' ? '\r' : n);
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
