package ibcheck.models.declarative;

import ibcheck.models.Initialisation;
import ibcheck.spec.YamlNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a theorem file's {@code models:} mapping. Every problem is a
 * {@link ibcheck.spec.SpecException} with file:line. The format:
 *
 * <pre>
 * models:
 *   exponentiated-gradient:          # the name cross-checks use in model:
 *     parameters: [u]                # blocks, each one entry per input coordinate
 *     beta: u^2/4                    # beta_i in the blocks at coordinate i (and the settings)
 *     settings: [scale]              # scalar settings, set by a cross-check's init/sweep
 *     vectors:                       # per-coordinate constants (optional)
 *       beta0: [1, 2, 0.5, 1]        #   listed, one per data column, or
 *       # beta0: uniform(0.5, 2)     #   drawn per coordinate (normal, uniform, choice)
 *     seed: 3                        # seed of the drawn vectors (default 1)
 *     init:                          # every block's theta(0), from the settings and vectors
 *       u: 2*Sqrt(scale*beta0)
 *     loss: Sqrt(1 + (f - y)^2) - 1  # per-sample loss in f and y (default (f - y)^2)
 * </pre>
 */
public final class ModelDefinitionReader {
  /** The fields of one model. */
  public static final Set<String> FIELDS = Set.of("parameters", "beta", "settings", "vectors", "init", "loss", "seed",
      "note");
  /** Fields without which a model is not defined. */
  public static final Set<String> REQUIRED = Set.of("parameters", "beta", "init");

  private static final Pattern MODEL_NAME = Pattern.compile("[a-z][a-z0-9-]*");
  private static final Pattern SYMBOL = Pattern.compile("[A-Za-z][A-Za-z0-9]*");

  private ModelDefinitionReader() {}

  /** The definitions under {@code models:}, in file order. */
  public static List<ModelDefinition> read(YamlNode models) {
    List<ModelDefinition> out = new ArrayList<>();
    for (Map.Entry<String, YamlNode> e : models.mapping().entrySet()) {
      if (!MODEL_NAME.matcher(e.getKey()).matches()) {
        throw e.getValue().error("model name '" + e.getKey() + "' must be lower-case letters, digits and '-'");
      }
      out.add(readOne(e.getKey(), e.getValue()));
    }
    return out;
  }

  private static ModelDefinition readOne(String name, YamlNode node) {
    Map<String, YamlNode> m = node.mapping(FIELDS);
    for (String f : REQUIRED) {
      YamlNode.require(m, f, node);
    }
    Set<String> names = new HashSet<>();
    List<String> blocks = symbols(m.get("parameters"), names);
    if (blocks.isEmpty()) {
      throw m.get("parameters").error("a model needs at least one parameter block");
    }
    List<String> settings = m.containsKey("settings") ? symbols(m.get("settings"), names) : List.of();
    Map<String, ModelDefinition.Vector> vectors = new LinkedHashMap<>();
    if (m.containsKey("vectors")) {
      for (Map.Entry<String, YamlNode> v : m.get("vectors").mapping().entrySet()) {
        symbol(v.getKey(), v.getValue(), names);
        if (v.getKey().equals("b0")) {
          throw v.getValue().error("'b0' names beta(0) in potentials; call the vector something else");
        }
        vectors.put(v.getKey(), vector(v.getValue()));
      }
    }
    Map<String, String> init = new LinkedHashMap<>();
    YamlNode initNode = m.get("init");
    for (Map.Entry<String, YamlNode> i : initNode.mapping().entrySet()) {
      if (!blocks.contains(i.getKey())) {
        throw i.getValue().error("'" + i.getKey() + "' is not a parameter block of model '" + name + "' (blocks: "
            + String.join(", ", blocks) + ")");
      }
      init.put(i.getKey(), i.getValue().text().trim());
    }
    if (!init.keySet().equals(Set.copyOf(blocks))) {
      throw initNode.error("init must give every parameter block its initial value: " + String.join(", ", blocks));
    }
    long seed = m.containsKey("seed") ? m.get("seed").integer() : 1;
    String loss = m.containsKey("loss") ? m.get("loss").text().trim() : null;
    return new ModelDefinition(name, blocks, m.get("beta").text().trim(), settings, vectors, init, loss, seed,
        node.location());
  }

  private static ModelDefinition.Vector vector(YamlNode v) {
    if (v.isSequence()) {
      List<YamlNode> items = v.sequence();
      if (items.isEmpty()) {
        throw v.error("a listed vector needs one value per data column");
      }
      return new ModelDefinition.Listed(items.stream().mapToDouble(YamlNode::number).toArray());
    }
    try {
      return new ModelDefinition.Drawn(Initialisation.Law.parse(v.text()));
    } catch (IllegalArgumentException e) {
      throw v.error(e.getMessage() + " (or list one value per data column, e.g. [1, 2, 0.5])");
    }
  }

  private static List<String> symbols(YamlNode list, Set<String> taken) {
    List<String> out = new ArrayList<>();
    for (YamlNode s : list.sequence()) {
      out.add(symbol(s.text().trim(), s, taken));
    }
    return out;
  }

  private static String symbol(String name, YamlNode at, Set<String> taken) {
    if (!SYMBOL.matcher(name).matches()) {
      throw at.error("'" + name + "' must be a symbol name: letters and digits, starting with a letter");
    }
    if (!taken.add(name.toLowerCase(java.util.Locale.ROOT))) {
      throw at.error("'" + name + "' is named twice (Symja ignores case)");
    }
    return name;
  }
}
