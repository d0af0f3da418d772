package ibcheck.property;

import ibcheck.spec.YamlFiles;
import ibcheck.spec.YamlNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a properties file (YAML) into a {@link PropertyFile}; errors name file:line and cause. */
public final class PropertyReader {
  public static final Set<String> TOP_FIELDS = Set.of("theorem", "properties");
  public static final Set<String> PROPERTY_FIELDS = Set.of("name", "forall", "holds", "check", "tolerance", "tries", "seed", "note");
  /** Default tries per property: a predicate is cheap... */
  public static final int DEFAULT_TRIES = 1000;
  /** ... a cross-check integrates a gradient flow per try. */
  public static final int DEFAULT_CHECK_TRIES = 25;
  /** Default tolerance of a numeric predicate. */
  public static final double DEFAULT_TOLERANCE = 1e-9;

  private static final Pattern QUANTITY = Pattern.compile(
      "\\s*(real|log-uniform|int)\\s+in\\s*\\[\\s*([^,\\]]+?)\\s*,\\s*([^\\]]+?)\\s*\\]\\s*");
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*");

  private PropertyReader() {}

  public static PropertyFile read(Path path, String displayName) {
    YamlNode root = YamlFiles.read(path, displayName);
    Map<String, YamlNode> top = root.mapping(TOP_FIELDS);
    YamlNode theorem = top.get("theorem");
    if (theorem == null) {
      throw root.error("missing required field 'theorem' (the id of the theorem these properties support)");
    }
    YamlNode list = top.get("properties");
    if (list == null) {
      throw root.error("missing required field 'properties'");
    }
    List<PropertySpec> properties = new ArrayList<>();
    for (YamlNode p : list.sequence()) {
      properties.add(property(p));
    }
    return new PropertyFile(theorem.text().trim(), properties, displayName);
  }

  private static PropertySpec property(YamlNode p) {
    Map<String, YamlNode> m = p.mapping(PROPERTY_FIELDS);
    YamlNode name = m.get("name");
    if (name == null) {
      throw p.error("a property needs a 'name'");
    }
    YamlNode holds = m.get("holds");
    YamlNode check = m.get("check");
    if ((holds == null) == (check == null)) {
      throw p.error("property '" + name.text() + "' needs exactly one of 'holds:' (a predicate such as"
          + " q(z) >= 0) or 'check:' (the name of one of the theorem's cross-checks)");
    }
    YamlNode claim = holds != null ? holds : check;
    List<Quantity> quantities = new ArrayList<>();
    YamlNode forall = m.get("forall");
    if (forall == null) {
      throw p.error("property '" + name.text() + "' needs 'forall:' (the quantities it ranges over)");
    }
    for (Map.Entry<String, YamlNode> e : forall.mapping().entrySet()) {
      quantities.add(quantity(e.getKey(), e.getValue()));
    }
    double tolerance = m.containsKey("tolerance") ? m.get("tolerance").number() : DEFAULT_TOLERANCE;
    if (!(tolerance >= 0 && tolerance < 1)) {
      throw m.get("tolerance").error("tolerance must be in [0, 1)");
    }
    int tries = m.containsKey("tries") ? m.get("tries").integer() : holds != null ? DEFAULT_TRIES : DEFAULT_CHECK_TRIES;
    if (tries < 1 || tries > 100_000) {
      throw m.get("tries").error("tries must be between 1 and 100000");
    }
    Long seed = m.containsKey("seed") ? (Long) m.get("seed").longInteger() : null;
    return new PropertySpec(name.text().trim(), quantities, holds == null ? null : holds.text().trim(),
        check == null ? null : check.text().trim(), tolerance, tries, seed, claim.location());
  }

  private static Quantity quantity(String name, YamlNode v) {
    if (!NAME.matcher(name).matches()) {
      throw v.error("quantity name '" + name + "' must be letters and digits");
    }
    Matcher q = QUANTITY.matcher(v.text());
    if (!q.matches()) {
      throw v.error("quantity '" + name + "': expected 'real in [a, b]', 'log-uniform in [a, b]' or"
          + " 'int in [a, b]', got '" + v.text() + "'");
    }
    Quantity.Distribution d = switch (q.group(1)) {
      case "real" -> Quantity.Distribution.REAL;
      case "log-uniform" -> Quantity.Distribution.LOG_UNIFORM;
      default -> Quantity.Distribution.INT;
    };
    return new Quantity(name, d, q.group(2), q.group(3), v.location());
  }
}
