package ibcheck.crosscheck;

import ibcheck.bias.PotentialFormula;
import ibcheck.models.Dataset;
import ibcheck.models.ModelRegistry;
import ibcheck.spec.YamlNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a theorem file's {@code crosschecks:} list. Every problem is a
 * {@link ibcheck.spec.SpecException} with file:line. The format:
 *
 * <pre>
 * crosschecks:
 *   - name: flow limit = argmin Q_alpha          # required
 *     kind: agreement                             # agreement (default) or regime
 *     model: diagonal-network                     # a ModelRegistry name
 *     init: {depth: 3}                            # fixed settings (optional)
 *     sweep: {alpha: [0.05, 0.3, 1, 3]}           # exactly one swept setting; values may be a/b
 *     data: {rows: 5, cols: 12, sparse-truth: 3, seed: 7}   # or {x: [[...], ...], y: [...]}
 *     predicts:                                   # agreement only
 *       potential: Qa(b, alpha)                   # q per coordinate (Q = sum_i q(beta_i)), or
 *       # link: alpha^3*h3(z)                     # beta_i = link(z_i), the inverse of q'
 *       # on: [-1, 1]                             # the link's domain (default: the real line)
 *       coordinate: b                             # the coordinate variable in the formula
 *     tolerance: 1e-6                             # required
 *     timeout: 60                                 # seconds, optional
 *     max-evaluations: 2000000                    # flow budget per sweep value, optional
 *
 *   - name: Theorem 2, l1 side                    # kind threshold: no sweep, no predicts
 *     kind: threshold
 *     model: diagonal-network
 *     scale: alpha                                # the setting the threshold formula sets
 *     threshold: alphaL1(eps, n1, dim)            # may use eps, n1 = ||b*_l1||_1, n2 = ||b*_l2||_2, dim = d
 *     norm: l1                                    # l1: ||b||_1 <= (1+eps) n1; l2: ||b||_2^2 <= (1+eps) n2^2
 *     eps: [0.5, 1]
 *     data: {rows: 5, cols: 12, sparse-truth: 3, seed: 7}
 *     tolerance: 1e-9                             # relative slack in the norm bound
 * </pre>
 *
 * Init plus sweep must give exactly the settings the model requires.
 */
public final class CrosscheckReader {
  /** Fields every cross-check may have, whatever its kind. */
  static final Set<String> COMMON_FIELDS = Set.of("name", "kind", "timeout", "note", "conjecture");
  static final Set<String> FIELDS = Set.of("name", "kind", "conjecture", "conserved", "model", "init", "sweep", "data", "predicts",
      "tolerance", "timeout", "max-evaluations", "note", "threshold", "norm", "scale", "eps",
      "components", "method", "samples", "steps", "z", "close");
  /** Fields an SGD cross-check (kind: moment or stability) takes. */
  static final Set<String> SGD_FIELDS = Set.of("name", "kind", "conjecture", "model", "init", "sweep", "components", "predicts",
      "method", "samples", "steps", "z", "tolerance", "timeout", "note", "close");
  static final Set<String> SGD_PREDICTS = Set.of("first", "second", "necessary", "bound");
  /** Fields only a threshold cross-check takes. */
  static final Set<String> THRESHOLD_FIELDS = Set.of("threshold", "norm", "scale", "eps");
  static final Set<String> DATA_FIELDS = Set.of("rows", "cols", "sparse-truth", "seed", "x", "y");
  static final Set<String> PREDICTS_FIELDS = Set.of("potential", "link", "coordinate", "on");

  public static final double DEFAULT_TIMEOUT = 120;
  public static final int DEFAULT_MAX_EVALUATIONS = 2_000_000;
  private static final int MAX_SIZE = 500;
  /** Sweep values per cross-check: each is a full flow run, so a longer sweep is a mistake, not a check. */
  static final int MAX_SWEEP = 200;

  private CrosscheckReader() {}

  /**
   * The fields a cross-check may have, by kind, as the reader allows them (the JSON schema of theorem
   * files is generated from this): the built-in kinds ({@link Crosscheck.Kind}, agreement when no
   * kind is given) and every registered kind ({@link CheckKinds}) with the common fields.
   */
  public static Map<String, Set<String>> fieldsByKind() {
    Map<String, Set<String>> out = new java.util.TreeMap<>();
    for (Crosscheck.Kind k : Crosscheck.Kind.values()) {
      boolean sgd = k == Crosscheck.Kind.MOMENT || k == Crosscheck.Kind.STABILITY || k == Crosscheck.Kind.SHARPNESS;
      out.put(k.name().toLowerCase(java.util.Locale.ROOT), sgd ? SGD_FIELDS : FIELDS);
    }
    for (String name : CheckKinds.names()) {
      Set<String> f = new TreeSet<>(CheckKinds.kind(name).fields());
      f.addAll(COMMON_FIELDS);
      out.put(name, Set.copyOf(f));
    }
    return out;
  }

  public static List<NumericCheck> read(YamlNode list) {
    List<NumericCheck> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (YamlNode c : list.sequence()) {
      NumericCheck x = readKind(c);
      if (!names.add(x.name())) {
        throw c.error("duplicate cross-check name '" + x.name() + "'");
      }
      out.add(x);
    }
    return out;
  }

  /**
   * One cross-check of a registered kind ({@link CheckKinds}), or of a built-in kind; either may be
   * marked {@code conjecture: true}, which turns a pass into numeric evidence ({@link Conjecture}).
   */
  private static NumericCheck readKind(YamlNode node) {
    Map<String, YamlNode> raw = node.mapping();
    boolean conjecture = raw.containsKey("conjecture") && raw.get("conjecture").bool();
    CheckKind kind = raw.containsKey("kind") ? CheckKinds.kind(raw.get("kind").text().trim()) : null;
    NumericCheck check;
    if (kind == null) {
      check = readOne(node);
    } else {
      Set<String> allowed = new HashSet<>(kind.fields());
      allowed.addAll(COMMON_FIELDS);
      Map<String, YamlNode> m = node.mapping(allowed);
      String name = require(m, "name", node).text().trim();
      double timeout = timeout(m);
      check = kind.read(new CheckKind.Header(name, timeout, node.location()), m, node);
    }
    return conjecture ? new Conjecture(check) : check;
  }

  static double timeout(Map<String, YamlNode> m) {
    double timeout = m.containsKey("timeout") ? m.get("timeout").number() : DEFAULT_TIMEOUT;
    if (!(timeout > 0 && timeout <= 3600)) {
      throw m.get("timeout").error("timeout must be between 0 and 3600 seconds");
    }
    return timeout;
  }

  private static Crosscheck readOne(YamlNode node) {
    Map<String, YamlNode> m = node.mapping(FIELDS);
    String name = require(m, "name", node).text().trim();
    Crosscheck.Kind kind = Crosscheck.Kind.AGREEMENT;
    if (m.containsKey("kind")) {
      String k = m.get("kind").text().trim();
      kind = switch (k) {
        case "agreement" -> Crosscheck.Kind.AGREEMENT;
        case "regime" -> Crosscheck.Kind.REGIME;
        case "threshold" -> Crosscheck.Kind.THRESHOLD;
        case "invariant" -> Crosscheck.Kind.INVARIANT;
        case "moment" -> Crosscheck.Kind.MOMENT;
        case "stability" -> Crosscheck.Kind.STABILITY;
        case "sharpness" -> Crosscheck.Kind.SHARPNESS;
        default -> throw m.get("kind").error("unknown kind '" + k + "' (known: agreement, regime, threshold, invariant,"
            + " moment, stability, sharpness" + (CheckKinds.names().isEmpty() ? "" : ", ")
            + String.join(", ", new TreeSet<>(CheckKinds.names())) + ")");
      };
    }
    if (kind == Crosscheck.Kind.MOMENT || kind == Crosscheck.Kind.STABILITY || kind == Crosscheck.Kind.SHARPNESS) {
      return SgdReader.read(node, m, name, kind);
    }
    for (String f : java.util.List.of("components", "method", "samples", "steps", "z")) {
      if (m.containsKey(f)) {
        throw m.get(f).error("'" + f + "' belongs to an SGD cross-check (kind: moment or stability)");
      }
    }
    YamlNode modelNode = require(m, "model", node);
    String model = ModelRegistry.resolve(modelNode.text().trim(), modelNode.file()); // the file's own model first
    ModelRegistry.Family family = ModelRegistry.family(model);
    if (family == null) {
      throw modelNode.error("unknown model '" + model + "' (known: " + String.join(", ", new TreeSet<>(ModelRegistry.names())) + ")");
    }

    Map<String, Double> fixed = new LinkedHashMap<>();
    if (m.containsKey("init")) {
      for (Map.Entry<String, YamlNode> e : m.get("init").mapping().entrySet()) {
        fixed.put(e.getKey(), number(e.getValue()));
      }
    }
    for (String f : THRESHOLD_FIELDS) {
      if (m.containsKey(f) && kind != Crosscheck.Kind.THRESHOLD) {
        throw m.get(f).error("'" + f + "' belongs to a threshold cross-check (kind: threshold)");
      }
    }
    if (kind == Crosscheck.Kind.THRESHOLD && m.containsKey("sweep")) {
      throw m.get("sweep").error("a threshold cross-check sweeps 'eps' and sets the scale from its formula; it takes no 'sweep'");
    }
    YamlNode sweepNode = kind == Crosscheck.Kind.THRESHOLD ? require(m, "eps", node) : require(m, "sweep", node);
    String sweepSetting;
    List<YamlNode> values;
    Crosscheck.Threshold threshold = null;
    if (kind == Crosscheck.Kind.THRESHOLD) {
      sweepSetting = "eps";
      values = sweepNode.sequence();
      YamlNode formula = require(m, "threshold", node);
      String norm = require(m, "norm", node).text().trim();
      if (!norm.equals("l1") && !norm.equals("l2")) {
        throw m.get("norm").error("norm must be 'l1' or 'l2', got '" + norm + "'");
      }
      String scale = require(m, "scale", node).text().trim();
      threshold = new Crosscheck.Threshold(formula.text().trim(), norm, scale, formula.location());
    } else {
      Map<String, YamlNode> sweepMap = sweepNode.mapping();
      if (sweepMap.size() != 1) {
        throw sweepNode.error("sweep must name exactly one setting with a list of values, e.g. {alpha: [0.1, 1]}");
      }
      sweepSetting = sweepMap.keySet().iterator().next();
      values = sweepMap.get(sweepSetting).sequence();
    }
    if (values.isEmpty()) {
      throw sweepNode.error("the sweep of '" + sweepSetting + "' has no values");
    }
    if (values.size() > MAX_SWEEP) {
      throw sweepNode.error("the sweep of '" + sweepSetting + "' has " + values.size() + " values; at most " + MAX_SWEEP
          + " (each value is a full gradient-flow run; use a property to sample many instances)");
    }
    double[] sweep = new double[values.size()];
    for (int i = 0; i < sweep.length; i++) {
      sweep[i] = number(values.get(i));
    }
    String modelSetting = threshold != null ? threshold.scaleSetting() : sweepSetting;
    if (fixed.containsKey(modelSetting)) {
      throw sweepNode.error("'" + modelSetting + "' is both set here and fixed under init");
    }
    Set<String> given = new TreeSet<>(fixed.keySet());
    given.add(modelSetting);
    if (!given.equals(new TreeSet<>(family.settings()))) {
      throw (m.containsKey("init") ? m.get("init") : sweepNode).error("model '" + model + "' needs the settings "
          + new TreeSet<>(family.settings()) + " (from init and " + (threshold != null ? "scale" : "sweep")
          + "), got " + given);
    }
    if (threshold != null) {
      for (double eps : sweep) {
        if (!(eps > 0)) {
          throw sweepNode.error("eps must be positive, got " + eps);
        }
      }
    } else {
      for (double v : sweep) { // let the model reject bad values now, with a line number
        try {
          ModelRegistry.create(model, withValue(fixed, sweepSetting, v));
        } catch (IllegalArgumentException e) {
          throw sweepNode.error(e.getMessage());
        }
      }
    }
    if (kind == Crosscheck.Kind.REGIME) {
      for (int i = 1; i < sweep.length; i++) {
        if (!(sweep[i] > sweep[i - 1])) {
          throw sweepNode.error("a regime cross-check needs an increasing sweep");
        }
      }
      if (sweep.length < 2) {
        throw sweepNode.error("a regime cross-check needs at least two sweep values");
      }
    }

    DataSpec data = readData(require(m, "data", node));
    Prediction prediction = null;
    if (kind == Crosscheck.Kind.AGREEMENT) {
      prediction = readPrediction(require(m, "predicts", node));
    } else if (m.containsKey("predicts")) {
      throw m.get("predicts").error("only an agreement cross-check takes 'predicts'");
    }
    YamlNode tolNode = require(m, "tolerance", node);
    double tolerance = number(tolNode);
    if (!(tolerance > 0 && tolerance < 1)) {
      throw tolNode.error("tolerance must lie in (0, 1), got " + tolerance);
    }
    double timeout = timeout(m);
    int maxEvaluations = m.containsKey("max-evaluations") ? m.get("max-evaluations").integer() : DEFAULT_MAX_EVALUATIONS;
    if (maxEvaluations < 10) {
      throw m.get("max-evaluations").error("max-evaluations must be at least 10");
    }
    String conserved = null;
    if (kind == Crosscheck.Kind.INVARIANT) {
      conserved = require(m, "conserved", node).text().trim();
    } else if (m.containsKey("conserved")) {
      throw m.get("conserved").error("only an invariant cross-check (kind: invariant) takes 'conserved'");
    }
    return new Crosscheck(name, kind, model, fixed, sweepSetting, sweep, data, prediction, threshold, conserved,
        tolerance, timeout, maxEvaluations, node.location(), null);
  }

  private static Map<String, Double> withValue(Map<String, Double> fixed, String key, double v) {
    Map<String, Double> s = new LinkedHashMap<>(fixed);
    s.put(key, v);
    return s;
  }

  static DataSpec readData(YamlNode node) {
    for (String key : node.mapping().keySet()) {
      if (key.equals("csv") || key.equals("file") || key.equals("path") || key.equals("url")) {
        throw node.mapping().get(key).error("data must be written in the file ('x:' and 'y:', or 'rows:', 'cols:',"
            + " 'sparse-truth:', 'seed:'); a theorem file may not read files or URLs ('" + key + "')");
      }
    }
    Map<String, YamlNode> m = node.mapping(DATA_FIELDS);
    if (m.containsKey("x") || m.containsKey("y")) {
      if (m.containsKey("rows") || m.containsKey("cols") || m.containsKey("sparse-truth") || m.containsKey("seed")) {
        throw node.error("data is either generated (rows, cols, sparse-truth, seed) or explicit (x, y), not both");
      }
      List<YamlNode> rows = require(m, "x", node).sequence();
      List<YamlNode> ys = require(m, "y", node).sequence();
      if (rows.isEmpty() || rows.size() != ys.size()) {
        throw node.error("data needs as many y values as rows of x (got " + rows.size() + " rows, " + ys.size() + " values)");
      }
      double[][] x = new double[rows.size()][];
      double[] y = new double[ys.size()];
      for (int n = 0; n < x.length; n++) {
        List<YamlNode> row = rows.get(n).sequence();
        if (n > 0 && row.size() != x[0].length) {
          throw rows.get(n).error("row " + (n + 1) + " of x has " + row.size() + " entries, row 1 has " + x[0].length);
        }
        x[n] = new double[row.size()];
        for (int i = 0; i < row.size(); i++) {
          x[n][i] = number(row.get(i));
        }
        y[n] = number(ys.get(n));
      }
      checkShape(node, x.length, x[0].length);
      return new ExplicitData(new Dataset(x, y));
    }
    int rows = positiveInt(require(m, "rows", node));
    int cols = positiveInt(require(m, "cols", node));
    int sparse = positiveInt(require(m, "sparse-truth", node));
    if (sparse > cols) {
      throw m.get("sparse-truth").error("sparse-truth (" + sparse + ") cannot exceed cols (" + cols + ")");
    }
    checkShape(node, rows, cols);
    long seed = require(m, "seed", node).integer();
    return new SyntheticData(rows, cols, sparse, seed);
  }

  private static void checkShape(YamlNode node, int rows, int cols) {
    if (rows >= cols) {
      throw node.error("the implicit-bias cross-checks need an underdetermined problem (rows < cols), got "
          + rows + " x " + cols);
    }
    if (cols > MAX_SIZE) {
      throw node.error("at most " + MAX_SIZE + " columns, got " + cols);
    }
  }

  private static Prediction readPrediction(YamlNode node) {
    Map<String, YamlNode> m = node.mapping(PREDICTS_FIELDS);
    boolean potential = m.containsKey("potential");
    if (potential == m.containsKey("link")) {
      throw node.error("predicts needs exactly one of 'potential' (q per coordinate) or 'link' (the inverse of q')");
    }
    YamlNode formula = potential ? m.get("potential") : m.get("link");
    String coordinate = require(m, "coordinate", node).text().trim();
    if (!coordinate.matches("[A-Za-z][A-Za-z0-9]*")) {
      throw m.get("coordinate").error("coordinate must be a symbol name, got '" + coordinate + "'");
    }
    double low = Double.NEGATIVE_INFINITY;
    double high = Double.POSITIVE_INFINITY;
    if (m.containsKey("on")) {
      if (potential) {
        throw m.get("on").error("'on' is the domain of a link; a potential needs none");
      }
      List<YamlNode> ends = m.get("on").sequence();
      if (ends.size() != 2) {
        throw m.get("on").error("'on' must be [low, high]");
      }
      low = number(ends.get(0));
      high = number(ends.get(1));
      if (!(low < high)) {
        throw m.get("on").error("'on' must have low < high");
      }
    }
    return new Prediction(potential ? PotentialFormula.Form.POTENTIAL : PotentialFormula.Form.LINK,
        formula.text().trim(), coordinate, low, high, formula.location());
  }

  private static int positiveInt(YamlNode n) {
    int v = n.integer();
    if (v < 1) {
      throw n.error("must be a positive integer, got " + v);
    }
    return v;
  }

  /** A number, or a fraction a/b (shapes such as 9/11 are exact in the file). */
  static double number(YamlNode n) {
    String t = n.text().trim();
    int slash = t.indexOf('/');
    try {
      double v = slash < 0 ? Double.parseDouble(t)
          : Double.parseDouble(t.substring(0, slash).trim()) / Double.parseDouble(t.substring(slash + 1).trim());
      if (!Double.isFinite(v)) {
        throw n.error("must be a finite number, got '" + t + "'");
      }
      return v;
    } catch (NumberFormatException e) {
      throw n.error("must be a number or a fraction a/b, got '" + t + "'");
    }
  }

  static YamlNode require(Map<String, YamlNode> m, String key, YamlNode owner) {
    YamlNode v = m.get(key);
    if (v == null) {
      throw owner.error("missing required field '" + key + "' in the cross-check");
    }
    return v;
  }
}
