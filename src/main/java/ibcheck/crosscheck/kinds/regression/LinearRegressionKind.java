package ibcheck.crosscheck.kinds.regression;

import ibcheck.crosscheck.CheckKind;
import ibcheck.crosscheck.CrosscheckReader;
import ibcheck.crosscheck.KindSupport;
import ibcheck.crosscheck.NumericCheck;
import ibcheck.crosscheck.kinds.regression.LinearRegressionCheck.Predictions;
import ibcheck.spec.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code kind: linear-regression} (Wu 2020): gradient flow on over-parameterised linear
 * regression, integrated with Hipparchus (never from the closed form), against the file's formulas.
 * This class reads and validates the fields; {@link LinearRegressionCheck} runs the check.
 *
 * <pre>
 *   - name: ...
 *     kind: linear-regression
 *     loss: half-mean            # (1/2n)||X b - y||^2 | mean: (1/n)||X b - y||^2 | sum: ||X b - y||^2
 *     data: {rows: 6, cols: 14, seed: 3}   # X with i.i.d. N(0,1) entries; or spectrum: [..] (X = U diag V^T, random frames)
 *     truth: random              # beta*: random (N(0, 1/d) entries) | top-singular (v_1) | zero
 *     init: random               # beta(0): random | zero
 *     noise: 0.1                 # eps: y = X beta* + xi, xi ~ N(0, eps^2 I)
 *     times: [0.5, 2, T0(n, s1, eps), Infinity]   # numbers or formulas in n, dim, s1, eps
 *     predicts:
 *       component: a(t, a0, z, sigma, n)          # a_j(t); beta(t) = sum_j a_j v_j + (I - V V^T) beta(0)
 *       mean: {term: ..., plus: ...}              # E e(t) = sum_j term + plus, e = ||beta(t) - beta*||^2
 *       bound: ...                                # E e(t) <= bound
 *     samples: 20000             # optional: Monte Carlo over the noise for 'mean', within z standard errors
 *     z: 5
 *     tolerance: 1e-9
 * </pre>
 *
 * Per-component formulas see {@code t, sigma, z, a0, astar, n, dim, eps, s1} (sigma_j, z_j = u_j.y,
 * a0_j = v_j.beta(0), astar_j = v_j.beta*); the others {@code t, n, dim, eps, s1, bnull2} with
 * bnull2 = ||(I - V V^T)(beta(0) - beta*)||^2. The flow is {@code beta' = -grad L}; 'Infinity' is
 * the flow at the time where e^(-c sigma_min^2 t) = e^-60 (c the loss's rate), past any double's
 * resolution. The exact expectation over the noise is computed from the integrated propagator
 * (E e = ||mean path - beta*||^2 + eps^2 ||N(t)||_F^2, N the noise-to-beta map of the flow).
 */
final class LinearRegressionKind implements CheckKind {
  static final Set<String> DATA_FIELDS = Set.of("rows", "cols", "seed", "spectrum");
  static final Set<String> PREDICTS = Set.of("component", "mean", "bound");

  @Override
  public String name() {
    return "linear-regression";
  }

  @Override
  public Set<String> fields() {
    return Set.of("loss", "data", "truth", "init", "noise", "times", "predicts", "samples", "z", "tolerance");
  }

  @Override
  public NumericCheck read(Header header, Map<String, YamlNode> m, YamlNode node) {
    RegressionSetup setup = readSetup(m, node);
    List<KindSupport.Formula> times = readTimes(CrosscheckReader.require(m, "times", node));
    Predictions predicts = readPredicts(CrosscheckReader.require(m, "predicts", node));
    int samples = 0;
    double z = 5;
    if (m.containsKey("samples")) {
      samples = KindSupport.positiveInt(m, "samples", node, 2_000_000);
      if (predicts.term() == null) {
        throw m.get("samples").error("Monte Carlo samples test the 'mean' formula; there is none");
      }
      z = m.containsKey("z") ? KindSupport.number(m.get("z")) : 5;
    }
    return new LinearRegressionCheck(header, setup, times, predicts, samples, z, KindSupport.tolerance(m, node));
  }

  /** The problem: loss, data, truth, init and noise, in the order their errors are reported. */
  private static RegressionSetup readSetup(Map<String, YamlNode> m, YamlNode node) {
    YamlNode lossNode = CrosscheckReader.require(m, "loss", node);
    String loss = lossNode.text().trim();
    if (!List.of("half-mean", "mean", "sum").contains(loss)) {
      throw lossNode.error("loss must be half-mean ((1/2n)||X b - y||^2), mean ((1/n)||X b - y||^2) or sum (||X b - y||^2), got '" + loss + "'");
    }
    YamlNode dataNode = CrosscheckReader.require(m, "data", node);
    Map<String, YamlNode> d = dataNode.mapping(DATA_FIELDS);
    int rows = KindSupport.positiveInt(d, "rows", dataNode, 200);
    int cols = KindSupport.positiveInt(d, "cols", dataNode, 200);
    if (rows >= cols) {
      throw dataNode.error("over-parameterised regression needs rows < cols, got " + rows + " x " + cols);
    }
    long seed = CrosscheckReader.require(d, "seed", dataNode).integer();
    double[] spectrum = d.containsKey("spectrum") ? readSpectrum(d.get("spectrum"), rows) : null;
    String truth = choice(m, "truth", "zero", List.of("random", "top-singular", "zero"));
    String init = choice(m, "init", "zero", List.of("random", "zero"));
    double noise = m.containsKey("noise") ? KindSupport.number(m.get("noise")) : 0;
    if (!(noise >= 0)) {
      throw m.get("noise").error("noise must be >= 0, got " + noise);
    }
    return new RegressionSetup(loss, rows, cols, seed, spectrum, truth, init, noise);
  }

  /** One positive singular value per row. */
  private static double[] readSpectrum(YamlNode node, int rows) {
    double[] spectrum = KindSupport.numbers(node);
    if (spectrum.length != rows) {
      throw node.error("the spectrum needs one singular value per row (" + rows + "), got " + spectrum.length);
    }
    for (double s : spectrum) {
      if (!(s > 0)) {
        throw node.error("singular values must be positive, got " + s);
      }
    }
    return spectrum;
  }

  private static List<KindSupport.Formula> readTimes(YamlNode timesNode) {
    List<KindSupport.Formula> times = new ArrayList<>();
    for (YamlNode t : timesNode.sequence()) {
      times.add(new KindSupport.Formula(t.text().trim(), t.location()));
    }
    if (times.isEmpty()) {
      throw timesNode.error("times is empty");
    }
    return times;
  }

  private static Predictions readPredicts(YamlNode predictsNode) {
    Map<String, YamlNode> p = predictsNode.mapping(PREDICTS);
    if (p.isEmpty()) {
      throw predictsNode.error("predicts needs at least one of component, mean, bound");
    }
    KindSupport.Formula component = KindSupport.optionalFormula(p, "component");
    KindSupport.Formula term = null;
    KindSupport.Formula plus = null;
    if (p.containsKey("mean")) {
      Map<String, YamlNode> mean = p.get("mean").mapping(Set.of("term", "plus"));
      term = KindSupport.formula(mean, "term", p.get("mean"));
      plus = KindSupport.optionalFormula(mean, "plus");
    }
    KindSupport.Formula bound = KindSupport.optionalFormula(p, "bound");
    if (bound != null && term == null) {
      throw p.get("bound").error("a bound is checked against the exact E e(t), which needs 'mean' (its formula is checked first)");
    }
    return new Predictions(component, term, plus, bound);
  }

  private static String choice(Map<String, YamlNode> m, String key, String dflt, List<String> allowed) {
    if (!m.containsKey(key)) {
      return dflt;
    }
    String v = m.get(key).text().trim();
    if (!allowed.contains(v)) {
      throw m.get(key).error("'" + key + "' must be one of " + allowed + ", got '" + v + "'");
    }
    return v;
  }
}
