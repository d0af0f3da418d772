package ibcheck.spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the symbolic part of a theorem file (YAML) into a {@link TheoremSpec}; the {@code models}
 * and {@code crosschecks} sections are allowed here and read by {@code ibcheck.files.TheoremFileReader}.
 * Checks the shape only: unknown fields, missing fields, malformed symbols and definitions. Whether the mathematics parses is the symbolic
 * checker's business, so that such an error is attributed to the step that contains it.
 */
public final class TheoremReader {
  /** The top-level fields of a theorem file. */
  public static final Set<String> TOP_FIELDS = Set.of(
      "id", "title", "source", "statement", "conventions", "symbols", "define", "derivation",
      "models", "crosschecks");
  /** The fields of a derivation step. */
  public static final Set<String> STEP_FIELDS = Set.of("name", "show", "expect", "timeout", "witnesses", "note", "cas");

  /** Default per-step time limit in seconds. */
  public static final double DEFAULT_STEP_TIMEOUT = 10;
  /** Default number of witness points per step. */
  public static final int DEFAULT_WITNESSES = 6;

  /** Ids name report files ({@code theorems/ID.html}): well inside every file system's name limit. */
  public static final int MAX_ID_LENGTH = 100;

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*");
  private static final Pattern DEFINED = Pattern.compile(
      "[A-Za-z][A-Za-z0-9]*(\\(\\s*[A-Za-z][A-Za-z0-9]*_\\s*(,\\s*[A-Za-z][A-Za-z0-9]*_\\s*)*\\))?");

  private TheoremReader() {}

  public static TheoremSpec read(Path path, String displayName) {
    return read(YamlFiles.read(path, displayName));
  }

  public static TheoremSpec read(YamlNode root) {
    Map<String, YamlNode> top = root.mapping(TOP_FIELDS);
    String id = YamlNode.require(top, "id", root).text().trim();
    if (!ID.matcher(id).matches()) {
      throw top.get("id").error("id '" + id + "' must be lower-case letters, digits, '.', '_' or '-'");
    }
    if (id.length() > MAX_ID_LENGTH) {
      throw top.get("id").error("id '" + id.substring(0, 20) + "...' is " + id.length()
          + " characters long: an id has at most " + MAX_ID_LENGTH);
    }
    String title = YamlNode.require(top, "title", root).text().trim();
    String source = YamlNode.require(top, "source", root).text().trim();
    String statement = YamlNode.require(top, "statement", root).text().trim();
    String conventions = top.containsKey("conventions") ? top.get("conventions").text().trim() : "";

    Map<String, Domain> symbols = new LinkedHashMap<>();
    if (top.containsKey("symbols")) {
      for (Map.Entry<String, YamlNode> e : top.get("symbols").mapping().entrySet()) {
        if (!NAME.matcher(e.getKey()).matches()) {
          throw e.getValue().error("symbol name '" + e.getKey() + "' must be letters and digits");
        }
        try {
          symbols.put(e.getKey(), Domain.parse(e.getValue().text()));
        } catch (IllegalArgumentException bad) {
          throw e.getValue().error("symbol '" + e.getKey() + "': " + bad.getMessage() + " (use real, positive,"
              + " nonnegative, negative, integer or positive integer, optionally followed by 'in [a, b]' (where"
              + " witnesses sample) and bounds ', at least a', ', above a', ', at most b', ', below b', ', at most n')");
        }
      }
      for (Map.Entry<String, Domain> e : symbols.entrySet()) {
        String bound = e.getValue().atMost();
        if (bound != null && !symbols.containsKey(bound)) {
          throw top.get("symbols").mapping().get(e.getKey()).error("symbol '" + e.getKey() + "' is assumed at most '"
              + bound + "', which is not a declared symbol");
        }
      }
    }

    List<Definition> definitions = new ArrayList<>();
    if (top.containsKey("define")) {
      for (Map.Entry<String, YamlNode> e : top.get("define").mapping().entrySet()) {
        String lhs = e.getKey().trim();
        if (!DEFINED.matcher(lhs).matches()) {
          throw e.getValue().error("definition '" + lhs + "' must look like name or name(x_, y_)");
        }
        definitions.add(new Definition(lhs, e.getValue().text().trim(), e.getValue().location()));
      }
    }

    List<Step> steps = new ArrayList<>();
    YamlNode derivation = YamlNode.require(top, "derivation", root);
    for (YamlNode s : derivation.sequence()) {
      steps.add(readStep(s));
    }
    if (steps.isEmpty()) {
      throw derivation.error("a derivation needs at least one step");
    }
    return new TheoremSpec(id, title, source, statement, conventions, symbols, definitions, steps, root.file());
  }

  private static Step readStep(YamlNode s) {
    Map<String, YamlNode> m = s.mapping(STEP_FIELDS);
    String name = YamlNode.require(m, "name", s).text().trim();
    YamlNode show = YamlNode.require(m, "show", s);
    boolean holds = true;
    if (m.containsKey("expect")) {
      String e = m.get("expect").text().trim();
      holds = switch (e) {
        case "true", "holds" -> true;
        case "false", "fails" -> false;
        default -> throw m.get("expect").error("expect must be 'true' or 'false', got '" + e + "'");
      };
    }
    double timeout = m.containsKey("timeout") ? m.get("timeout").number() : DEFAULT_STEP_TIMEOUT;
    if (!(timeout > 0 && timeout <= 600)) {
      throw m.get("timeout").error("timeout must be between 0 and 600 seconds");
    }
    int witnesses = m.containsKey("witnesses") ? m.get("witnesses").integer() : DEFAULT_WITNESSES;
    if (witnesses < 1 || witnesses > 200) {
      throw m.get("witnesses").error("witnesses must be between 1 and 200");
    }
    String note = m.containsKey("note") ? m.get("note").text().trim() : "";
    boolean cas = true;
    if (m.containsKey("cas")) {
      String c = m.get("cas").text().trim();
      cas = switch (c) {
        case "on", "true" -> true;
        case "off", "false" -> false;
        default -> throw m.get("cas").error("cas must be 'on' or 'off', got '" + c + "'");
      };
    }
    return new Step(name, show.text().trim(), holds, timeout, witnesses, note, show.location(), cas);
  }
}
