package ibcheck.crosscheck.kinds.flow;

import ibcheck.crosscheck.read.CrosscheckReader;
import ibcheck.models.ModelRegistry;
import ibcheck.spec.YamlNode;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code model:} a cross-check runs (the theorem file's own declared model first, then the
 * registry's) and its fixed settings under {@code init:}, as every model-running kind reads them.
 *
 * @param model the resolved registry name
 * @param family the model's family: the settings it needs
 * @param fixed the settings under {@code init:}, in file order (mutable: readers fill in defaults)
 */
record ModelInit(String model, ModelRegistry.Family family, Map<String, Double> fixed) {
  /** Reads {@code model:} (required) and {@code init:} (optional) of a cross-check. */
  static ModelInit read(Map<String, YamlNode> m, YamlNode node) {
    YamlNode modelNode = CrosscheckReader.require(m, "model", node);
    String model = ModelRegistry.resolve(modelNode.text().trim(), modelNode.file()); // the file's own model first
    ModelRegistry.Family family = ModelRegistry.family(model);
    if (family == null) {
      throw modelNode.error("unknown model '" + model + "' (known: " + String.join(", ", new TreeSet<>(ModelRegistry.names())) + ")");
    }
    Map<String, Double> fixed = new LinkedHashMap<>();
    if (m.containsKey("init")) {
      for (Map.Entry<String, YamlNode> e : m.get("init").mapping().entrySet()) {
        fixed.put(e.getKey(), CrosscheckReader.number(e.getValue()));
      }
    }
    return new ModelInit(model, family, fixed);
  }

  /**
   * Checks that the fixed settings and the swept ones are exactly the model's.
   *
   * @param at where to report a mismatch
   * @param from where the settings come from, for the message
   */
  void requireSettings(Collection<String> swept, YamlNode at, String from) {
    Set<String> given = new TreeSet<>(fixed.keySet());
    given.addAll(swept);
    if (!given.equals(new TreeSet<>(family.settings()))) {
      throw at.error("model '" + model + "' needs the settings " + new TreeSet<>(family.settings()) + " (" + from
          + "), got " + given);
    }
  }
}
