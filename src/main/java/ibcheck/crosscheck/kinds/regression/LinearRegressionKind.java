package ibcheck.crosscheck.kinds.regression;

import ibcheck.crosscheck.KindSupport;
import ibcheck.crosscheck.NumericCheck;
import ibcheck.crosscheck.kinds.regression.LinearRegressionCheck.Predictions;
import ibcheck.crosscheck.read.CrosscheckReader;
import ibcheck.crosscheck.read.DeclaredKind;
import ibcheck.crosscheck.read.Field;
import ibcheck.crosscheck.read.FieldValues;
import ibcheck.crosscheck.read.KindFields;
import ibcheck.crosscheck.read.Range;
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
final class LinearRegressionKind extends DeclaredKind {
  /** The fields of {@code data:}; rows, cols and the seed (as dataseed) a property may draw. */
  static final KindFields DATA = KindFields.of(
      Field.integer("rows", "n, the number of examples").in(Range.closed(1, 200)).drawable(),
      Field.integer("cols", "d, the dimension").in(Range.closed(1, 200)).drawable(),
      Field.integer("seed", "the seed of X and of beta*, beta(0) and the noise").draws(Set.of("dataseed")),
      Field.numbers("spectrum", "X = U diag(spectrum) V^T with random frames: one singular value per row")
          .in(Range.above(0)).optional());
  static final KindFields FIELDS = KindFields.of(
      Field.choice("loss", "half-mean: (1/2n)||X b - y||^2; mean: (1/n)||X b - y||^2; sum: ||X b - y||^2",
          "half-mean", "mean", "sum"),
      Field.block("data", "{rows, cols, seed}: X with i.i.d. N(0,1) entries, or with spectrum: [...]")
          .draws(DATA.drawable()),
      Field.choice("truth", "beta*: N(0, 1/d) entries, the top right singular vector v_1, or zero",
          "random", "top-singular", "zero").byDefault("zero"),
      Field.choice("init", "beta(0)", "random", "zero").byDefault("zero"),
      Field.number("noise", "eps: y = X beta* + xi, xi ~ N(0, eps^2 I)").in(Range.atLeast(0)).byDefault("0")
          .drawable(),
      Field.list("times", "numbers or formulas in n, dim, s1, eps; Infinity for the limit"),
      Field.block("predicts", "{component, mean: {term, plus}, bound}: at least one"),
      Field.integer("samples", "Monte Carlo over the noise for 'mean'").in(Range.closed(1, 2_000_000)).optional(),
      Field.number("z", "with samples: allowed standard errors").byDefault("5"),
      Field.number("tolerance", "relative error bound").in(Range.open(0, 1)));
  static final Set<String> PREDICTS = Set.of("component", "mean", "bound");

  LinearRegressionKind() {
    super("linear-regression", FIELDS);
  }

  @Override
  protected NumericCheck read(Header header, FieldValues f) {
    RegressionSetup setup = readSetup(f);
    List<KindSupport.Formula> times = readTimes(f.node("times"));
    Predictions predicts = readPredicts(f.node("predicts"));
    int samples = 0;
    double z = 5;
    if (f.given("samples")) {
      samples = f.integer("samples");
      if (predicts.term() == null) {
        throw f.node("samples").error("Monte Carlo samples test the 'mean' formula; there is none");
      }
      z = f.number("z");
    }
    return new LinearRegressionCheck(header, setup, times, predicts, samples, z, f.number("tolerance"));
  }

  /** The problem: loss, data, truth, init and noise. */
  private static RegressionSetup readSetup(FieldValues f) {
    YamlNode dataNode = f.node("data");
    FieldValues d = DATA.read(dataNode.mapping(DATA.names()), dataNode);
    int rows = d.integer("rows");
    int cols = d.integer("cols");
    if (rows >= cols) {
      throw dataNode.error("over-parameterised regression needs rows < cols, got " + rows + " x " + cols);
    }
    double[] spectrum = d.numbers("spectrum");
    if (spectrum != null && spectrum.length != rows) {
      throw d.node("spectrum").error("the spectrum needs one singular value per row (" + rows + "), got "
          + spectrum.length);
    }
    return new RegressionSetup(f.text("loss"), rows, cols, d.longInteger("seed"), spectrum, f.text("truth"),
        f.text("init"), f.number("noise"));
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
    KindSupport.Formula component = CrosscheckReader.optionalFormula(p, "component");
    KindSupport.Formula term = null;
    KindSupport.Formula plus = null;
    if (p.containsKey("mean")) {
      Map<String, YamlNode> mean = p.get("mean").mapping(Set.of("term", "plus"));
      term = CrosscheckReader.formula(mean, "term", p.get("mean"));
      plus = CrosscheckReader.optionalFormula(mean, "plus");
    }
    KindSupport.Formula bound = CrosscheckReader.optionalFormula(p, "bound");
    if (bound != null && term == null) {
      throw p.get("bound").error("a bound is checked against the exact E e(t), which needs 'mean' (its formula is checked first)");
    }
    return new Predictions(component, term, plus, bound);
  }
}
