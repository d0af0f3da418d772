package ibcheck.crosscheck;

import static ibcheck.crosscheck.Vectors.fmt;

import ibcheck.bias.HardMarginSvm;
import ibcheck.flow.ClassificationFlow;
import ibcheck.models.Classification;
import ibcheck.models.ReluFeatures;
import ibcheck.spec.YamlNode;
import ibcheck.symbolic.CompiledExpression;
import ibcheck.symbolic.FileFormula;
import ibcheck.symbolic.InvalidExpressionException;
import ibcheck.symbolic.TheoremSession;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Figure;
import ibcheck.verdict.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.SingularValueDecomposition;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;

/**
 * {@code kind: max-margin} (Soudry, Hoffer, Nacson, Gunasekar and Srebro 2018; seed 002): a model
 * linear in its parameters w, trained without regularisation on separable classification data with
 * the file's loss {@code l(u)} of the margin {@code u = y w . phi(x)}, by gradient flow (integrated in
 * log time to {@code t = e^300}) or gradient descent. The file states
 *
 * <ul>
 *   <li>{@code loss}: l(u) in Symja; the dynamics use {@code g = -l'} from Symja's {@code D};
 *   <li>{@code predicts.offset}: the law of the bounded part, {@code w(t) = w_hat log t + w_tilde + o(1)}
 *       with {@code z_i . w_tilde = offset(alpha_i, eta)} on every support vector (alpha_i its
 *       hard-margin multiplier, eta the step, 1 for the flow);
 *   <li>{@code predicts.rate}: the rate r(t) of the direction's convergence; the angle to w_hat must
 *       follow {@code tan(angle) = C r / (1 + c0 r)}, which {@code w_hat log t + w_tilde} obeys exactly
 *       for r = 1/log t (C = |P_perp w_tilde| / |w_hat|, c0 = w_hat . w_tilde / |w_hat|^2).
 * </ul>
 *
 * The max-margin vector w_hat and the alpha_i come from {@link HardMarginSvm} (Hipparchus ADMM on
 * the dual, exact active-set polish, KKT certificate). Verdict: the residual
 * {@code |w(T) - w_hat log T - w_tilde|} at the end within {@code tolerance} (only its part in the
 * span of the support vectors when the support vectors do not span the data, since the rest of
 * w_tilde then depends on the path), and on the second half of the log-time range the fit of
 * {@code cot(angle)} against {@code 1/r} within {@code band} (relative deviation), with the fitted C
 * within {@code band} of the predicted {@code |P_perp w_tilde| / |w_hat|} when w_tilde is pinned.
 */
final class MaxMarginCheck {
  static final String NAME = "max-margin";
  static final Set<String> FIELDS = Set.of("model", "data", "width", "feature-seed", "init", "loss", "method", "eta",
      "log-time", "iterations", "predicts", "tolerance", "band", "residual");
  static final Set<String> SETTINGS = Set.of("n", "dim", "dataseed", "gap", "width", "featureseed", "initseed", "scale");

  private MaxMarginCheck() {}

  /** The data: explicit, or separable random from n, dim, gap, seed. */
  record Data(double[][] x, double[] y, int n, int dim, double gap, long seed, boolean xor, double push) {
    Classification classification() {
      return x != null ? new Classification(x, y) : Classification.separable(n, dim, gap, seed, xor);
    }

    Map<String, Object> evidence() {
      Map<String, Object> m = new LinkedHashMap<>();
      if (x != null) {
        m.put("explicit", true);
        m.put("rows", x.length);
      } else {
        m.put("n", n);
        m.put("dim", dim);
        m.put("gap", gap);
        m.put("seed", seed);
        m.put("labels", xor ? "xor: sign(x_1 x_2)" : "a random linear teacher");
      }
      if (push > 0) {
        m.put("push", push);
        m.put("pushed", "every point off the support set moved along y_i w_hat to a margin of at least 1 + push (w_hat and"
            + " the alpha_i unchanged)");
      }
      return m;
    }
  }

  record Check(CheckKind.Header header, String model, Data data, int width, long featureSeed, double scale,
      long initSeed, String loss, String lossLocation, boolean gd, double eta, double logTime, long iterations,
      String rate, String offset, String predictsLocation, double tolerance, double band, boolean decay)
      implements NumericCheck {




    @Override
    public NumericCheck instantiate(Map<String, Double> drawn) {
      Data d = data;
      int w = width;
      long fs = featureSeed;
      long is = initSeed;
      double sc = scale;
      for (Map.Entry<String, Double> e : drawn.entrySet()) {
        double v = e.getValue();
        switch (e.getKey()) {
          case "n" -> d = new Data(null, null, (int) v, d.dim, d.gap, d.seed, d.xor, d.push);
          case "dim" -> d = new Data(null, null, d.n, (int) v, d.gap, d.seed, d.xor, d.push);
          case "gap" -> d = new Data(null, null, d.n, d.dim, v, d.seed, d.xor, d.push);
          case "dataseed" -> d = new Data(null, null, d.n, d.dim, d.gap, (long) v, d.xor, d.push);
          case "width" -> w = (int) v;
          case "featureseed" -> fs = (long) v;
          case "initseed" -> is = (long) v;
          case "scale" -> sc = v;
          default -> throw new IllegalArgumentException("cross-check '" + name() + "' (kind: max-margin) has no setting '"
              + e.getKey() + "' (settings: " + String.join(", ", new java.util.TreeSet<>(SETTINGS)) + ")");
        }
        if (data.x != null && Set.of("n", "dim", "gap", "dataseed").contains(e.getKey())) {
          throw new IllegalArgumentException("cross-check '" + name() + "' has explicit data; it cannot draw '" + e.getKey() + "'");
        }
      }
      return new Check(header, model, d, w, fs, sc, is, loss, lossLocation, gd, eta, logTime, iterations, rate, offset,
          predictsLocation, tolerance, band, decay);
    }

    @Override
    public ClaimResult run(TheoremSession session) {
      Judgement judgement = Judgement.start(header());
      try {
        return MaxMarginCheck.run(this, session, judgement);
      } catch (InvalidExpressionException e) {
        return judgement.error(e.getMessage(), predictsLocation);
      } catch (IllegalArgumentException | IllegalStateException e) {
        return judgement.error(e.getMessage(), location());
      }
    }
  }

  static final CheckKind KIND = CheckKind.of(NAME, FIELDS, (header, m, node) -> {
    YamlNode modelNode = YamlNode.require(m, "model", node);
    String model = modelNode.text().trim();
    if (!model.equals("linear") && !model.equals(ReluFeatures.NAME)) {
      throw modelNode.error("a max-margin cross-check runs on model 'linear' or '" + ReluFeatures.NAME + "', got '" + model + "'");
    }
    Data data = readData(YamlNode.require(m, "data", node));
    int width = 0;
    long featureSeed = 0;
    if (model.equals(ReluFeatures.NAME)) {
      width = YamlNode.require(m, "width", node).integer();
      featureSeed = YamlNode.require(m, "feature-seed", node).integer();
      if (width < 1 || width > 100_000) {
        throw m.get("width").error("width must be between 1 and 100000");
      }
    } else {
      for (String f : List.of("width", "feature-seed")) {
        if (m.containsKey(f)) {
          throw m.get(f).error("'" + f + "' belongs to model '" + ReluFeatures.NAME + "'");
        }
      }
    }
    double scale = 0;
    long initSeed = 1;
    if (m.containsKey("init")) {
      Map<String, YamlNode> init = m.get("init").mapping(Set.of("scale", "seed"));
      scale = init.containsKey("scale") ? CrosscheckReader.number(init.get("scale")) : 0;
      initSeed = init.containsKey("seed") ? init.get("seed").integer() : 1;
    }
    YamlNode lossNode = YamlNode.require(m, "loss", node);
    YamlNode methodNode = YamlNode.require(m, "method", node);
    String method = methodNode.text().trim();
    boolean gd;
    double eta = 1;
    double logTime = 0;
    long iterations = 0;
    if (method.equals("flow")) {
      gd = false;
      YamlNode lt = YamlNode.require(m, "log-time", node);
      logTime = CrosscheckReader.number(lt);
      if (!(logTime >= 8 && logTime <= ClassificationFlow.MAX_LOG_TIME)) {
        throw lt.error("log-time (log t at the end of the flow) must lie in [8, " + ClassificationFlow.MAX_LOG_TIME + "]");
      }
      for (String f : List.of("eta", "iterations")) {
        if (m.containsKey(f)) {
          throw m.get(f).error("'" + f + "' belongs to method: gd");
        }
      }
    } else if (method.equals("gd")) {
      gd = true;
      eta = CrosscheckReader.number(YamlNode.require(m, "eta", node));
      if (!(eta > 0)) {
        throw m.get("eta").error("eta must be positive");
      }
      YamlNode it = YamlNode.require(m, "iterations", node);
      iterations = it.longInteger();
      if (iterations < 1000 || iterations > 100_000_000L) {
        throw it.error("iterations must lie in [1000, 100000000]");
      }
      if (m.containsKey("log-time")) {
        throw m.get("log-time").error("'log-time' belongs to method: flow");
      }
    } else {
      throw methodNode.error("method must be 'flow' or 'gd', got '" + method + "'");
    }
    YamlNode predicts = YamlNode.require(m, "predicts", node);
    Map<String, YamlNode> p = predicts.mapping(Set.of("rate", "offset"));
    String rate = YamlNode.require(p, "rate", predicts).text().trim();
    String offset = YamlNode.require(p, "offset", predicts).text().trim();
    YamlNode tolNode = YamlNode.require(m, "tolerance", node);
    double tolerance = CrosscheckReader.number(tolNode);
    if (!(tolerance > 0)) {
      throw tolNode.error("tolerance must be positive");
    }
    YamlNode bandNode = YamlNode.require(m, "band", node);
    double band = CrosscheckReader.number(bandNode);
    if (!(band > 0 && band < 1)) {
      throw bandNode.error("band must lie in (0, 1)");
    }
    boolean decay = false;
    if (m.containsKey("residual")) {
      String rm = m.get("residual").text().trim();
      if (!rm.equals("tolerance") && !rm.equals("decay")) {
        throw m.get("residual").error("residual must be 'tolerance' (the default: within tolerance at the end) or 'decay'"
            + " (within tolerance, or still decaying at the predicted exponent)");
      }
      decay = rm.equals("decay");
    }
    return new Check(header, model, data, width, featureSeed, scale, initSeed, lossNode.text().trim(),
        lossNode.location(), gd, eta, logTime, iterations, rate, offset, predicts.location(), tolerance, band, decay);
  });

  static Data readData(YamlNode node) {
    Map<String, YamlNode> d = node.mapping(Set.of("n", "dim", "gap", "seed", "labels", "push", "x", "y"));
    if (d.containsKey("x") || d.containsKey("y")) {
      for (String k : List.of("n", "dim", "gap", "seed", "labels", "push")) {
        if (d.containsKey(k)) {
          throw d.get(k).error("explicit data (x, y) takes no '" + k + "'");
        }
      }
      List<YamlNode> rows = YamlNode.require(d, "x", node).sequence();
      List<YamlNode> labels = YamlNode.require(d, "y", node).sequence();
      if (rows.size() != labels.size() || rows.isEmpty() || rows.size() > 2000) {
        throw node.error("explicit data needs as many labels as rows (1 to 2000)");
      }
      double[][] x = new double[rows.size()][];
      double[] y = new double[rows.size()];
      for (int i = 0; i < x.length; i++) {
        List<YamlNode> row = rows.get(i).sequence();
        x[i] = new double[row.size()];
        for (int k = 0; k < row.size(); k++) {
          x[i][k] = CrosscheckReader.number(row.get(k));
        }
        y[i] = CrosscheckReader.number(labels.get(i));
        if (y[i] != 1 && y[i] != -1) {
          throw labels.get(i).error("labels must be -1 or 1");
        }
        if (x[i].length != x[0].length) {
          throw rows.get(i).error("every row must have the same length");
        }
      }
      return new Data(x, y, x.length, x[0].length, 0, 0, false, 0);
    }
    int n = YamlNode.require(d, "n", node).integer();
    int dim = YamlNode.require(d, "dim", node).integer();
    double gap = d.containsKey("gap") ? CrosscheckReader.number(d.get("gap")) : 0;
    long seed = YamlNode.require(d, "seed", node).integer();
    boolean xor = false;
    if (d.containsKey("labels")) {
      String l = d.get("labels").text().trim();
      if (!l.equals("teacher") && !l.equals("xor")) {
        throw d.get("labels").error("labels must be 'teacher' (a random linear teacher) or 'xor' (sign(x_1 x_2))");
      }
      xor = l.equals("xor");
    }
    if (n < 2 || n > 2000 || dim < 1 || dim > 200 || !(gap >= 0 && gap < 3)) {
      throw node.error("random separable data needs 2 <= n <= 2000, 1 <= dim <= 200, 0 <= gap < 3");
    }
    double push = d.containsKey("push") ? CrosscheckReader.number(d.get("push")) : 0;
    if (!(push >= 0 && push <= 10)) {
      throw d.get("push").error("push must lie in [0, 10]");
    }
    return new Data(null, null, n, dim, gap, seed, xor, push);
  }

  /** What is known of w_tilde: its part in the span of the support vectors, and all of it when pinned. */
  private record Offset(double[] inSupportSpan, double[] full, boolean pinned, double[][] supportBasis) {}

  static ClaimResult run(Check c, TheoremSession session, Judgement judgement) throws InvalidExpressionException {
    // the file's formulas
    IExpr lossExpr = FileFormula.load(session, c.loss(), List.of("u"));
    IExpr uVar = session.session().parse("u");
    IExpr gExpr = session.session().eval(F.Times(F.CN1, F.D(lossExpr, uVar)));
    CompiledExpression g;
    try {
      g = CompiledExpression.compile(gExpr, List.of("u"));
    } catch (InvalidExpressionException e) {
      throw new InvalidExpressionException("the loss '" + c.loss() + "': " + e.getMessage());
    }
    CompiledExpression rate = FileFormula.compile(session, c.rate(), List.of("t"));
    CompiledExpression offsetLaw = FileFormula.compile(session, c.offset(), List.of("alpha", "eta"));

    // the data, the model's margin vectors and the initialisation
    Classification data = c.data().classification();
    double[][] z;
    double[] w0;
    if (c.model().equals("linear")) {
      z = data.margins();
      w0 = new double[data.dim()];
      RandomGenerator r = new Well19937c(c.initSeed());
      for (int k = 0; k < w0.length; k++) {
        w0[k] = c.scale() * r.nextGaussian() / Math.sqrt(w0.length);
      }
    } else {
      ReluFeatures f = ReluFeatures.random(c.width(), data.dim(), c.featureSeed());
      z = f.margins(data);
      w0 = f.b0().clone();
      for (int k = 0; k < w0.length; k++) {
        w0[k] *= c.scale();
      }
    }
    int d = w0.length;
    HardMarginSvm.Solution svm;
    try {
      svm = HardMarginSvm.solve(z);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the hard-margin problem: " + e.getMessage(), e);
    }
    if (!(svm.feasibility() >= -1e-9 && svm.slackness() <= 1e-9 * (1 + max(svm.alpha())))) {
      throw new IllegalStateException("the hard-margin solution fails its KKT certificate (feasibility " + fmt(svm.feasibility())
          + ", slackness " + fmt(svm.slackness()) + ")");
    }
    if (c.data().push() > 0) {
      if (!c.model().equals("linear")) {
        throw new IllegalArgumentException("data 'push' applies to model 'linear' only");
      }
      // z_i += (1 + push - z_i . w_hat) w_hat/|w_hat|^2 off the support set: their margins become
      // 1 + push, the hard-margin solution (w_hat, alpha) still satisfies every KKT condition
      double ww = dot(svm.w(), svm.w());
      for (int i = 0; i < z.length; i++) {
        double m = dot(z[i], svm.w());
        if (svm.alpha()[i] == 0 && m < 1 + c.data().push()) {
          for (int k = 0; k < d; k++) {
            z[i][k] += (1 + c.data().push() - m) * svm.w()[k] / ww;
          }
        }
      }
    }
    double[] wHat = svm.w();
    double wHatNorm = norm(wHat);
    double[] u = scaled(wHat, 1 / wHatNorm);
    int[] s = svm.support();

    // the offset law: z_i . w_tilde = offset(alpha_i, eta) on the support vectors
    double[] o = new double[s.length];
    for (int a = 0; a < s.length; a++) {
      o[a] = offsetLaw.value(svm.alpha()[s[a]], c.gd() ? c.eta() : 1);
      if (!Double.isFinite(o[a])) {
        throw new InvalidExpressionException("the offset law '" + c.offset() + "' is not finite at alpha = "
            + svm.alpha()[s[a]]);
      }
    }
    Offset offset = offset(z, s, o, w0);

    // diagnostics: the decay exponent of the residual, min(lambda_min(A), theta - 1)
    double[][] gss = new double[s.length][s.length];
    for (int a = 0; a < s.length; a++) {
      for (int b = 0; b < s.length; b++) {
        gss[a][b] = Math.sqrt(svm.alpha()[s[a]] * svm.alpha()[s[b]]) * dot(z[s[a]], z[s[b]]);
      }
    }
    double[] ev = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(gss, false)).getEigenvalues();
    double lambdaMin = ev[ev.length - 1];
    double theta = Double.POSITIVE_INFINITY;
    for (int i = 0; i < z.length; i++) {
      if (svm.alpha()[i] == 0) {
        theta = Math.min(theta, dot(z[i], wHat));
      }
    }

    // the dynamics, sampled
    List<double[]> samples = new ArrayList<>(); // {time, log time, angle, residual, margin, cot(angle)}
    ClassificationFlow.Sampler sampler = (time, logTime, w) -> {
      if (!(time > 1)) {
        return;
      }
      double lt = Math.log(time);
      double along = dot(w, u);
      double[] perp = new double[d];
      for (int k = 0; k < d; k++) {
        perp[k] = w[k] - along * u[k];
      }
      double angle = Math.atan2(norm(perp), along);
      double[] res = new double[d];
      for (int k = 0; k < d; k++) {
        res[k] = w[k] - wHat[k] * lt;
      }
      double residual;
      if (offset.pinned()) {
        residual = distance(res, offset.full());
      } else {
        residual = distance(project(offset.supportBasis(), res), offset.inSupportSpan());
      }
      double minMargin = Double.POSITIVE_INFINITY;
      for (double[] zi : z) {
        minMargin = Math.min(minMargin, dot(zi, w));
      }
      samples.add(new double[] {time, lt, angle, residual, minMargin / norm(w), along / norm(perp)});
    };
    ClassificationFlow dynamics = new ClassificationFlow(z, x -> g.value(x));
    int evaluations = 0;
    double endLog;
    if (c.gd()) {
      long k = c.iterations();
      int count = 240;
      List<Long> its = new ArrayList<>();
      for (int j = 1; j <= count; j++) {
        long it = Math.round(Math.exp(Math.log(k) * j / count));
        if (its.isEmpty() || it > its.get(its.size() - 1)) {
          its.add(it);
        }
      }
      dynamics.descend(w0, c.eta(), its.stream().mapToLong(Long::longValue).toArray(), sampler);
      endLog = Math.log(k);
    } else {
      int count = 300;
      double[] times = new double[count + 1];
      for (int j = 0; j <= count; j++) {
        times[j] = c.logTime() * j / count;
      }
      evaluations = dynamics.flow(w0, times, sampler);
      endLog = c.logTime();
    }
    double[] last = samples.get(samples.size() - 1);
    if (!Double.isFinite(last[2]) || !Double.isFinite(last[3])) {
      throw new IllegalStateException("the trajectory is not finite at the end (angle " + last[2] + ", residual " + last[3] + ")");
    }

    // the rate: cot(angle) = (1 + c0 r)/(C r) on the second half of the log-time range (exactly so for
    // w_hat log t + w_tilde with r = 1/log t; angle ~ C r)
    List<double[]> window = new ArrayList<>();
    for (double[] p : samples) {
      if (p[1] >= endLog / 2) {
        window.add(p);
      }
    }
    double[] inv = new double[window.size()];
    double[] invAngle = new double[window.size()];
    double[] r = new double[window.size()];
    double[] ang = new double[window.size()];
    for (int i = 0; i < inv.length; i++) {
      r[i] = rate.value(window.get(i)[0]);
      inv[i] = 1 / r[i];
      ang[i] = window.get(i)[2];
      invAngle[i] = window.get(i)[5];
      if (!(r[i] > 0) || !Double.isFinite(r[i])) {
        throw new InvalidExpressionException("the rate '" + c.rate() + "' is not positive and finite at t = " + window.get(i)[0]);
      }
    }
    Fits.Line fit = Fits.line(inv, invAngle);
    double cFit = 1 / fit.slope();
    double c0Fit = fit.intercept() / fit.slope();
    Fits.Line exponent = null;
    try {
      exponent = Fits.powerLaw(r, ang);
    } catch (IllegalArgumentException e) {
      // an angle of exactly 0: no exponent to report
    }
    double cPred = Double.NaN;
    double c0Pred = Double.NaN;
    if (offset.pinned()) {
      double along = dot(offset.full(), u);
      double[] perp = new double[d];
      for (int k = 0; k < d; k++) {
        perp[k] = offset.full()[k] - along * u[k];
      }
      cPred = norm(perp) / wHatNorm;
      c0Pred = along / wHatNorm;
    }

    // verdict
    List<String> failures = new ArrayList<>();
    double residual = last[3];
    double kappa = Math.min(lambdaMin, theta - 1);
    double decaySlope = Double.NaN;
    boolean decaying = false;
    if (c.decay() && !(residual <= c.tolerance())) {
      // the last third of the log-time range: ln residual against log t
      List<double[]> tail = new ArrayList<>();
      for (double[] p : samples) {
        if (p[1] >= endLog * 2 / 3 && p[3] > 0) {
          tail.add(p);
        }
      }
      double[] tx = new double[tail.size()];
      double[] ty = new double[tail.size()];
      for (int i = 0; i < tx.length; i++) {
        tx[i] = tail.get(i)[1];
        ty[i] = Math.log(tail.get(i)[3]);
      }
      if (tx.length >= 3) {
        decaySlope = Fits.line(tx, ty).slope();
        decaying = decaySlope <= -kappa / 2 && kappa > 0;
      }
    }
    if (!(residual <= c.tolerance()) && !decaying) {
      failures.add("|w(t) - w_hat log t - w_tilde|" + (offset.pinned() ? "" : " (support-vector span)") + " = " + fmt(residual)
          + " at log t = " + fmt(last[1]) + " > tolerance " + fmt(c.tolerance()) + " (w_tilde from the offset law "
          + c.offset() + ")" + (c.decay() ? "; nor does it decay like t^-kappa/2 with the predicted kappa = " + fmt(kappa)
          + " (fitted exponent " + fmt(-decaySlope) + ")" : ""));
    }
    if (!(fit.slope() > 0 && fit.maxRelativeDeviation() <= c.band())) {
      failures.add("the angle does not follow tan(angle) = C r/(1 + c0 r) with r = " + c.rate() + " on the second half of the"
          + " range: fitted slope of cot(angle) against 1/r " + fmt(fit.slope()) + ", largest relative deviation "
          + fmt(fit.maxRelativeDeviation()) + " (band " + fmt(c.band()) + ")");
    }
    if (offset.pinned() && residual <= c.tolerance() && !(Math.abs(cFit - cPred) <= c.band() * cPred)) {
      failures.add("the fitted constant C = " + fmt(cFit) + " is not within " + fmt(c.band()) + " of the predicted |P_perp w_tilde|/|w_hat| = "
          + fmt(cPred));
    }

    Map<String, Object> ev2 = new LinkedHashMap<>();
    ev2.put("model", c.model());
    if (c.model().equals(ReluFeatures.NAME)) {
      ev2.put("width", c.width());
      ev2.put("feature_seed", c.featureSeed());
    }
    ev2.put("data", c.data().evidence());
    ev2.put("loss", c.loss());
    ev2.put("negative_loss_derivative", gExpr.toString());
    ev2.put("method", c.gd() ? "gradient descent, eta = " + c.eta() + ", " + c.iterations() + " iterations"
        : "gradient flow in log time to log t = " + c.logTime() + " (" + evaluations + " evaluations)");
    ev2.put("init_scale", c.scale());
    Map<String, Object> svmEv = new LinkedHashMap<>();
    svmEv.put("solver", "Hipparchus ADMMQPOptimizer on the dual, exact active-set polish");
    svmEv.put("margin", svm.margin());
    svmEv.put("support", s);
    svmEv.put("alpha_support", pick(svm.alpha(), s));
    svmEv.put("w_hat", Vectors.evidence(wHat));
    svmEv.put("kkt_feasibility_min_margin_minus_1", svm.feasibility());
    svmEv.put("kkt_slackness", svm.slackness());
    svmEv.put("duality_gap", svm.gap());
    svmEv.put("admm_converged", svm.admmConverged());
    ev2.put("hard_margin", svmEv);
    ev2.put("offset_law", c.offset());
    ev2.put("w_tilde_pinned", offset.pinned());
    ev2.put("w_tilde", offset.pinned() ? Vectors.evidence(offset.full())
        : "only its part in the span of the support vectors is pinned (the support vectors do not span the data)");
    ev2.put("residual_end", residual);
    ev2.put("tolerance", c.tolerance());
    ev2.put("residual_decay_exponent_predicted", kappa);
    if (c.decay()) {
      ev2.put("residual_rule", "within tolerance, or decaying like t^-e with e >= kappa/2 on the last third of the log-time range");
      ev2.put("residual_decay_exponent_fitted", Double.isNaN(decaySlope) ? null : -decaySlope);
    }
    ev2.put("lambda_min_sum_alpha_zz", lambdaMin);
    ev2.put("theta_smallest_non_support_margin", Double.isInfinite(theta) ? null : theta);
    ev2.put("angle_end", last[2]);
    ev2.put("normalised_margin_end", last[4]);
    ev2.put("max_margin", svm.margin());
    ev2.put("rate", c.rate());
    Map<String, Object> fitEv = fit.evidence("inverse_C", "c0_over_C");
    fitEv.put("C", cFit);
    fitEv.put("c0", c0Fit);
    ev2.put("fit_cot_angle_vs_inverse_rate", fitEv);
    ev2.put("C_predicted", offset.pinned() ? cPred : null);
    ev2.put("c0_predicted", offset.pinned() ? c0Pred : null);
    if (exponent != null) {
      ev2.put("fitted_exponent_of_angle_in_rate", exponent.slope());
      ev2.put("fitted_exponent_95_half_width", exponent.halfWidth());
    }
    ev2.put("band", c.band());

    double[] lx = new double[samples.size()];
    double[] la = new double[samples.size()];
    double[] lr = new double[samples.size()];
    for (int i = 0; i < lx.length; i++) {
      lx[i] = samples.get(i)[1];
      la[i] = samples.get(i)[2];
      lr[i] = samples.get(i)[3];
    }
    double[] fitted = new double[window.size()];
    double[] wx = new double[window.size()];
    for (int i = 0; i < fitted.length; i++) {
      wx[i] = window.get(i)[1];
      fitted[i] = Math.atan(1 / (fit.intercept() + fit.slope() * inv[i]));
    }
    List<Figure.Series> series = new ArrayList<>();
    series.add(new Figure.Series("angle(w(t), w_hat)", lx, la));
    series.add(new Figure.Series("fit tan(angle) = C r/(1 + c0 r), r = " + c.rate(), wx, fitted));
    if (offset.pinned()) {
      double[] pred = new double[lx.length];
      for (int i = 0; i < lx.length; i++) {
        pred[i] = Math.atan2(cPred * wHatNorm, wHatNorm * (lx[i] + c0Pred));
        if (lx[i] + c0Pred <= 0) {
          pred[i] = Double.NaN;
        }
      }
      series.add(new Figure.Series("predicted from w_hat log t + w_tilde", lx, pred));
    }
    new Figure("the direction converges to the max-margin direction like 1/log t", "log t", "angle (radians)", series)
        .addTo(ev2);
    new Figure("the bounded part converges: |w(t) - w_hat log t - w_tilde|", "log t", "residual",
        List.of(new Figure.Series("residual", lx, lr))).addTo(ev2);

    String msg = failures.isEmpty()
        ? "direction -> max-margin: residual |w - w_hat log t - w_tilde|" + (offset.pinned() ? "" : " (support-vector span)")
            + " = " + fmt(residual) + (decaying ? " decaying like t^-" + fmt(-decaySlope) + " (predicted kappa = " + fmt(kappa) + ")"
                : " <= " + fmt(c.tolerance()))
            + " at log t = " + fmt(last[1]) + "; angle " + fmt(last[2]) + " follows tan(angle) = C r/(1 + c0 r), r = " + c.rate()
            + " (C = " + fmt(cFit) + (offset.pinned() ? ", predicted " + fmt(cPred) : ", not pinned") + ", deviation "
            + fmt(fit.maxRelativeDeviation()) + ")"
        : String.join("; ", failures);
    return judgement.holds(failures.isEmpty(), msg, ev2);
  }

  /**
   * w_tilde's part in span{z_i : i in S} from the offset law, and, when the support vectors span all
   * the z_i, all of it: the part orthogonal to the data never moves, so it is w(0)'s.
   */
  private static Offset offset(double[][] z, int[] s, double[] o, double[] w0) {
    int d = w0.length;
    int k = s.length;
    double[][] g = new double[k][k];
    for (int a = 0; a < k; a++) {
      for (int b = 0; b < k; b++) {
        g[a][b] = dot(z[s[a]], z[s[b]]);
      }
    }
    double[] coef = new org.hipparchus.linear.CholeskyDecomposition(new Array2DRowRealMatrix(g, false), 1e-14, 1e-14)
        .getSolver().solve(new org.hipparchus.linear.ArrayRealVector(o, false)).toArray();
    double[] inSpan = new double[d];
    for (int a = 0; a < k; a++) {
      for (int j = 0; j < d; j++) {
        inSpan[j] += coef[a] * z[s[a]][j];
      }
    }
    double[][] zs = new double[k][];
    for (int a = 0; a < k; a++) {
      zs[a] = z[s[a]];
    }
    double[][] basis = orthonormalRows(zs);
    int rank = new SingularValueDecomposition(new Array2DRowRealMatrix(z, false)).getRank();
    boolean pinned = rank == k;
    double[] full = null;
    if (pinned) {
      double[] outside = w0.clone();
      double[] p = project(basis, w0);
      for (int j = 0; j < d; j++) {
        outside[j] -= p[j];
      }
      full = new double[d];
      for (int j = 0; j < d; j++) {
        full[j] = inSpan[j] + outside[j];
      }
    }
    return new Offset(inSpan, full, pinned, basis);
  }

  /** An orthonormal basis (as rows) of the span of the rows, by modified Gram-Schmidt twice. */
  private static double[][] orthonormalRows(double[][] rows) {
    List<double[]> out = new ArrayList<>();
    for (double[] row : rows) {
      double[] v = row.clone();
      for (int pass = 0; pass < 2; pass++) {
        for (double[] q : out) {
          double c = dot(v, q);
          for (int j = 0; j < v.length; j++) {
            v[j] -= c * q[j];
          }
        }
      }
      double nv = norm(v);
      if (nv > 1e-12 * norm(row)) {
        for (int j = 0; j < v.length; j++) {
          v[j] /= nv;
        }
        out.add(v);
      }
    }
    return out.toArray(new double[0][]);
  }

  private static double[] project(double[][] basis, double[] v) {
    double[] p = new double[v.length];
    for (double[] q : basis) {
      double c = dot(v, q);
      for (int j = 0; j < v.length; j++) {
        p[j] += c * q[j];
      }
    }
    return p;
  }

  private static Object pick(double[] v, int[] idx) {
    double[] out = new double[idx.length];
    for (int i = 0; i < idx.length; i++) {
      out[i] = v[idx[i]];
    }
    return Vectors.evidence(out);
  }

  private static double max(double[] v) {
    double m = 0;
    for (double x : v) {
      m = Math.max(m, x);
    }
    return m;
  }

  static double dot(double[] a, double[] b) {
    return Vectors.dot(a, b);
  }

  static double norm(double[] a) {
    return Math.sqrt(dot(a, a));
  }

  private static double distance(double[] a, double[] b) {
    return Vectors.distance(a, b);
  }

  private static double[] scaled(double[] a, double c) {
    double[] out = a.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] *= c;
    }
    return out;
  }

}
