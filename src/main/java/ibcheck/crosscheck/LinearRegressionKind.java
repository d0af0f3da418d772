package ibcheck.crosscheck;

import static ibcheck.crosscheck.KindSupport.fmt;

import ibcheck.spec.YamlNode;
import ibcheck.symbolic.CompiledExpression;
import ibcheck.symbolic.InvalidExpressionException;
import ibcheck.symbolic.TheoremSession;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Figure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;

/**
 * {@code kind: linear-regression} (Wu 2020, seed 004): gradient flow on over-parameterised linear
 * regression, integrated with Hipparchus (never from the closed form), against the file's formulas.
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
  static final List<String> COMPONENT_VARS = List.of("t", "sigma", "z", "a0", "astar", "n", "dim", "eps", "s1");
  static final List<String> GLOBAL_VARS = List.of("t", "n", "dim", "eps", "s1", "bnull2");
  static final List<String> TIME_VARS = List.of("n", "dim", "eps", "s1");
  static final Set<String> DATA_FIELDS = Set.of("rows", "cols", "seed", "spectrum");
  static final Set<String> PREDICTS = Set.of("component", "mean", "bound");
  static final Set<String> SETTINGS = Set.of("rows", "cols", "dataseed", "noise");

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
    double[] spectrum = null;
    if (d.containsKey("spectrum")) {
      spectrum = KindSupport.numbers(d.get("spectrum"));
      if (spectrum.length != rows) {
        throw d.get("spectrum").error("the spectrum needs one singular value per row (" + rows + "), got " + spectrum.length);
      }
      for (double s : spectrum) {
        if (!(s > 0)) {
          throw d.get("spectrum").error("singular values must be positive, got " + s);
        }
      }
    }
    String truth = choice(m, "truth", "zero", List.of("random", "top-singular", "zero"));
    String init = choice(m, "init", "zero", List.of("random", "zero"));
    double noise = m.containsKey("noise") ? KindSupport.number(m.get("noise")) : 0;
    if (!(noise >= 0)) {
      throw m.get("noise").error("noise must be >= 0, got " + noise);
    }
    YamlNode timesNode = CrosscheckReader.require(m, "times", node);
    List<KindSupport.Formula> times = new ArrayList<>();
    for (YamlNode t : timesNode.sequence()) {
      times.add(new KindSupport.Formula(t.text().trim(), t.location()));
    }
    if (times.isEmpty()) {
      throw timesNode.error("times is empty");
    }
    YamlNode predictsNode = CrosscheckReader.require(m, "predicts", node);
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
    int samples = 0;
    double z = 5;
    if (m.containsKey("samples")) {
      samples = KindSupport.positiveInt(m, "samples", node, 2_000_000);
      if (term == null) {
        throw m.get("samples").error("Monte Carlo samples test the 'mean' formula; there is none");
      }
      z = m.containsKey("z") ? KindSupport.number(m.get("z")) : 5;
    }
    return new Check(header, loss, rows, cols, seed, spectrum, truth, init, noise, times, component, term, plus, bound,
        samples, z, KindSupport.tolerance(m, node));
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

  record Check(Header header, String loss, int rows, int cols, long seed, double[] spectrum, String truth, String init,
      double noise, List<KindSupport.Formula> times, KindSupport.Formula component, KindSupport.Formula term,
      KindSupport.Formula plus, KindSupport.Formula bound, int samples, double z, double tolerance) implements NumericCheck {




    @Override
    public NumericCheck instantiate(Map<String, Double> drawn) {
      int r = rows;
      int c = cols;
      long s = seed;
      double eps = noise;
      for (Map.Entry<String, Double> e : drawn.entrySet()) {
        switch (e.getKey()) {
          case "rows" -> r = (int) Math.round(e.getValue());
          case "cols" -> c = (int) Math.round(e.getValue());
          case "dataseed" -> s = Math.round(e.getValue());
          case "noise" -> eps = e.getValue();
          default -> throw KindSupport.notASetting(e.getKey(), name(), SETTINGS);
        }
      }
      if (spectrum != null && drawn.containsKey("rows")) {
        throw new IllegalArgumentException("cross-check '" + name() + "' fixes a spectrum of " + rows + " singular values; rows cannot be drawn");
      }
      return new Check(header, loss, r, c, s, spectrum, truth, init, eps, times, component, term, plus, bound, samples, z,
          tolerance);
    }

    @Override
    public ClaimResult run(TheoremSession session) {
      Judgement judgement = Judgement.start(header());
      if (rows < 1 || rows >= cols || !(noise >= 0)) {
        return judgement.error("needs 1 <= rows < cols and noise >= 0, got " + rows + " x " + cols
            + ", noise " + noise, header.location());
      }
      try {
        return new Run(this, session, judgement).run();
      } catch (InvalidExpressionException e) {
        return judgement.error(e.getMessage(), header.location());
      } catch (RuntimeException e) {
        return judgement.error(String.valueOf(e.getMessage()), header.location());
      }
    }
  }

  /** One run: the problem, its SVD, the integrated flow, the comparisons. */
  private static final class Run {
    final Check c;
    final TheoremSession session;
    final Judgement judgement;
    final int n;
    final int d;
    double[][] x;
    double[] y;
    double[] truth;
    double[] beta0;
    double[] sigma;
    RealMatrix u;
    RealMatrix v;
    double rate;

    Run(Check c, TheoremSession session, Judgement judgement) {
      this.c = c;
      this.session = session;
      this.judgement = judgement;
      this.n = c.rows;
      this.d = c.cols;
    }

    ClaimResult run() throws InvalidExpressionException {
      build();
      rate = switch (c.loss) {
        case "half-mean" -> 1.0 / n;
        case "mean" -> 2.0 / n;
        default -> 2.0;
      };
      double s1 = sigma[0];
      double smin = sigma[n - 1];
      double tInf = 60 / (rate * smin * smin);
      double[] timeValues = new double[c.times.size()];
      for (int k = 0; k < timeValues.length; k++) {
        KindSupport.Formula f = c.times.get(k);
        String t = f.text();
        if (t.equals("Infinity") || t.equals("inf")) {
          timeValues[k] = Double.POSITIVE_INFINITY;
          continue;
        }
        double value;
        try {
          value = Double.parseDouble(t);
        } catch (NumberFormatException e) {
          value = f.compile(session, TIME_VARS).value(n, d, c.noise, s1);
        }
        if (!(value >= 0)) {
          throw new InvalidExpressionException("time '" + t + "' (" + f.location() + ") is " + value + ", not a time >= 0");
        }
        timeValues[k] = value;
      }
      double[] flowTimes = new double[timeValues.length];
      double maxFinite = 0;
      double minPositive = Double.POSITIVE_INFINITY;
      for (int k = 0; k < timeValues.length; k++) {
        flowTimes[k] = Double.isInfinite(timeValues[k]) ? tInf : timeValues[k];
        if (Double.isFinite(timeValues[k])) {
          maxFinite = Math.max(maxFinite, timeValues[k]);
          if (timeValues[k] > 0) {
            minPositive = Math.min(minPositive, timeValues[k]);
          }
        }
      }
      double gridLow = Math.min(Double.isFinite(minPositive) ? minPositive : 1, 0.01 / (rate * s1 * s1));
      double gridHigh = Math.max(maxFinite, java.util.Arrays.stream(timeValues).anyMatch(Double::isInfinite)
          ? tInf / 3 : 10 * maxFinite);
      double[] grid = LinearFlowSampler.logGrid(gridLow, gridHigh, 48);
      double[] all = new double[flowTimes.length + grid.length];
      System.arraycopy(flowTimes, 0, all, 0, flowTimes.length);
      System.arraycopy(grid, 0, all, flowTimes.length, grid.length);
      double[][] states = integrate(all);

      Map<String, Object> ev = new LinkedHashMap<>();
      ev.put("loss", switch (c.loss) {
        case "half-mean" -> "(1/2n)||X beta - y||^2, flow beta' = -(1/n) X^T (X beta - y)";
        case "mean" -> "(1/n)||X beta - y||^2, flow beta' = -(2/n) X^T (X beta - y)";
        default -> "||X beta - y||^2, flow beta' = -2 X^T (X beta - y)";
      });
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("rows", n);
      data.put("cols", d);
      data.put("seed", c.seed);
      data.put("truth", c.truth);
      data.put("init", c.init);
      data.put("noise", c.noise);
      ev.put("data", data);
      ev.put("singular_values", KindSupport.list(sigma));
      ev.put("time_for_infinity", tInf);
      ev.put("tolerance", c.tolerance);
      List<String> failures = new ArrayList<>();
      List<String> passes = new ArrayList<>();
      if (c.component != null) {
        component(timeValues, states, ev, failures, passes);
      }
      if (c.term != null) {
        mean(timeValues, states, grid, java.util.Arrays.copyOfRange(states, flowTimes.length, states.length), ev,
            failures, passes);
      }
      boolean ok = failures.isEmpty();
      String msg = ok ? String.join("; ", passes) : String.join("; ", failures);
      return judgement.holds(ok, msg, ev);
    }

    private void build() {
      RandomGenerator random = new Well19937c(c.seed);
      if (c.spectrum == null) {
        x = KindSupport.gaussian(random, n, d, 1);
      } else {
        RealMatrix uu = KindSupport.orthonormal(random, n, n);
        RealMatrix vv = KindSupport.orthonormal(random, d, n);
        x = uu.multiply(MatrixUtils.createRealDiagonalMatrix(c.spectrum)).multiply(vv.transpose()).getData();
      }
      SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(x, false));
      sigma = svd.getSingularValues();
      u = svd.getU();
      v = svd.getV();
      if (sigma.length != n || !(sigma[n - 1] > 1e-10 * sigma[0])) {
        throw new IllegalStateException("X does not have full row rank (singular values " + java.util.Arrays.toString(sigma) + ")");
      }
      truth = switch (c.truth) {
        case "random" -> KindSupport.gaussian(random, d, 1 / Math.sqrt(d));
        case "top-singular" -> v.getColumn(0);
        default -> new double[d];
      };
      beta0 = c.init.equals("random") ? KindSupport.gaussian(random, d, 1 / Math.sqrt(d)) : new double[d];
      double[] xi = KindSupport.gaussian(random, n, c.noise);
      y = new double[n];
      for (int i = 0; i < n; i++) {
        y[i] = KindSupport.dot(x[i], truth) + xi[i];
      }
    }

    /**
     * The flow at the given times. State: the realised path beta(t) (y with its noise), the noiseless
     * mean path (y = X beta*), and N(t), the d x n map from the noise xi to beta(t) (N' = -c X^T X N +
     * c X^T, N(0) = 0): beta(t) = mean path + N(t) xi for every noise draw.
     */
    private double[][] integrate(double[] times) {
      double[][] g = new double[d][d];
      for (int i = 0; i < d; i++) {
        for (int j = 0; j < d; j++) {
          double s = 0;
          for (int k = 0; k < n; k++) {
            s += x[k][i] * x[k][j];
          }
          g[i][j] = s;
        }
      }
      double[] xty = new double[d];
      double[] xtxb = new double[d];
      for (int i = 0; i < d; i++) {
        for (int k = 0; k < n; k++) {
          xty[i] += x[k][i] * y[k];
        }
        xtxb[i] = KindSupport.dot(g[i], truth);
      }
      int dim = d * (2 + n);
      OrdinaryDifferentialEquation ode = new OrdinaryDifferentialEquation() {
        @Override
        public int getDimension() {
          return dim;
        }

        @Override
        public double[] computeDerivatives(double t, double[] s) {
          double[] out = new double[dim];
          for (int i = 0; i < d; i++) {
            double a = 0;
            double b = 0;
            for (int j = 0; j < d; j++) {
              a += g[i][j] * s[j];
              b += g[i][j] * s[d + j];
            }
            out[i] = -rate * (a - xty[i]);
            out[d + i] = -rate * (b - xtxb[i]);
          }
          for (int k = 0; k < n; k++) {
            int off = 2 * d + k * d;
            for (int i = 0; i < d; i++) {
              double a = 0;
              for (int j = 0; j < d; j++) {
                a += g[i][j] * s[off + j];
              }
              out[off + i] = -rate * (a - x[k][i]);
            }
          }
          return out;
        }
      };
      double[] s0 = new double[dim];
      System.arraycopy(beta0, 0, s0, 0, d);
      System.arraycopy(beta0, 0, s0, d, d);
      return new LinearFlowSampler(1e-12, 1e-15, 5_000_000).sample(ode, s0, times, (t, s) -> { });
    }

    private double[] nullPart(double[] w) {
      double[] out = w.clone();
      for (int j = 0; j < n; j++) {
        double[] vj = v.getColumn(j);
        double a = KindSupport.dot(vj, w);
        for (int i = 0; i < d; i++) {
          out[i] -= a * vj[i];
        }
      }
      return out;
    }

    private void component(double[] times, double[][] states, Map<String, Object> ev, List<String> failures,
        List<String> passes) throws InvalidExpressionException {
      CompiledExpression a = c.component.compile(session, COMPONENT_VARS);
      double[] b0null = nullPart(beta0);
      List<Map<String, Object>> points = new ArrayList<>();
      double worst = 0;
      double worstAt = Double.NaN;
      double drift = 0;
      double[] err = new double[times.length];
      for (int k = 0; k < times.length; k++) {
        double t = times[k];
        double[] predicted = b0null.clone();
        for (int j = 0; j < n; j++) {
          double[] vj = v.getColumn(j);
          double aj = a.value(t, sigma[j], KindSupport.dot(u.getColumn(j), y), KindSupport.dot(vj, beta0),
              KindSupport.dot(vj, truth), n, d, c.noise, sigma[0]);
          for (int i = 0; i < d; i++) {
            predicted[i] += aj * vj[i];
          }
        }
        double[] flow = java.util.Arrays.copyOf(states[k], d);
        err[k] = Vectors.maxAbsDifference(flow, predicted);
        double[] moved = flow.clone();
        for (int i = 0; i < d; i++) {
          moved[i] -= beta0[i];
        }
        drift = Math.max(drift, KindSupport.norm(nullPart(moved)));
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("t", t);
        p.put("error", err[k]);
        p.put("flow", Vectors.evidence(flow));
        p.put("formula", Vectors.evidence(predicted));
        points.add(p);
        if (!(err[k] <= worst)) {
          worst = err[k];
          worstAt = t;
        }
      }
      ev.put("component_error_measure", "max_i |beta_flow(t)_i - (sum_j a_j(t) v_j + (I - V V^T) beta(0))_i|");
      ev.put("component_points", points);
      ev.put("null_space_drift", drift);
      ev.put("component_max_error", worst);
      double[] finite = java.util.Arrays.stream(times).map(t -> Double.isFinite(t) ? t : Double.NaN).toArray();
      List<Integer> keep = new ArrayList<>();
      for (int k = 0; k < finite.length; k++) {
        if (Double.isFinite(finite[k]) && finite[k] > 0) {
          keep.add(k);
        }
      }
      if (keep.size() >= 2) {
        double[] fx = keep.stream().mapToDouble(k -> times[k]).toArray();
        double[] fy = keep.stream().mapToDouble(k -> Math.max(err[k], 1e-18)).toArray();
        double[] tol = keep.stream().mapToDouble(k -> c.tolerance).toArray();
        new Figure("closed form a_j(t) against the integrated flow", "flow time t", "max_i |beta_flow - beta_formula|",
            List.of(new Figure.Series("measured error", fx, fy), new Figure.Series("tolerance", fx, tol))).addTo(ev);
      }
      if (worst <= c.tolerance) {
        passes.add("closed form matches the integrated flow at t = " + Vectors.join(times) + ": max error " + fmt(worst)
            + " <= " + fmt(c.tolerance) + " (null-space component moves " + fmt(drift) + ")");
      } else {
        failures.add("at t = " + fmt(worstAt) + " the closed form " + c.component.text() + " is " + fmt(worst)
            + " from the integrated flow (tolerance " + fmt(c.tolerance) + ")");
      }
    }

    private void mean(double[] times, double[][] states, double[] grid, double[][] gridStates, Map<String, Object> ev,
        List<String> failures, List<String> passes) throws InvalidExpressionException {
      CompiledExpression term = c.term.compile(session, COMPONENT_VARS);
      CompiledExpression plus = c.plus == null ? null : c.plus.compile(session, GLOBAL_VARS);
      CompiledExpression boundValue = null;
      if (c.bound != null) {
        boundValue = c.bound.compile(session, GLOBAL_VARS);
      }
      double[] diff = beta0.clone();
      for (int i = 0; i < d; i++) {
        diff[i] -= truth[i];
      }
      double[] nullDiff = nullPart(diff);
      double bnull2 = KindSupport.dot(nullDiff, nullDiff);
      double[] a0 = new double[n];
      double[] astar = new double[n];
      double[] zz = new double[n];
      for (int j = 0; j < n; j++) {
        a0[j] = KindSupport.dot(v.getColumn(j), beta0);
        astar[j] = KindSupport.dot(v.getColumn(j), truth);
        zz[j] = KindSupport.dot(u.getColumn(j), y);
      }
      // common noise draws for every time
      double[][] draws = null;
      if (c.samples > 0) {
        RandomGenerator random = new Well19937c(c.seed * 7919 + 17);
        draws = new double[c.samples][];
        for (int s = 0; s < c.samples; s++) {
          draws[s] = KindSupport.gaussian(random, n, c.noise);
        }
      }
      List<Map<String, Object>> points = new ArrayList<>();
      double worstFormula = 0;
      double worstFormulaAt = Double.NaN;
      String mcFailure = null;
      String boundFailure = null;
      double worstZ = 0;
      double tightest = Double.NaN;
      for (int k = 0; k < times.length; k++) {
        double t = times[k];
        double exact = exactMean(states[k], truth);
        double formula = formulaMean(term, plus, t, a0, astar, zz, bnull2);
        double err = Math.abs(exact - formula) / Math.max(1, Math.abs(exact));
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("t", t);
        p.put("exact_mean", exact);
        p.put("formula", formula);
        p.put("relative_error", err);
        if (!(err <= worstFormula)) {
          worstFormula = err;
          worstFormulaAt = t;
        }
        if (draws != null) {
          double[] st = states[k];
          double sum = 0;
          double sum2 = 0;
          for (double[] xi : draws) {
            double e = 0;
            for (int i = 0; i < d; i++) {
              double b = st[d + i] - truth[i];
              for (int kk = 0; kk < n; kk++) {
                b += st[2 * d + kk * d + i] * xi[kk];
              }
              e += b * b;
            }
            sum += e;
            sum2 += e * e;
          }
          double mc = sum / draws.length;
          double se = Math.sqrt(Math.max(0, sum2 / draws.length - mc * mc) / (draws.length - 1));
          double dev = Math.abs(mc - formula);
          double zs = se > 0 ? dev / se : (dev == 0 ? 0 : Double.POSITIVE_INFINITY);
          p.put("monte_carlo_mean", mc);
          p.put("standard_error", se);
          p.put("deviation_in_standard_errors", zs);
          worstZ = Math.max(worstZ, zs);
          if (mcFailure == null && !(dev <= c.z * se + c.tolerance * Math.abs(formula))) {
            mcFailure = "at t = " + fmt(t) + " the Monte Carlo mean " + fmt(mc) + " (standard error " + fmt(se)
                + ", " + c.samples + " noise draws) is " + fmt(zs) + " standard errors from the formula's " + fmt(formula);
          }
        }
        if (boundValue != null && Double.isFinite(t)) {
          double b = boundValue.value(t, n, d, c.noise, sigma[0], bnull2);
          p.put("bound", b);
          p.put("mean_over_bound", exact / b);
          tightest = Double.isNaN(tightest) ? exact / b : Math.max(tightest, exact / b);
          if (boundFailure == null && !(exact <= b * (1 + c.tolerance))) {
            boundFailure = "at t = " + fmt(t) + " the exact E e(t) = " + fmt(exact) + " exceeds the bound " + c.bound.text()
                + " = " + fmt(b);
          }
        }
        points.add(p);
      }
      ev.put("mean_error_measure", "|E e(t) exact - formula| / max(1, E e(t)); E over the noise from the integrated propagator");
      ev.put("mean_points", points);
      ev.put("mean_max_error", worstFormula);
      if (draws != null) {
        ev.put("monte_carlo", Map.of("samples", c.samples, "z", c.z, "max_deviation_in_standard_errors", worstZ,
            "two_sided_false_alarm_per_time", org.hipparchus.special.Erf.erfc(c.z / Math.sqrt(2))));
      }
      // the figure: exact E e(t), the formula and the bound along a log grid
      double[] ex = new double[grid.length];
      double[] fo = new double[grid.length];
      double[] bo = new double[grid.length];
      for (int k = 0; k < grid.length; k++) {
        ex[k] = exactMean(gridStates[k], truth);
        fo[k] = formulaMean(term, plus, grid[k], a0, astar, zz, bnull2);
        bo[k] = boundValue == null ? Double.NaN : boundValue.value(grid[k], n, d, c.noise, sigma[0], bnull2);
      }
      List<Figure.Series> series = new ArrayList<>();
      series.add(new Figure.Series("E e(t), integrated flow", grid, ex));
      series.add(new Figure.Series("formula", grid, fo));
      if (boundValue != null) {
        series.add(new Figure.Series("bound", grid, bo));
      }
      new Figure("expected error e(t) = ||beta(t) - beta*||^2 over the noise", "flow time t", "E e(t)", series).addTo(ev);

      if (worstFormula <= c.tolerance) {
        passes.add("E e(t) formula matches the exact expectation at t = " + Vectors.join(times) + " (max relative error "
            + fmt(worstFormula) + ")");
      } else {
        failures.add("at t = " + fmt(worstFormulaAt) + " the formula for E e(t) is off by " + fmt(worstFormula)
            + " (relative) from the exact expectation of the integrated flow");
      }
      if (draws != null) {
        if (mcFailure == null) {
          passes.add("Monte Carlo over " + c.samples + " noise draws within " + fmt(worstZ) + " standard errors (z = "
              + fmt(c.z) + ")");
        } else {
          failures.add(mcFailure);
        }
      }
      if (boundValue != null) {
        if (boundFailure == null) {
          passes.add("E e(t) <= " + c.bound.text() + " at every finite t (largest ratio " + fmt(tightest) + ")");
        } else {
          failures.add(boundFailure);
        }
      }
    }

    private double exactMean(double[] st, double[] target) {
      double bias = 0;
      for (int i = 0; i < d; i++) {
        double b = st[d + i] - target[i];
        bias += b * b;
      }
      double frob = 0;
      for (int i = 2 * d; i < st.length; i++) {
        frob += st[i] * st[i];
      }
      return bias + c.noise * c.noise * frob;
    }

    private double formulaMean(CompiledExpression term, CompiledExpression plus, double t, double[] a0, double[] astar,
        double[] zz, double bnull2) {
      double s = 0;
      for (int j = 0; j < n; j++) {
        s += term.value(t, sigma[j], zz[j], a0[j], astar[j], n, d, c.noise, sigma[0]);
      }
      return s + (plus == null ? 0 : plus.value(t, n, d, c.noise, sigma[0], bnull2));
    }
  }
}
