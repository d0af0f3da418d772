package ibcheck.crosscheck.kinds.flow;

import ibcheck.crosscheck.CheckKind;
import ibcheck.crosscheck.read.CrosscheckReader;
import ibcheck.crosscheck.read.DataSpec;
import ibcheck.crosscheck.read.Drawn;
import ibcheck.crosscheck.read.Field;
import ibcheck.crosscheck.read.FieldValues;
import ibcheck.crosscheck.read.KindFields;
import ibcheck.crosscheck.read.SyntheticData;
import ibcheck.models.ModelRegistry;
import ibcheck.spec.YamlNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the flow-limit kinds ({@code agreement}, {@code regime}, {@code threshold}, {@code invariant})
 * run: a model's gradient flow at every value of one swept quantity, on regression data, judged
 * within a tolerance under a budget of flow evaluations.
 *
 * <pre>
 *     model: diagonal-network                     # a ModelRegistry name
 *     init: {depth: 3}                            # fixed settings (optional)
 *     sweep: {alpha: [0.05, 0.3, 1, 3]}           # exactly one swept setting; values may be a/b
 *     data: {rows: 5, cols: 12, sparse-truth: 3, seed: 7}   # or {x: [[...], ...], y: [...]}
 *     tolerance: 1e-6                             # required, in (0, 1)
 *     max-evaluations: 2000000                    # flow budget per sweep value, optional
 * </pre>
 *
 * A threshold cross-check sweeps {@code eps} instead and sets the model's {@code scale:} setting from
 * its formula, so there the swept quantity is not a model setting.
 *
 * @param header name, time limit and {@code file:line}
 * @param model registry name of the model
 * @param fixed settings that stay fixed
 * @param sweepSetting the swept quantity
 * @param sweep its values, in file order
 * @param data the regression data
 * @param tolerance what the kind holds its error to, in (0, 1)
 * @param maxEvaluations cap on flow right-hand-side evaluations per sweep value
 */
public record FlowSweep(CheckKind.Header header, String model, Map<String, Double> fixed, String sweepSetting,
    double[] sweep, DataSpec data, double tolerance, int maxEvaluations) {

  /** The fields every flow-limit kind takes, besides its sweep and its own. */
  static final KindFields FIELDS = KindFields.of(FlowFields.MODEL, FlowFields.INIT, FlowFields.DATA,
      FlowFields.TOLERANCE, FlowFields.MAX_EVALUATIONS);
  /** The one swept setting of a flow-limit kind. */
  static final Field SWEEP = FlowFields.sweep("exactly one swept setting with its values, e.g. {alpha: [0.05, 0.3, 1, 3]}");
  /** Sweep values per cross-check: each is a full flow run, so a longer sweep is a mistake, not a check. */
  static final int MAX_SWEEP = 200;

  public String name() {
    return header.name();
  }

  public String location() {
    return header.location();
  }

  /** The full settings at one sweep value. */
  public Map<String, Double> settingsAt(double value) {
    Map<String, Double> m = new LinkedHashMap<>(fixed);
    m.put(sweepSetting, value);
    return m;
  }

  /**
   * Reads the common fields of a flow-limit kind, already checked against {@link #FIELDS}.
   *
   * @param sweepNode the swept values: a one-entry mapping {@code {alpha: [...]}}, or (when
   *     {@code scaleSetting} is given) a plain list of {@code eps} values
   * @param scaleSetting the model setting a threshold formula sets, or null for a plain sweep
   */
  static FlowSweep read(CheckKind.Header header, FieldValues f, YamlNode sweepNode, String scaleSetting) {
    Map<String, YamlNode> m = f.nodes();
    ModelInit chosen = ModelInit.read(m, f.owner());
    String model = chosen.model();
    Map<String, Double> fixed = chosen.fixed();
    String sweepSetting;
    List<YamlNode> values;
    if (scaleSetting != null) {
      sweepSetting = "eps";
      values = sweepNode.sequence();
    } else {
      Map<String, YamlNode> sweepMap = sweepNode.mapping();
      if (sweepMap.size() != 1) {
        throw sweepNode.error("sweep must name exactly one setting with a list of values, e.g. {alpha: [0.1, 1]}");
      }
      sweepSetting = sweepMap.keySet().iterator().next();
      values = sweepMap.get(sweepSetting).sequence();
    }
    double[] sweep = values(sweepNode, sweepSetting, values);
    String modelSetting = scaleSetting != null ? scaleSetting : sweepSetting;
    if (fixed.containsKey(modelSetting)) {
      throw sweepNode.error("'" + modelSetting + "' is both set here and fixed under init");
    }
    chosen.requireSettings(Set.of(modelSetting), m.containsKey("init") ? m.get("init") : sweepNode,
        "from init and " + (scaleSetting != null ? "scale" : "sweep"));
    if (scaleSetting == null) {
      for (double v : sweep) { // let the model reject bad values now, with a line number
        try {
          Map<String, Double> settings = new LinkedHashMap<>(fixed);
          settings.put(sweepSetting, v);
          ModelRegistry.create(model, settings);
        } catch (IllegalArgumentException e) {
          throw sweepNode.error(e.getMessage());
        }
      }
    }
    DataSpec data = CrosscheckReader.readData(f.node("data"));
    return new FlowSweep(header, model, fixed, sweepSetting, sweep, data, f.number("tolerance"),
        f.integer("max-evaluations"));
  }

  private static double[] values(YamlNode sweepNode, String setting, List<YamlNode> values) {
    if (values.isEmpty()) {
      throw sweepNode.error("the sweep of '" + setting + "' has no values");
    }
    if (values.size() > MAX_SWEEP) {
      throw sweepNode.error("the sweep of '" + setting + "' has " + values.size() + " values; at most " + MAX_SWEEP
          + " (each value is a full gradient-flow run; use a property to sample many instances)");
    }
    return values.stream().mapToDouble(CrosscheckReader::number).toArray();
  }

  /**
   * This sweep on one random instance drawn by a property: a drawn model setting replaces the sweep
   * (or the fixed value), and drawn {@code rows}, {@code cols}, {@code truth} (sparse-truth) and
   * {@code dataseed} regenerate synthetic data.
   *
   * @throws IllegalArgumentException naming a quantity that is neither a setting nor a data quantity
   */
  FlowSweep instantiate(Map<String, Double> drawn) {
    Set<String> settings = new TreeSet<>(fixed.keySet());
    settings.add(sweepSetting);
    Drawn d = Drawn.of(drawn, name(), FIELDS, settings);
    Map<String, Double> newFixed = new LinkedHashMap<>(fixed);
    newFixed.putAll(d.among(fixed.keySet()));
    double[] newSweep = d.has(sweepSetting) ? new double[] {d.number(sweepSetting, 0)} : sweep;
    DataSpec newData = SyntheticData.drawn(data, d, name());
    return new FlowSweep(header, model, newFixed, sweepSetting, newSweep, newData, tolerance, maxEvaluations);
  }
}
