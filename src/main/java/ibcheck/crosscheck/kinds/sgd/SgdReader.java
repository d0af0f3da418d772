package ibcheck.crosscheck.kinds.sgd;

import ibcheck.crosscheck.CheckKind;
import ibcheck.crosscheck.read.CrosscheckReader;
import ibcheck.crosscheck.read.FieldValues;
import ibcheck.models.SgdQuadratic;
import ibcheck.spec.YamlNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads an SGD stability cross-check ({@code kind: moment} or {@code kind: stability}):
 *
 * <pre>
 *   - name: E x_{t+1}^2 = secm E x_t^2, exactly over all batches
 *     kind: moment                      # moment | stability
 *     model: sgd-quadratic
 *     init: {n: 6, dim: 1, seed: 7}     # fixed settings: eta, B, n, dim, seed, scale (default 1)
 *     sweep: {eta: [0.1, 0.7], B: [1, 2, 3, 6]}   # one or more settings; the cartesian product is checked
 *     components: '{1/5, 19/5}'         # optional: the a_i (or d x d H_i) as a Symja list; else random from n, dim, seed
 *     predicts:
 *       first: 1 - eta*a                # optional (moment): E x_{t+1} = first E x_t
 *       second: secm(eta, a, s, n, B)   # the one-step factor (1-D) or operator (d x d matrix)
 *       necessary: 0 &lt;= a &lt;= 2/eta   # stability: must hold just below the critical eta
 *     method: exact                     # moment: exact (default) | monte-carlo
 *     samples: 200000                   # monte-carlo: paths, steps per path, allowed standard errors
 *     steps: 3
 *     z: 5
 *     tolerance: 1e-10
 * </pre>
 *
 * Formulas may use eta, n, B, dim, a, s (a = lambda_max(H), s = sqrt(lambda_max(Sigma))) and the
 * matrices H (mean) and Sig (covariance); in one dimension H = a and Sig = s^2 are numbers.
 */
final class SgdReader {
  private SgdReader() {}

  private static final Set<String> PREDICTS = Set.of("first", "second", "necessary", "bound");

  /** A moment or stability cross-check (the fields of {@link SgdKind#QUADRATIC}). */
  static SgdCrosscheck read(CheckKind.Header header, FieldValues f, SgdCrosscheck.Mode kind) {
    Map<String, YamlNode> m = f.nodes();
    YamlNode node = f.owner();
    YamlNode modelNode = f.node("model");
    String model = modelNode.text().trim();
    if (!model.equals(SgdQuadratic.NAME)) {
      throw modelNode.error("an SGD cross-check runs on model '" + SgdQuadratic.NAME + "', got '" + model + "'");
    }
    Map<String, double[]> grid = grid(m);
    String components = f.given("components") ? f.formula("components").text() : null;
    checkSettings(grid, components, kind, node);
    YamlNode predicts = f.node("predicts");
    Map<String, YamlNode> p = predicts.mapping(PREDICTS);
    String second = CrosscheckReader.require(p, "second", predicts).text().trim();
    String first = p.containsKey("first") ? p.get("first").text().trim() : null;
    String necessary = p.containsKey("necessary") ? p.get("necessary").text().trim() : null;
    if (necessary != null && kind != SgdCrosscheck.Mode.STABILITY) {
      throw p.get("necessary").error("'necessary' belongs to a stability cross-check");
    }
    boolean monteCarlo = f.text("method").equals("monte-carlo");
    if (monteCarlo && kind != SgdCrosscheck.Mode.MOMENT) {
      throw m.get("method").error("only a moment cross-check runs Monte Carlo");
    }
    for (String name : List.of("samples", "steps", "z")) {
      if (f.given(name) && !monteCarlo) {
        throw m.get(name).error("'" + name + "' belongs to method: monte-carlo");
      }
    }
    if (p.containsKey("bound")) {
      throw p.get("bound").error("'bound' belongs to a sharpness cross-check");
    }
    SgdSettings sgd = new SgdSettings(grid, components, first, second, necessary, monteCarlo, f.integer("samples"),
        f.integer("steps"), f.number("z"), predicts.location(), Double.NaN);
    return new SgdCrosscheck(header, kind, sgd, f.number("tolerance"), SgdCheck::run, false);
  }

  /** The settings under init (one value each) and sweep (their values), in file order; none may be both. */
  private static Map<String, double[]> grid(Map<String, YamlNode> m) {
    Map<String, double[]> grid = new LinkedHashMap<>();
    if (m.containsKey("init")) {
      for (Map.Entry<String, YamlNode> e : m.get("init").mapping().entrySet()) {
        setting(e.getKey(), e.getValue());
        grid.put(e.getKey(), new double[] {CrosscheckReader.number(e.getValue())});
      }
    }
    if (m.containsKey("sweep")) {
      for (Map.Entry<String, YamlNode> e : m.get("sweep").mapping().entrySet()) {
        setting(e.getKey(), e.getValue());
        if (grid.containsKey(e.getKey())) {
          throw e.getValue().error("'" + e.getKey() + "' is both swept and fixed under init");
        }
        List<YamlNode> values = e.getValue().sequence();
        if (values.isEmpty()) {
          throw e.getValue().error("the sweep of '" + e.getKey() + "' has no values");
        }
        double[] v = new double[values.size()];
        for (int i = 0; i < v.length; i++) {
          v[i] = CrosscheckReader.number(values.get(i));
        }
        grid.put(e.getKey(), v);
      }
    }
    return grid;
  }

  /**
   * The settings the quadratic needs are given (eta too for a moment check), those explicit components
   * fix are not, and a stability check, which finds the critical eta itself, has none.
   */
  private static void checkSettings(Map<String, double[]> grid, String components, SgdCrosscheck.Mode kind,
      YamlNode node) {
    List<String> needed = components != null ? List.of("B") : List.of("B", "n", "dim", "seed");
    if (kind == SgdCrosscheck.Mode.MOMENT) {
      needed = new java.util.ArrayList<>(needed);
      needed.add("eta");
    }
    for (String k : needed) {
      if (!grid.containsKey(k)) {
        throw node.error("the SGD cross-check needs the setting '" + k + "' (under init or sweep)"
            + (components == null ? "; without 'components' the a_i / H_i are drawn from n, dim and seed" : ""));
      }
    }
    if (components != null) {
      for (String k : List.of("n", "dim", "seed", "scale")) {
        if (grid.containsKey(k)) {
          throw node.error("'" + k + "' is fixed by the explicit components; remove it");
        }
      }
    }
    if (kind == SgdCrosscheck.Mode.STABILITY && grid.containsKey("eta")) {
      throw node.error("a stability cross-check finds the critical eta itself; it takes no 'eta' setting");
    }
  }

  /**
   * A sharpness cross-check: {@code model: two-layer-network}, {@code init: {rows, cols, hidden, seed}},
   * {@code sweep: {eta: [...]}}, {@code predicts: {bound: 2/eta}}, optional {@code close: 0.75}.
   */
  static SgdCrosscheck readSharpness(CheckKind.Header header, FieldValues f) {
    YamlNode node = f.owner();
    YamlNode modelNode = f.node("model");
    if (!modelNode.text().trim().equals(ibcheck.models.TwoLayerNetwork.NAME)) {
      throw modelNode.error("a sharpness cross-check runs on model '" + ibcheck.models.TwoLayerNetwork.NAME + "'");
    }
    Map<String, double[]> grid = new LinkedHashMap<>();
    for (Map.Entry<String, YamlNode> e : f.node("init").mapping().entrySet()) {
      grid.put(e.getKey(), new double[] {CrosscheckReader.number(e.getValue())});
    }
    YamlNode sweep = f.node("sweep");
    Map<String, YamlNode> sm = sweep.mapping();
    if (sm.size() != 1 || !sm.containsKey("eta")) {
      throw sweep.error("a sharpness cross-check sweeps exactly eta, e.g. {eta: [1, 2, 4]}");
    }
    List<YamlNode> values = sm.get("eta").sequence();
    double[] etas = new double[values.size()];
    for (int i = 0; i < etas.length; i++) {
      etas[i] = CrosscheckReader.number(values.get(i));
      if (!(etas[i] > 0)) {
        throw values.get(i).error("eta must be positive");
      }
    }
    grid.put("eta", etas);
    if (!grid.keySet().equals(SgdSettings.SHARPNESS_SETTINGS)) {
      throw node.error("model '" + ibcheck.models.TwoLayerNetwork.NAME + "' needs the settings "
          + new TreeSet<>(SgdSettings.SHARPNESS_SETTINGS) + " (init and sweep), got " + new TreeSet<>(grid.keySet()));
    }
    YamlNode predicts = f.node("predicts");
    Map<String, YamlNode> p = predicts.mapping(java.util.Set.of("bound"));
    String bound = CrosscheckReader.require(p, "bound", predicts).text().trim();
    SgdSettings sgd = new SgdSettings(grid, null, null, bound, null, false, 0, 0, 0, predicts.location(),
        f.number("close"));
    return new SgdCrosscheck(header, SgdCrosscheck.Mode.SHARPNESS, sgd, f.number("tolerance"),
        SharpnessCheck::run, false);
  }

  private static void setting(String key, YamlNode at) {
    if (!SgdSettings.SETTINGS.contains(key)) {
      throw at.error("'" + key + "' is not a setting of model '" + SgdQuadratic.NAME + "' (settings: "
          + String.join(", ", new TreeSet<>(SgdSettings.SETTINGS)) + ")");
    }
  }
}
