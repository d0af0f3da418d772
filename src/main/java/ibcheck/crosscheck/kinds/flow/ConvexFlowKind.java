package ibcheck.crosscheck.kinds.flow;

import ibcheck.crosscheck.FileRelation;
import ibcheck.crosscheck.Judgement;
import ibcheck.crosscheck.KindSupport;
import ibcheck.crosscheck.NumericCheck;
import ibcheck.crosscheck.read.DeclaredKind;
import ibcheck.crosscheck.read.Drawn;
import ibcheck.crosscheck.read.Field;
import ibcheck.crosscheck.read.FieldValues;
import ibcheck.crosscheck.read.KindFields;
import ibcheck.crosscheck.read.Range;
import ibcheck.spec.YamlNode;
import ibcheck.symbolic.CompiledExpression;
import ibcheck.symbolic.InvalidExpressionException;
import ibcheck.symbolic.TheoremSession;
import ibcheck.verdict.ClaimResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
final class ConvexFlowKind extends DeclaredKind {
  static final List<String> VARS = List.of("t", "R", "Rbar", "dist2", "dist02", "normt", "norm0", "normbar", "grad2");
  /** The fields of {@code problems:}, each but the families a setting a property may draw. */
  static final KindFields PROBLEMS = KindFields.of(
      Field.list("families", "the problem families, each run count times"),
      Field.integer("count", "problems per family").in(Range.closed(1, 100)).drawable(),
      Field.integer("rows", "the rank (psd-quadratic) or the number of equations (log-cosh)").in(Range.closed(1, 100))
          .drawable(),
      Field.integer("cols", "the dimension of theta").in(Range.closed(1, 50)).drawable(),
      Field.integer("seed", "the seed of the problems and starting points").drawable());

  ConvexFlowKind() {
    super("convex-flow", KindFields.of(
        Field.block("problems", "{families: [...], count, rows, cols, seed}; families: "
            + String.join(", ", ConvexFamilies.NAMES)).draws(PROBLEMS.drawable()),
        Field.number("horizon", "the flow time").in(Range.openClosed(0, 1e6)),
        Field.formula("lyapunov", "J, which must not increase along the flow").optional(),
        Field.formula("holds", "a relation that must hold at every step").optional(),
        FlowFields.TOLERANCE));
  }

  @Override
  protected NumericCheck read(Header header, FieldValues f) {
    YamlNode pn = f.node("problems");
    FieldValues p = PROBLEMS.read(pn.mapping(PROBLEMS.names()), pn);
    List<String> families = new ArrayList<>();
    for (YamlNode family : p.node("families").sequence()) {
      String name = family.text().trim();
      if (!ConvexFamilies.NAMES.contains(name)) {
        throw family.error("unknown family '" + name + "' (known: " + String.join(", ", ConvexFamilies.NAMES) + ")");
      }
      families.add(name);
    }
    if (families.isEmpty()) {
      throw pn.error("families is empty");
    }
    int rows = p.integer("rows");
    int cols = p.integer("cols");
    if (rows >= cols) {
      throw pn.error("rows must be below cols (a subspace of minimisers), got " + rows + " x " + cols);
    }
    KindSupport.Formula lyapunov = f.formula("lyapunov");
    KindSupport.Formula holds = f.formula("holds");
    if (lyapunov == null && holds == null) {
      throw f.owner().error("a convex-flow cross-check needs 'lyapunov' (non-increasing) or 'holds' (a relation), or both");
    }
    return new Check(header, families, p.integer("count"), rows, cols, p.longInteger("seed"), f.number("horizon"),
        lyapunov, holds, f.number("tolerance"));
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
      Drawn d = Drawn.of(drawn, name(), PROBLEMS.drawable());
      return new Check(header, families, d.integer("count", count), d.integer("rows", rows), d.integer("cols", cols),
          d.longInteger("seed", seed), horizon, lyapunov, holds, tolerance);
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
