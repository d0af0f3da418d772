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
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;

/**
 * {@code kind: convex-flow} (Wu 2020, seed 004, "implicit bias of GD for general convex problems"):
 * random convex empirical risks generated in Java, the gradient flow {@code theta' = -grad R}
 * integrated with Hipparchus from a random theta(0), and at every accepted step the file's Lyapunov
 * function must not increase and the file's relation must hold.
 *
 * <pre>
 *   - name: ...
 *     kind: convex-flow
 *     problems: {families: [psd-quadratic, log-cosh, logistic], count: 3, rows: 5, cols: 10, seed: 11}
 *     horizon: 60                         # flow time
 *     lyapunov: t*(R - Rbar) + dist2/2    # must be non-increasing along the flow
 *     holds: Sqrt(dist2) <= Sqrt(dist02)  # must hold at every step
 *     tolerance: 1e-9                     # relative slack
 * </pre>
 *
 * Families: {@code psd-quadratic} R = (theta - c)^T H (theta - c)/2 with H = G G^T/rows of rank rows
 * (a subspace of minimisers); {@code log-cosh} R = (1/rows) sum_i log cosh(a_i.theta - b_i) with
 * rows &lt; cols (minimisers: A theta = b); {@code logistic} R = (1/m) sum_i log(1 + exp(-y_i a_i.theta))
 * with m = 8 cols points and random labels (non-separable, a unique minimiser, found by Newton's
 * method). theta-bar is the minimum-norm minimiser. Formulas see {@code t, R, Rbar, dist2 =
 * ||theta_t - theta-bar||^2, dist02 = ||theta_0 - theta-bar||^2, normt = ||theta_t||, norm0, normbar,
 * grad2 = ||grad R(theta_t)||^2}.
 */
final class ConvexFlowKind implements CheckKind {
  static final List<String> VARS = List.of("t", "R", "Rbar", "dist2", "dist02", "normt", "norm0", "normbar", "grad2");
  static final List<String> FAMILIES = List.of("psd-quadratic", "log-cosh", "logistic");
  static final Set<String> SETTINGS = Set.of("seed", "rows", "cols", "count");

  @Override
  public String name() {
    return "convex-flow";
  }

  @Override
  public Set<String> fields() {
    return Set.of("problems", "horizon", "lyapunov", "holds", "tolerance");
  }

  @Override
  public NumericCheck read(Header header, Map<String, YamlNode> m, YamlNode node) {
    YamlNode pn = CrosscheckReader.require(m, "problems", node);
    Map<String, YamlNode> p = pn.mapping(Set.of("families", "count", "rows", "cols", "seed"));
    List<String> families = new ArrayList<>();
    for (YamlNode f : CrosscheckReader.require(p, "families", pn).sequence()) {
      String name = f.text().trim();
      if (!FAMILIES.contains(name)) {
        throw f.error("unknown family '" + name + "' (known: " + String.join(", ", FAMILIES) + ")");
      }
      families.add(name);
    }
    if (families.isEmpty()) {
      throw pn.error("families is empty");
    }
    int count = KindSupport.positiveInt(p, "count", pn, 100);
    int rows = KindSupport.positiveInt(p, "rows", pn, 100);
    int cols = KindSupport.positiveInt(p, "cols", pn, 50);
    if (rows >= cols) {
      throw pn.error("rows must be below cols (a subspace of minimisers), got " + rows + " x " + cols);
    }
    long seed = CrosscheckReader.require(p, "seed", pn).integer();
    YamlNode hn = CrosscheckReader.require(m, "horizon", node);
    double horizon = KindSupport.number(hn);
    if (!(horizon > 0 && horizon <= 1e6)) {
      throw hn.error("horizon must be a flow time in (0, 1e6], got " + horizon);
    }
    KindSupport.Formula lyapunov = KindSupport.optionalFormula(m, "lyapunov");
    KindSupport.Formula holds = KindSupport.optionalFormula(m, "holds");
    if (lyapunov == null && holds == null) {
      throw node.error("a convex-flow cross-check needs 'lyapunov' (non-increasing) or 'holds' (a relation), or both");
    }
    return new Check(header, families, count, rows, cols, seed, horizon, lyapunov, holds, KindSupport.tolerance(m, node));
  }

  record Check(Header header, List<String> families, int count, int rows, int cols, long seed, double horizon,
      KindSupport.Formula lyapunov, KindSupport.Formula holds, double tolerance) implements NumericCheck {



    @Override
    public NumericCheck instantiate(Map<String, Double> drawn) {
      int r = rows;
      int c = cols;
      int k = count;
      long s = seed;
      for (Map.Entry<String, Double> e : drawn.entrySet()) {
        switch (e.getKey()) {
          case "rows" -> r = (int) Math.round(e.getValue());
          case "cols" -> c = (int) Math.round(e.getValue());
          case "count" -> k = (int) Math.round(e.getValue());
          case "seed" -> s = Math.round(e.getValue());
          default -> throw KindSupport.notASetting(e.getKey(), name(), SETTINGS);
        }
      }
      return new Check(header, families, k, r, c, s, horizon, lyapunov, holds, tolerance);
    }

    @Override
    public ClaimResult run(TheoremSession session) {
      Judgement judgement = Judgement.start(header());
      if (rows < 1 || rows >= cols || count < 1) {
        return judgement.error("needs 1 <= rows < cols and count >= 1, got " + rows + " x " + cols
            + ", count " + count, header.location());
      }
      CompiledExpression j;
      FileRelation rel;
      try {
        j = lyapunov == null ? null : lyapunov.compile(session, VARS);
        rel = holds == null ? null : holds.relation(session, VARS);
      } catch (InvalidExpressionException e) {
        return judgement.error(e.getMessage(),
            (lyapunov != null ? lyapunov : holds).location());
      }
      try {
        return run(j, rel, judgement);
      } catch (RuntimeException e) {
        return judgement.error(String.valueOf(e.getMessage()), header.location());
      }
    }

    private ClaimResult run(CompiledExpression j, FileRelation rel, Judgement judgement) {
      RandomGenerator random = new Well19937c(seed);
      Map<String, Object> ev = new LinkedHashMap<>();
      ev.put("problems", Map.of("families", families, "count", count, "rows", rows, "cols", cols, "seed", seed));
      ev.put("horizon", horizon);
      ev.put("tolerance", tolerance);
      List<Map<String, Object>> results = new ArrayList<>();
      String failure = null;
      double worstIncrease = 0;
      double worstSlack = Double.POSITIVE_INFINITY;
      int steps = 0;
      List<Figure.Series> jSeries = new ArrayList<>();
      List<Figure.Series> dSeries = new ArrayList<>();
      for (String family : families) {
        for (int k = 0; k < count; k++) {
          Problem p = Problem.make(family, rows, cols, random);
          double[] theta0 = KindSupport.gaussian(random, cols, 1);
          double[] bar = p.minimiser();
          double rbar = p.value(bar);
          double dist02 = dist2(theta0, bar);
          double norm0 = KindSupport.norm(theta0);
          double normbar = KindSupport.norm(bar);
          double[] lastJ = {Double.NaN};
          double[] maxIncrease = {0};
          double[] minSlack = {Double.POSITIVE_INFINITY};
          String[] first = {null};
          int[] count = {0};
          List<double[]> trace = new ArrayList<>();
          LinearFlowSampler.Observer observer = (t, th) -> {
            double r = p.value(th);
            double[] g = p.gradient(th);
            double[] vars = {t, r, rbar, dist2(th, bar), dist02, KindSupport.norm(th), norm0, normbar, KindSupport.dot(g, g)};
            count[0]++;
            if (j != null) {
              double jj = j.value(vars);
              if (!Double.isNaN(lastJ[0])) {
                double inc = (jj - lastJ[0]) / Math.max(1, Math.abs(lastJ[0]));
                maxIncrease[0] = Math.max(maxIncrease[0], inc);
                if (first[0] == null && !(inc <= tolerance)) {
                  first[0] = "J = " + lyapunov.text() + " increases from " + fmt(lastJ[0]) + " to " + fmt(jj) + " at t = "
                      + fmt(t);
                }
              } else if (Double.isNaN(jj)) {
                first[0] = "J = " + lyapunov.text() + " is NaN at t = " + fmt(t);
              }
              lastJ[0] = jj;
              trace.add(new double[] {t, jj, Math.sqrt(vars[3])});
            } else {
              trace.add(new double[] {t, Double.NaN, Math.sqrt(vars[3])});
            }
            if (rel != null) {
              double s = rel.slack(vars);
              minSlack[0] = Math.min(minSlack[0], Double.isNaN(s) ? Double.NEGATIVE_INFINITY : s);
              if (first[0] == null) {
                String f = rel.failure(tolerance, vars);
                if (f != null) {
                  first[0] = "at t = " + fmt(t) + ": " + f;
                }
              }
            }
          };
          double[] x0 = theta0.clone();
          observer.step(0, x0);
          OrdinaryDifferentialEquation ode = new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
              return cols;
            }

            @Override
            public double[] computeDerivatives(double t, double[] th) {
              double[] g = p.gradient(th);
              for (int i = 0; i < g.length; i++) {
                g[i] = -g[i];
              }
              return g;
            }
          };
          double[] end = new LinearFlowSampler(1e-12, 1e-14, 2_000_000).sample(ode, x0, new double[] {horizon}, observer)[0];
          steps += count[0];
          Map<String, Object> res = new LinkedHashMap<>();
          res.put("family", family);
          res.put("R(theta_bar)", rbar);
          res.put("R(theta_end)", p.value(end));
          res.put("dist0", Math.sqrt(dist02));
          res.put("dist_end", Math.sqrt(dist2(end, bar)));
          res.put("steps", count[0]);
          if (j != null) {
            res.put("max_relative_increase_of_J", maxIncrease[0]);
          }
          if (rel != null) {
            res.put("min_slack_of_relation", minSlack[0]);
          }
          results.add(res);
          worstIncrease = Math.max(worstIncrease, maxIncrease[0]);
          worstSlack = Math.min(worstSlack, minSlack[0]);
          if (failure == null && first[0] != null) {
            failure = family + " problem " + (k + 1) + ": " + first[0];
          }
          if (k == 0) {
            int stride = Math.max(1, trace.size() / 150);
            List<double[]> kept = new ArrayList<>();
            for (int i = 1; i < trace.size(); i += stride) {
              kept.add(trace.get(i));
            }
            double[] tx = kept.stream().mapToDouble(a -> a[0]).toArray();
            if (j != null) {
              jSeries.add(new Figure.Series(family, tx, kept.stream().mapToDouble(a -> a[1]).toArray()));
            }
            dSeries.add(new Figure.Series(family, tx, kept.stream().mapToDouble(a -> a[2]).toArray()));
          }
        }
      }
      ev.put("results", results);
      ev.put("accepted_steps", steps);
      if (j != null) {
        ev.put("max_relative_increase_of_J", worstIncrease);
        new Figure("J(t) along the flow (first problem of each family)", "flow time t", "J", jSeries).addTo(ev);
      }
      if (rel != null) {
        ev.put("min_slack_of_relation", worstSlack);
      }
      new Figure("||theta_t - theta_bar|| along the flow (first problem of each family)", "flow time t",
          "distance to theta_bar", dSeries).addTo(ev);
      int total = families.size() * count;
      String msg = failure != null ? failure
          : "on " + total + " random convex problems (" + String.join(", ", families) + "), " + steps + " accepted flow steps"
              + " up to t = " + fmt(horizon) + ": " + (j != null ? "J never increased (largest relative step "
                  + fmt(worstIncrease) + ")" : "") + (j != null && rel != null ? " and " : "")
              + (rel != null ? holds.text() + " held (smallest slack " + fmt(worstSlack) + ")" : "");
      return judgement.holds(failure == null, msg, ev);
    }
  }

  private static double dist2(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (a[i] - b[i]) * (a[i] - b[i]);
    }
    return s;
  }

  /** A random convex empirical risk with its minimum-norm minimiser. */
  interface Problem {
    double value(double[] th);

    double[] gradient(double[] th);

    double[] minimiser();

    static Problem make(String family, int rows, int cols, RandomGenerator random) {
      return switch (family) {
        case "psd-quadratic" -> quadratic(rows, cols, random);
        case "log-cosh" -> logCosh(rows, cols, random);
        default -> logistic(cols, random);
      };
    }

    private static Problem quadratic(int rank, int d, RandomGenerator random) {
      double[][] g = KindSupport.gaussian(random, d, rank, 1);
      double[][] h = new double[d][d];
      for (int i = 0; i < d; i++) {
        for (int j = 0; j < d; j++) {
          double s = 0;
          for (int k = 0; k < rank; k++) {
            s += g[i][k] * g[j][k];
          }
          h[i][j] = s / rank;
        }
      }
      double[] center = KindSupport.gaussian(random, d, 1);
      // minimisers: center + null(H); the least-norm one is the projection of center on range(G)
      RealMatrix gm = new Array2DRowRealMatrix(g, false);
      double[] bar = gm.operate(new CholeskyDecomposition(gm.transpose().multiply(gm), 1e-10, 1e-14).getSolver()
          .solve(gm.transpose().operate(new org.hipparchus.linear.ArrayRealVector(center))).toArray());
      return new Problem() {
        @Override
        public double value(double[] th) {
          double s = 0;
          for (int i = 0; i < d; i++) {
            double hi = 0;
            for (int j = 0; j < d; j++) {
              hi += h[i][j] * (th[j] - center[j]);
            }
            s += (th[i] - center[i]) * hi;
          }
          return s / 2;
        }

        @Override
        public double[] gradient(double[] th) {
          double[] out = new double[d];
          for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
              out[i] += h[i][j] * (th[j] - center[j]);
            }
          }
          return out;
        }

        @Override
        public double[] minimiser() {
          return bar;
        }
      };
    }

    private static Problem logCosh(int n, int d, RandomGenerator random) {
      double[][] a = KindSupport.gaussian(random, n, d, 1 / Math.sqrt(d));
      double[] b = KindSupport.gaussian(random, n, 1);
      double[] bar = new SingularValueDecomposition(new Array2DRowRealMatrix(a, false)).getSolver().getInverse().operate(b);
      return new Problem() {
        @Override
        public double value(double[] th) {
          double s = 0;
          for (int i = 0; i < n; i++) {
            double r = Math.abs(KindSupport.dot(a[i], th) - b[i]);
            s += r + Math.log1p(Math.exp(-2 * r)) - Math.log(2);
          }
          return s / n;
        }

        @Override
        public double[] gradient(double[] th) {
          double[] out = new double[d];
          for (int i = 0; i < n; i++) {
            double w = Math.tanh(KindSupport.dot(a[i], th) - b[i]) / n;
            for (int j = 0; j < d; j++) {
              out[j] += w * a[i][j];
            }
          }
          return out;
        }

        @Override
        public double[] minimiser() {
          return bar;
        }
      };
    }

    private static Problem logistic(int d, RandomGenerator random) {
      int m = 8 * d;
      double[][] a = KindSupport.gaussian(random, m, d, 1 / Math.sqrt(d));
      double[] label = new double[m];
      for (int i = 0; i < m; i++) {
        label[i] = random.nextBoolean() ? 1 : -1;
      }
      Problem p = new Problem() {
        @Override
        public double value(double[] th) {
          double s = 0;
          for (int i = 0; i < m; i++) {
            double u = -label[i] * KindSupport.dot(a[i], th);
            s += u > 0 ? u + Math.log1p(Math.exp(-u)) : Math.log1p(Math.exp(u));
          }
          return s / m;
        }

        @Override
        public double[] gradient(double[] th) {
          double[] out = new double[d];
          for (int i = 0; i < m; i++) {
            double u = -label[i] * KindSupport.dot(a[i], th);
            double w = -label[i] / (1 + Math.exp(-u)) / m;
            for (int j = 0; j < d; j++) {
              out[j] += w * a[i][j];
            }
          }
          return out;
        }

        @Override
        public double[] minimiser() {
          return null;
        }
      };
      // Newton's method with backtracking for the unique minimiser
      double[] th = new double[d];
      double lastStep = Double.POSITIVE_INFINITY;
      for (int it = 0; it < 200; it++) {
        double[] g = p.gradient(th);
        if (KindSupport.norm(g) < 1e-13 || (it > 0 && lastStep < 1e-15 * (1 + KindSupport.norm(th)))) {
          double[] bar = th;
          return new Problem() {
            @Override
            public double value(double[] x) {
              return p.value(x);
            }

            @Override
            public double[] gradient(double[] x) {
              return p.gradient(x);
            }

            @Override
            public double[] minimiser() {
              return bar;
            }
          };
        }
        double[][] h = new double[d][d];
        for (int i = 0; i < m; i++) {
          double s = 1 / (1 + Math.exp(-KindSupport.dot(a[i], th)));
          double w = s * (1 - s) / m;
          for (int j = 0; j < d; j++) {
            for (int k = 0; k < d; k++) {
              h[j][k] += w * a[i][j] * a[i][k];
            }
          }
        }
        double[] step = new CholeskyDecomposition(new Array2DRowRealMatrix(h, false), 1e-10, 1e-16).getSolver()
            .solve(new org.hipparchus.linear.ArrayRealVector(g)).toArray();
        double f0 = p.value(th);
        double lambda = 1;
        double[] next = th;
        while (lambda > 1e-12) {
          next = th.clone();
          for (int j = 0; j < d; j++) {
            next[j] -= lambda * step[j];
          }
          if (p.value(next) <= f0) {
            break;
          }
          lambda /= 2;
        }
        double moved = 0;
        for (int j = 0; j < d; j++) {
          moved += (next[j] - th[j]) * (next[j] - th[j]);
        }
        lastStep = Math.sqrt(moved);
        th = next;
      }
      throw new IllegalStateException("logistic problem: Newton's method did not find a minimiser (separable labels?)");
    }
  }
}
