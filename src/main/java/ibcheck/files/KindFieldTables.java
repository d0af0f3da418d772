package ibcheck.files;

import ibcheck.crosscheck.CheckKind;
import ibcheck.crosscheck.CheckKindFamily;
import ibcheck.crosscheck.read.Field;
import ibcheck.crosscheck.read.KindFields;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The field table of each kind in its family's page of the docs ({@code docs/kinds/<family>.md}),
 * generated from the kind's declaration ({@link KindFields}). A page marks where a kind's table goes
 * with {@code <!-- fields: kind-name -->} ... {@code <!-- /fields -->}; {@link #main} fills every
 * marked block, and a test keeps the shipped pages equal to that output.
 */
public final class KindFieldTables {
  private static final Pattern BLOCK = Pattern.compile("(<!-- fields: ([a-z0-9-]+) -->\\n)(.*?)(<!-- /fields -->)",
      Pattern.DOTALL);

  private KindFieldTables() {}

  /** The built-in kinds that declare typed fields, by family (the last part of the family's package), then name. */
  public static Map<String, Map<String, KindFields>> byFamily() {
    Map<String, Map<String, KindFields>> out = new TreeMap<>();
    for (CheckKindFamily family : ServiceLoader.load(CheckKindFamily.class, KindFieldTables.class.getClassLoader())) {
      String pkg = family.getClass().getPackageName();
      String name = pkg.substring(pkg.lastIndexOf('.') + 1);
      for (CheckKind kind : family.kinds()) {
        if (KindFields.of(kind).typed()) {
          out.computeIfAbsent(name, k -> new TreeMap<>()).put(kind.name(), KindFields.of(kind));
        }
      }
    }
    return out;
  }

  /** A kind's fields as a markdown table, in declaration order. */
  public static String table(KindFields fields) {
    StringBuilder b = new StringBuilder("| field | value | default | a property may draw | meaning |\n");
    b.append("| --- | --- | --- | --- | --- |\n");
    for (Field f : fields.list()) {
      String dflt = f.required() ? "required" : f.defaultValue() == null ? "optional" : "`" + f.defaultValue() + "`";
      String drawn = f.draws().isEmpty() ? "" : String.join(", ", f.draws());
      b.append("| `").append(f.name()).append("` | ").append(f.allowed()).append(" | ").append(dflt).append(" | ")
          .append(drawn).append(" | ").append(f.description().replace("|", "\\|")).append(" |\n");
    }
    return b.toString();
  }

  /**
   * The page with every marked block filled from the kinds given.
   *
   * @throws IllegalArgumentException for a block that names a kind not given
   */
  public static String fill(String page, Map<String, KindFields> kinds) {
    Matcher m = BLOCK.matcher(page);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      KindFields fields = kinds.get(m.group(2));
      if (fields == null) {
        throw new IllegalArgumentException("a field table names '" + m.group(2) + "', which declares no typed fields here");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + table(fields) + m.group(4)));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Fills the field tables of every family's page under the folder given (default docs/kinds). */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "docs/kinds");
    for (Map.Entry<String, Map<String, KindFields>> e : byFamily().entrySet()) {
      Path page = dir.resolve(e.getKey() + ".md");
      Files.writeString(page, fill(Files.readString(page), e.getValue()));
    }
  }
}
