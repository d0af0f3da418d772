package ibcheck.crosscheck.kinds.flow;

import ibcheck.crosscheck.CheckKind;
import ibcheck.crosscheck.CrosscheckReader;
import ibcheck.crosscheck.FileRelation;
import ibcheck.crosscheck.Judgement;
import ibcheck.crosscheck.KindSupport;
import ibcheck.crosscheck.NumericCheck;
import ibcheck.spec.YamlNode;
import ibcheck.symbolic.CompiledExpression;
import ibcheck.symbolic.InvalidExpressionException;
import ibcheck.symbolic.TheoremSession;
import ibcheck.verdict.ClaimResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code kind: convex-flow} (Wu 2020, "implicit bias of GD for general convex problems"):
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
 *
 * <p>This class reads the fields and compiles the formulas; {@link ConvexFamilies} draws the
 * problems, {@link RandomConvexFlows} runs the flows and judges them, {@link LyapunovMonitor} watches
 * each flow.
 */
final class ConvexFlowKind implements CheckKind {
  static final List<String> VARS = List.of("t", "R", "Rbar", "dist2", "dist02", "normt", "norm0", "normbar", "grad2");
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
      if (!ConvexFamilies.NAMES.contains(name)) {
        throw f.error("unknown family '" + name + "' (known: " + String.join(", ", ConvexFamilies.NAMES) + ")");
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

  /**
   * One cross-check as read.
   *
   * @param families the problem families, each run {@code count} times
   * @param rows the rank (psd-quadratic) or the number of equations (log-cosh)
   * @param cols the dimension of theta
   * @param seed the seed of the problems and starting points
   * @param horizon the flow time
   * @param lyapunov J, which must not increase, or null
   * @param holds the relation that must hold, or null
   * @param tolerance the relative slack
   */
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
        return new RandomConvexFlows(this, j, rel).judge(judgement);
      } catch (RuntimeException e) {
        return judgement.error(String.valueOf(e.getMessage()), header.location());
      }
    }
  }
}
