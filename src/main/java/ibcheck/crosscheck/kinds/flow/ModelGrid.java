package ibcheck.crosscheck.kinds.flow;

import ibcheck.crosscheck.read.CrosscheckReader;
import ibcheck.crosscheck.read.FieldValues;
import ibcheck.models.Model;
import ibcheck.models.ModelRegistry;
import ibcheck.spec.YamlNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A cross-check's {@code model:}, {@code init:} and {@code sweep:} read once for the kinds that run a
 * registry model over swept settings: {@code potential-argmin} and {@code time-warp} sweep a grid (any
 * number of settings, every combination runs; settings with a registry default may be left out),
 * {@code kernel-trajectory} and {@code approaches} exactly one setting. Either way the fixed and the
 * swept settings together must be the model's, and {@link #probe} lets the model reject a swept value
 * with the sweep's line before anything runs.
 *
 * @param model the resolved registry name
 * @param fixed the settings under {@code init:} (and, for a grid, the defaults filled in), in file order
 * @param grid the swept settings, each with its values, in file order
 * @param modelNode where {@code model:} is written
 * @param sweepNode where {@code sweep:} is written
 */
record ModelGrid(String model, Map<String, Double> fixed, Map<String, double[]> grid, YamlNode modelNode,
    YamlNode sweepNode) {

  /** Exactly one swept setting, {@code {alpha: [1, 10]}}, which with {@code init:} gives every setting. */
  static ModelGrid single(FieldValues f) {
    ModelInit chosen = ModelInit.read(f.nodes(), f.owner());
    YamlNode sweepNode = f.node("sweep");
    Map<String, YamlNode> sweep = sweepNode.mapping();
    if (sweep.size() != 1) {
      throw sweepNode.error("sweep must name exactly one setting with a list of values, e.g. {alpha: [1, 10]}");
    }
    String setting = sweep.keySet().iterator().next();
    Map<String, double[]> grid = new LinkedHashMap<>();
    grid.put(setting, CrosscheckReader.numbers(sweep.get(setting)));
    chosen.requireSettings(grid.keySet(), sweepNode, "from init and sweep");
    return new ModelGrid(chosen.model(), chosen.fixed(), grid, f.node("model"), sweepNode);
  }

  /**
   * Any number of swept settings, none also under {@code init:}; a setting neither fixed nor swept takes
   * its registry default ({@link ModelRegistry#DEFAULTS}).
   */
  static ModelGrid combinations(FieldValues f) {
    Map<String, YamlNode> m = f.nodes();
    ModelInit chosen = ModelInit.read(m, f.owner());
    Map<String, Double> fixed = chosen.fixed();
    YamlNode sweepNode = f.node("sweep");
    Map<String, double[]> grid = new LinkedHashMap<>();
    for (Map.Entry<String, YamlNode> e : sweepNode.mapping().entrySet()) {
      if (fixed.containsKey(e.getKey())) {
        throw e.getValue().error("'" + e.getKey() + "' is both swept and fixed under init");
      }
      List<YamlNode> values = e.getValue().sequence();
      if (values.isEmpty()) {
        throw e.getValue().error("the sweep of '" + e.getKey() + "' has no values");
      }
      grid.put(e.getKey(), values.stream().mapToDouble(CrosscheckReader::number).toArray());
    }
    if (grid.isEmpty()) {
      throw sweepNode.error("sweep must name at least one setting with a list of values, e.g. {alpha: [0.1, 1]}");
    }
    for (String s : chosen.family().settings()) {
      if (!fixed.containsKey(s) && !grid.containsKey(s) && ModelRegistry.DEFAULTS.containsKey(s)) {
        fixed.put(s, ModelRegistry.DEFAULTS.get(s));
      }
    }
    chosen.requireSettings(grid.keySet(), m.containsKey("init") ? m.get("init") : sweepNode,
        "from init and sweep; width, sign, seed and shared have defaults");
    return new ModelGrid(chosen.model(), fixed, grid, f.node("model"), sweepNode);
  }

  /** The settings at the first value of every swept setting. */
  Map<String, Double> first() {
    Map<String, Double> s = new LinkedHashMap<>(fixed);
    grid.forEach((k, v) -> s.put(k, v[0]));
    return s;
  }

  /**
   * Builds the model at every swept value (the other swept settings at their first values), so that
   * the model rejects a bad value now, at the sweep's line; {@code suits} then rejects a model the kind
   * cannot run, with its own message and line.
   */
  void probe(Consumer<Model> suits) {
    for (Map.Entry<String, double[]> e : grid.entrySet()) {
      for (double v : e.getValue()) {
        Map<String, Double> s = first();
        s.put(e.getKey(), v);
        Model made;
        try {
          made = ModelRegistry.create(model, s);
        } catch (IllegalArgumentException ex) {
          throw sweepNode.error(ex.getMessage());
        }
        suits.accept(made);
      }
    }
  }
}
