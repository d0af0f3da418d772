package ibcheck.crosscheck.kinds.flow;

import ibcheck.crosscheck.Judgement;
import ibcheck.crosscheck.KindSupport;
import ibcheck.crosscheck.NumericCheck;
import ibcheck.crosscheck.read.CrosscheckReader;
import ibcheck.crosscheck.read.DeclaredKind;
import ibcheck.crosscheck.read.Field;
import ibcheck.crosscheck.read.FieldValues;
import ibcheck.spec.YamlNode;
import ibcheck.symbolic.CompiledExpression;
import ibcheck.symbolic.InvalidExpressionException;
import ibcheck.symbolic.TheoremSession;
import ibcheck.verdict.ClaimResult;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code kind: kernel-trajectory} (Srebro; Chizat &amp; Bach): for a homogeneous model
 * with unbiased initialisation, the predictor of the real gradient flow at scale alpha, at time
 * {@code t / rescale(alpha)}, against the flow of the linear model with the tangent kernel K of the
 * unit-scale initialisation (alpha-independent) at time t, {@code beta' = -K grad_beta L}; at
 * {@code t = Infinity} the real flow's limit against the minimum-RKHS-norm interpolant
 * {@code K X^T (X K X^T)^-1 y} of that kernel.
 *
 * <pre>
 *   - name: ...
 *     kind: kernel-trajectory
 *     model: depth-d-diagonal-network
 *     init: {depth: 2}
 *     sweep: {alpha: [2, 5, 20, 50]}       # increasing
 *     data: {rows: 5, cols: 12, sparse-truth: 3, seed: 7}
 *     rescale: alpha^2                      # the file's time change, in the swept setting
 *     kernel: 8*alpha^2                     # optional: the tangent kernel at init is kernel * I in beta space
 *     times: [0.01, 0.1, 1, Infinity]       # rescaled times
 *     tolerance: 1e-3                       # sup distance at the largest scale
 * </pre>
 *
 * Passes when the sup over the times of ||beta_alpha(t / rescale) - beta_K(t)|| strictly decreases
 * along the sweep and is within the tolerance at its end, and (if given) the model's tangent kernel
 * at every scale is the file's kernel times the identity to 1e-12.
 */
final class KernelTrajectoryKind extends DeclaredKind {
  KernelTrajectoryKind() {
    super("kernel-trajectory", FlowKindSupport.FIELDS.with(
        Field.formula("rescale", "the time change, in the swept setting"),
        Field.formula("kernel", "the tangent kernel at init is kernel * I in beta space").optional(),
        Field.list("times", "rescaled times, each positive or Infinity"),
        FlowFields.TOLERANCE));
  }

  @Override
  protected NumericCheck read(Header header, FieldValues f) {
    Map<String, YamlNode> m = f.nodes();
    FlowKindSupport.ModelSweep sweep = FlowKindSupport.read(f);
    for (int i = 1; i < sweep.values().length; i++) {
      if (!(sweep.values()[i] > sweep.values()[i - 1])) {
        throw m.get("sweep").error("a kernel-trajectory cross-check needs an increasing sweep");
      }
    }
    List<YamlNode> items = f.node("times").sequence();
    double[] times = new double[items.size()];
    for (int i = 0; i < times.length; i++) {
      String t = items.get(i).text().trim();
      times[i] = t.equals("Infinity") ? Double.POSITIVE_INFINITY : CrosscheckReader.number(items.get(i));
      if (!(times[i] > 0)) {
        throw items.get(i).error("times must be positive (or Infinity), got " + t);
      }
    }
    return new Check(header, sweep, f.formula("rescale"), f.formula("kernel"), times, f.number("tolerance"));
  }

  record Check(Header header, FlowKindSupport.ModelSweep sweep, KindSupport.Formula rescale, KindSupport.Formula kernel,
      double[] times, double tolerance) implements NumericCheck {



    @Override
    public NumericCheck instantiate(Map<String, Double> drawn) {
      return new Check(header, sweep.instantiate(drawn, name(), Set.of()), rescale, kernel, times, tolerance);
    }

    @Override
    public ClaimResult run(TheoremSession session) {
      Judgement judgement = Judgement.start(header());
      if (sweep.dataProblem() != null) {
        return judgement.error(sweep.dataProblem(), header.location());
      }
      CompiledExpression s;
      CompiledExpression k;
      try {
        s = rescale.compile(session, List.of(sweep.setting()));
        k = kernel == null ? null : kernel.compile(session, List.of(sweep.setting()));
      } catch (InvalidExpressionException e) {
        return judgement.error(e.getMessage(), rescale.location());
      }
      try {
        return new KernelTrajectoryRun(this, s, k).judge(judgement);
      } catch (RuntimeException e) {
        return judgement.error(String.valueOf(e.getMessage()), header.location());
      }
    }
  }
}
