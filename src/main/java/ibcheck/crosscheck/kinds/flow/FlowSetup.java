package ibcheck.crosscheck.kinds.flow;

import ibcheck.bias.VectorPotentialFormula;
import ibcheck.crosscheck.KindSupport;
import ibcheck.crosscheck.Vectors;
import ibcheck.crosscheck.read.CrosscheckReader;
import ibcheck.crosscheck.read.DataSpec;
import ibcheck.crosscheck.read.Drawn;
import ibcheck.crosscheck.read.Field;
import ibcheck.crosscheck.read.FieldValues;
import ibcheck.crosscheck.read.KindFields;
import ibcheck.crosscheck.read.SyntheticData;
import ibcheck.flow.Certificate;
import ibcheck.flow.FlowFailedException;
import ibcheck.flow.FlowLimit;
import ibcheck.flow.GradientFlow;
import ibcheck.models.Dataset;
import ibcheck.models.Model;
import ibcheck.models.NamedState;
import ibcheck.models.Predictor;
import ibcheck.spec.YamlNode;
import ibcheck.symbolic.CompiledExpression;
import ibcheck.symbolic.FileFormula;
import ibcheck.symbolic.InvalidExpressionException;
import ibcheck.symbolic.TheoremSession;
import ibcheck.verdict.ClaimKind;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;
import org.hipparchus.exception.MathRuntimeException;

/**
 * What the flow-against-potential kinds ({@code potential-argmin}, {@code time-warp}) share: a model
 * with named initial quantities ({@link NamedState}), a grid of settings, the data, and the file's
 * potential {@code Q(b)} in a vector variable, minimised subject to {@code activation(X b) = y}.
 *
 * <pre>
 *     model: fc-linear-network            # fc-linear-network | leaky-relu-neuron
 *     init: {width: 1}                    # fixed settings (missing width, sign, seed, shared: 1, 1, 1, 0)
 *     sweep: {alpha: [0.01, 2], shape: [0, 0.5], sign: [1, -1]}   # every combination is run
 *     data: {rows: 3, cols: 8, sparse-truth: 2, seed: 5}
 *     predicts:
 *       potential: Qfc(b, b0, dl)         # Symja; may use b0, w0, a0, dl and the settings
 *       variable: b                       # the vector variable (default b)
 *       activation: lrelu(u)              # optional: constraints activation(x_n . b) = y_n (variable u)
 * </pre>
 *
 * @param model registry name, a {@link Predictor} with {@link NamedState}
 * @param fixed settings that stay fixed (defaults filled in)
 * @param grid swept settings, each with its values; the check runs on every combination
 * @param data the regression data
 * @param fromInit {@code targets: from-init}: the targets are {@code y_n = x_n . beta(0) + y*_n}
 *     with y* the data's, so the fit asks for the same change from the initialisation at every
 *     scale (the kernel regime as alpha grows); otherwise the data's own targets
 * @param potential the file's potential, or null (time-warp without a prediction)
 * @param variable the vector variable of the potential
 * @param activation the output nonlinearity in {@code u}, or null for the identity
 * @param formulaLocation {@code file:line} of the potential
 * @param tolerance the largest allowed {@code max_i |b_flow_i - b_pred_i|}
 * @param maxEvaluations flow budget per grid point
 * @param cache compiled activation and warp formulas, shared by the instances a property draws
 */
record FlowSetup(String model, Map<String, Double> fixed, Map<String, double[]> grid, DataSpec data,
    boolean fromInit, String potential, String variable, String activation, String formulaLocation, double tolerance,
    int maxEvaluations, FormulaCache cache) {

  /** The fields of a setup; each kind adds {@code predicts} (required or not) and its own. */
  static final KindFields FIELDS = KindFields.of(FlowFields.MODEL, FlowFields.INIT,
      FlowFields.sweep("swept settings, each with its values; every combination is run"), FlowFields.DATA,
      Field.choice("targets", "data: the data's y; from-init: y = X beta(0) + the data's y", "data", "from-init")
          .byDefault("data"),
      FlowFields.TOLERANCE, FlowFields.MAX_EVALUATIONS);
  /** {@code predicts:}, the potential the flow limit is held to. */
  static final Field PREDICTS = Field.block("predicts",
      "{potential: Q(b, ...), variable: b, activation: f(u)}: argmin Q subject to activation(X b) = y");
  static final Set<String> PREDICTS_FIELDS = Set.of("potential", "variable", "activation");

  /** Reads the shared fields, already checked against {@link #FIELDS} and the kind's {@link #PREDICTS}. */
  static FlowSetup read(FieldValues f) {
    Map<String, YamlNode> m = f.nodes();
    YamlNode node = f.owner();
    ModelGrid g = ModelGrid.combinations(f);
    g.probe(made -> {
      if (!(made instanceof Predictor) || !(made instanceof NamedState)) {
        throw g.modelNode().error("model '" + g.model() + "' has no vector beta and no named initial quantities to"
            + " state a potential in (use fc-linear-network or leaky-relu-neuron)");
      }
    });
    DataSpec data = CrosscheckReader.readData(f.node("data"));
    boolean fromInit = f.text("targets").equals("from-init");
    String potential = null;
    String variable = "b";
    String activation = null;
    String formulaLocation = node.location();
    if (m.containsKey("predicts")) {
      Map<String, YamlNode> p = m.get("predicts").mapping(PREDICTS_FIELDS);
      YamlNode q = YamlNode.require(p, "potential", m.get("predicts"));
      potential = q.text().trim();
      formulaLocation = q.location();
      if (p.containsKey("variable")) {
        variable = p.get("variable").text().trim();
        if (!variable.matches("[A-Za-z][A-Za-z0-9]*")) {
          throw p.get("variable").error("variable must be a symbol name, got '" + variable + "'");
        }
      }
      if (p.containsKey("activation")) {
        activation = p.get("activation").text().trim();
      }
    }
    return new FlowSetup(g.model(), g.fixed(), g.grid(), data, fromInit, potential, variable, activation,
        formulaLocation, f.number("tolerance"), f.integer("max-evaluations"), new FormulaCache());
  }

  /** Every combination of the swept settings (the first setting varies slowest), each with the fixed ones. */
  List<Map<String, Double>> points() {
    List<Map<String, Double>> out = new ArrayList<>();
    out.add(new LinkedHashMap<>(fixed));
    for (Map.Entry<String, double[]> e : grid.entrySet()) {
      List<Map<String, Double>> next = new ArrayList<>();
      for (Map<String, Double> p : out) {
        for (double v : e.getValue()) {
          Map<String, Double> q = new LinkedHashMap<>(p);
          q.put(e.getKey(), v);
          next.add(q);
        }
      }
      out = next;
    }
    return out;
  }

  /**
   * This setup on one random instance: a drawn setting replaces its sweep (or its fixed value), and
   * drawn {@code rows}, {@code cols}, {@code truth}, {@code dataseed} regenerate synthetic data.
   */
  FlowSetup instantiate(Map<String, Double> drawn, String checkName) {
    Set<String> settings = new TreeSet<>(fixed.keySet());
    settings.addAll(grid.keySet());
    Drawn d = Drawn.of(drawn, checkName, FIELDS, settings);
    Map<String, Double> newFixed = new LinkedHashMap<>(fixed);
    newFixed.putAll(d.among(fixed.keySet()));
    Map<String, double[]> newGrid = new LinkedHashMap<>(grid);
    d.among(grid.keySet()).forEach((k, v) -> newGrid.put(k, new double[] {v}));
    DataSpec newData = SyntheticData.drawn(data, d, checkName);
    return new FlowSetup(model, newFixed, newGrid, newData, fromInit, potential, variable, activation, formulaLocation,
        tolerance, maxEvaluations, cache);
  }

  /** The evidence every run starts with. */
  Map<String, Object> evidence() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("model", model);
    m.put("fixed", fixed);
    Map<String, Object> g = new LinkedHashMap<>();
    grid.forEach((k, v) -> g.put(k, Vectors.evidence(v)));
    m.put("grid", g);
    m.put("sweep", "settings");
    m.put("data", data.evidence());
    if (fromInit) {
      m.put("targets", "from-init: y_n = x_n . beta(0) + y*_n");
    }
    m.put("tolerance", tolerance);
    if (potential != null) {
      m.put("predicted_by", "argmin " + potential + " subject to " + (activation == null ? "X " + variable + " = y"
          : "activation(X " + variable + ") = y, activation(u) = " + activation));
    }
    return m;
  }

  /** The swept settings of one point as text, e.g. {@code alpha = 0.01, shape = 0.5}. */
  String describe(Map<String, Double> settings) {
    Map<String, Double> swept = new LinkedHashMap<>();
    grid.keySet().forEach(k -> swept.put(k, settings.get(k)));
    return KindSupport.describe(swept);
  }

  /**
   * The file's potential at one grid point, compiled with the model's initial quantities and the
   * settings (those not named like a Symja built-in) put in as numbers.
   */
  VectorPotentialFormula formula(TheoremSession session, NamedState.Quantities q, Map<String, Double> settings, int d)
      throws InvalidExpressionException {
    Map<String, Double> scalars = new LinkedHashMap<>();
    settings.forEach((k, v) -> {
      if (session.session().builtIn(k) == null) {
        scalars.put(k, v);
      }
    });
    scalars.putAll(q.scalars());
    return VectorPotentialFormula.compile(session, potential, variable, d, q.vectors(), scalars);
  }

  /**
   * The targets of the linear constraints: y itself, or {@code activation^-1(y_n)} (the activation
   * must be strictly increasing; it is inverted by a bracketing solver on the file's formula).
   */
  double[] targets(TheoremSession session, double[] y) throws InvalidExpressionException {
    if (activation == null) {
      return y.clone();
    }
    CompiledExpression f = cache.scalar(session, "activation", () -> FileFormula.compile(session, activation, List.of("u")));
    BracketingNthOrderBrentSolver solver = new BracketingNthOrderBrentSolver(1e-15, 1e-15, 0, 5);
    double[] out = new double[y.length];
    for (int n = 0; n < y.length; n++) {
      double target = y[n];
      double lo = -1;
      double hi = 1;
      for (int i = 0; i < 80 && !(f.value(lo) <= target && f.value(hi) >= target); i++) {
        lo *= 2;
        hi *= 2;
      }
      try {
        out[n] = solver.solve(1000, u -> f.value(u) - target, lo, hi);
      } catch (MathRuntimeException e) {
        throw new InvalidExpressionException("cannot invert the activation '" + activation + "' at y = " + target
            + " (it must be increasing): " + e.getMessage());
      }
    }
    return out;
  }

  /** The activation applied to a number (the identity when none is given). */
  double activate(TheoremSession session, double u) throws InvalidExpressionException {
    if (activation == null) {
      return u;
    }
    return cache.scalar(session, "activation", () -> FileFormula.compile(session, activation, List.of("u"))).value(u);
  }

  /** The data at one grid point: the data's own, or with targets shifted by the initial outputs. */
  Dataset dataAt(Dataset base, Model model) {
    if (!fromInit) {
      return base;
    }
    double[] beta0 = ((Predictor) model).beta(model.initialParameters(base.cols()));
    double[] y = base.y().clone();
    for (int n = 0; n < y.length; n++) {
      y[n] += Vectors.dot(base.x()[n], beta0);
    }
    return new Dataset(base.x(), y);
  }

  /** A flow limit with the parameters, beta and the certificate. */
  record Limit(double[] theta, double[] beta, Certificate certificate) {}

  /**
   * The flow of the model to convergence.
   *
   * @throws Failure naming the settings and the last certificate when the flow fails, or when its
   *     remaining path cannot resolve the tolerance
   */
  Limit limit(Model model, Dataset at, Map<String, Double> settings, GradientFlow.Observer observer,
      GradientFlow.Speed speed) throws Failure {
    GradientFlow flow = new GradientFlow(GradientFlow.Settings.DEFAULT.withMaxEvaluations(maxEvaluations));
    FlowLimit limit;
    try {
      limit = flow.run(model, at, observer, speed);
    } catch (FlowFailedException e) {
      throw new Failure("at " + describe(settings) + ": " + e.getMessage());
    }
    Certificate c = limit.certificate();
    if (c.remainingPath() > tolerance) {
      throw new Failure("at " + describe(settings) + " the flow stopped with an estimated remaining path of "
          + Vectors.fmt(c.remainingPath()) + " > tolerance " + Vectors.fmt(tolerance) + " (" + c + ")");
    }
    return new Limit(limit.theta(), ((Predictor) model).beta(limit.theta()), c);
  }

  /** A check that cannot reach a verdict. */
  static final class Failure extends Exception {
    Failure(String message) {
      super(message, null, false, false);
    }
  }

  static ClaimResult error(String name, String location, double seconds, String message) {
    return ClaimResult.failure(name, ClaimKind.CROSSCHECK, Verdict.ERROR, seconds,
        "cross-check '" + name + "': " + message, location);
  }
}
