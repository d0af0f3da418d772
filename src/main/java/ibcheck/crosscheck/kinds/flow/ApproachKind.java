package ibcheck.crosscheck.kinds.flow;

import static ibcheck.crosscheck.KindSupport.fmt;

import ibcheck.bias.NormReferences;
import ibcheck.crosscheck.Judgement;
import ibcheck.crosscheck.KindSupport;
import ibcheck.crosscheck.NumericCheck;
import ibcheck.crosscheck.Vectors;
import ibcheck.crosscheck.read.DeclaredKind;
import ibcheck.crosscheck.read.Field;
import ibcheck.crosscheck.read.FieldValues;
import ibcheck.flow.Certificate;
import ibcheck.flow.FlowLimit;
import ibcheck.flow.GradientFlow;
import ibcheck.models.Dataset;
import ibcheck.models.LinearPredictor;
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
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.DecompositionSolver;
import org.hipparchus.linear.LUDecomposition;

/**
 * {@code kind: approaches}: along a sweep of a scale in the order of a limit (e.g. alpha -> 0), the
 * gradient-flow limit of the real model moves towards a reference interpolator (min-l1 or min-l2):
 * the distance never grows (slack 1e-9) and is within the tolerance at the last value. With
 * {@code contrast: p} (0 &lt; p &lt; 1, a number or a formula without variables) the minimiser of the
 * quasi-norm sum_i |beta_i|^p over X beta = y (found by enumerating the basic solutions, where a
 * concave penalty attains its minimum) must differ from the reference and stay farther from the
 * flow limit than the reference is: the flow does not follow that penalty.
 *
 * <pre>
 *   - name: ...
 *     kind: approaches
 *     model: depth-d-diagonal-network
 *     init: {depth: 3}
 *     sweep: {alpha: [0.3, 0.1, 0.03]}   # in the order of approach
 *     data: {rows: 5, cols: 12, sparse-truth: 3, seed: 7}
 *     target: min-l1                     # min-l1 | min-l2
 *     contrast: 2/3                      # optional
 *     tolerance: 1e-3
 * </pre>
 */
final class ApproachKind extends DeclaredKind {
  ApproachKind() {
    super("approaches", FlowKindSupport.FIELDS.with(
        Field.choice("target", "the reference interpolator the flow limit approaches", "min-l1", "min-l2"),
        Field.formula("contrast", "a quasi-norm exponent p in (0, 1) whose minimiser the flow must not follow").optional(),
        FlowFields.TOLERANCE, FlowFields.MAX_EVALUATIONS));
  }

  @Override
  protected NumericCheck read(Header header, FieldValues f) {
    return new Check(header, FlowKindSupport.read(f), f.text("target"), f.formula("contrast"), f.number("tolerance"),
        f.integer("max-evaluations"));
  }

  record Check(Header header, FlowKindSupport.ModelSweep sweep, String target, KindSupport.Formula contrast,
      double tolerance, int maxEvaluations) implements NumericCheck {



    @Override
    public NumericCheck instantiate(Map<String, Double> drawn) {
      return new Check(header, sweep.instantiate(drawn, name(), Set.of()), target, contrast, tolerance, maxEvaluations);
    }

    @Override
    public ClaimResult run(TheoremSession session) {
      Judgement judgement = Judgement.start(header());
      if (sweep.dataProblem() != null) {
        return judgement.error(sweep.dataProblem(), header.location());
      }
      double p = Double.NaN;
      if (contrast != null) {
        try {
          p = contrast.compile(session, List.of()).value();
        } catch (InvalidExpressionException e) {
          return judgement.error(e.getMessage(), contrast.location());
        }
        if (!(p > 0 && p < 1)) {
          return judgement.error("contrast " + contrast.text() + " = " + p
              + " is not a quasi-norm exponent in (0, 1)", contrast.location());
        }
      }
      try {
        return run(p, judgement);
      } catch (RuntimeException e) {
        return judgement.error(String.valueOf(e.getMessage()), header.location());
      }
    }

    private ClaimResult run(double p, Judgement judgement) {
      Dataset data = sweep.data().dataset();
      double[] reference = target.equals("min-l1") ? NormReferences.minL1(data) : NormReferences.minL2(data);
      double[] other = target.equals("min-l1") ? NormReferences.minL2(data) : NormReferences.minL1(data);
      GradientFlow flow = new GradientFlow(GradientFlow.Settings.DEFAULT.withMaxEvaluations(maxEvaluations));
      Map<String, Object> ev = new LinkedHashMap<>();
      ev.put("model", sweep.model());
      ev.put("fixed", sweep.fixed());
      ev.put("sweep", sweep.setting());
      ev.put("data", sweep.data().evidence());
      ev.put("target", target);
      ev.put("target_solution", Vectors.evidence(reference));
      ev.put("tolerance", tolerance);
      double[] dist = new double[sweep.values().length];
      double[] distOther = new double[dist.length];
      double[] distContrast = new double[dist.length];
      double[] lp = Double.isNaN(p) ? null : minQuasiNorm(data, p);
      List<Map<String, Object>> points = new ArrayList<>();
      for (int k = 0; k < dist.length; k++) {
        points.add(point(k, flow, data, reference, other, lp, dist, distOther, distContrast));
      }
      ev.put("points", points);
      double[] xs = sweep.values().clone();
      List<Figure.Series> series = new ArrayList<>();
      series.add(new Figure.Series("distance to " + target, xs, floor(dist)));
      series.add(new Figure.Series("distance to " + (target.equals("min-l1") ? "min-l2" : "min-l1"), xs, floor(distOther)));
      if (lp != null) {
        ev.put("quasi_norm_exponent", p);
        ev.put("quasi_norm_minimiser", Vectors.evidence(lp));
        series.add(new Figure.Series("distance to argmin ||beta||_p, p = " + fmt(p), xs, floor(distContrast)));
      }
      new Figure("the flow limit against the reference interpolators along the sweep", sweep.setting(), "l2 distance",
          series).addTo(ev);
      String failure = failure(p, reference, lp, dist, distContrast, ev);
      int end = dist.length - 1;
      String msg = failure != null ? failure
          : "along " + sweep.setting() + " = " + Vectors.join(sweep.values()) + " the flow limit approaches " + target
              + ": distance " + Vectors.join(dist) + " (last <= " + fmt(tolerance) + ")"
              + (lp != null ? "; it stays " + fmt(distContrast[end]) + " from the minimiser of sum |beta_i|^" + fmt(p)
                  + ", which is " + fmt(Vectors.distance(lp, reference)) + " from " + target : "");
      return judgement.holds(failure == null, msg, ev);
    }

    /**
     * The flow limit at the k-th swept value against the target, the other reference and (if given)
     * the quasi-norm minimiser; the distances go into the arrays at k.
     */
    private Map<String, Object> point(int k, GradientFlow flow, Dataset data, double[] reference, double[] other,
        double[] lp, double[] dist, double[] distOther, double[] distContrast) {
      double v = sweep.values()[k];
      LinearPredictor model = sweep.create(v);
      FlowLimit limit = flow.run(model, data);
      Certificate c = limit.certificate();
      if (c.remainingPath() > tolerance) {
        throw new IllegalStateException("at " + sweep.setting() + " = " + fmt(v) + " the flow stopped with an estimated"
            + " remaining path of " + fmt(c.remainingPath()) + " > tolerance " + fmt(tolerance));
      }
      double[] b = model.beta(limit.theta());
      dist[k] = Vectors.distance(b, reference);
      distOther[k] = Vectors.distance(b, other);
      Map<String, Object> pt = new LinkedHashMap<>();
      pt.put(sweep.setting(), v);
      pt.put("distance_to_target", dist[k]);
      pt.put(target.equals("min-l1") ? "distance_to_min_l2" : "distance_to_min_l1", distOther[k]);
      if (lp != null) {
        distContrast[k] = Vectors.distance(b, lp);
        pt.put("distance_to_quasi_norm_minimiser", distContrast[k]);
      }
      pt.put("flow_limit", Vectors.evidence(b));
      pt.put("certificate", c.evidence());
      return pt;
    }

    /**
     * Null when the distance to the target shrinks along the sweep to within the tolerance and (with a
     * contrast) the limit is closer to the target than to the quasi-norm minimiser, which the data must
     * tell apart from it; otherwise why not.
     */
    private String failure(double p, double[] reference, double[] lp, double[] dist, double[] distContrast,
        Map<String, Object> ev) {
      String failure = null;
      for (int k = 1; k < dist.length && failure == null; k++) {
        if (dist[k] > dist[k - 1] + 1e-9) {
          failure = "the distance to " + target + " grows from " + fmt(dist[k - 1]) + " to " + fmt(dist[k]) + " as "
              + sweep.setting() + " goes " + fmt(sweep.values()[k - 1]) + " -> " + fmt(sweep.values()[k]);
        }
      }
      int end = dist.length - 1;
      if (failure == null && !(dist[end] <= tolerance)) {
        failure = "at " + sweep.setting() + " = " + fmt(sweep.values()[end]) + " the flow limit is still " + fmt(dist[end])
            + " from " + target + " (tolerance " + fmt(tolerance) + ")";
      }
      if (failure == null && lp != null) {
        double gap = Vectors.distance(lp, reference);
        ev.put("quasi_norm_minimiser_distance_to_target", gap);
        if (!(gap > tolerance)) {
          failure = "on this data the minimiser of sum |beta_i|^" + fmt(p) + " is the " + target + " solution itself ("
              + fmt(gap) + " apart): the data do not tell the two biases apart";
        } else if (!(distContrast[end] > dist[end])) {
          failure = "the flow limit is closer to the minimiser of sum |beta_i|^" + fmt(p) + " (" + fmt(distContrast[end])
              + ") than to " + target + " (" + fmt(dist[end]) + ")";
        }
      }
      return failure;
    }

    private static double[] floor(double[] v) {
      double[] out = v.clone();
      for (int i = 0; i < out.length; i++) {
        out[i] = Math.max(out[i], 1e-18);
      }
      return out;
    }

    /**
     * argmin sum_i |beta_i|^p over X beta = y for 0 &lt; p &lt; 1: the penalty is concave on each
     * orthant, so its minimum over the affine solution set lies at a basic solution (support of at
     * most n = rows columns); every support of size n with an invertible submatrix is tried.
     */
    static double[] minQuasiNorm(Dataset data, double p) {
      int n = data.rows();
      int d = data.cols();
      double combos = 1;
      for (int i = 0; i < n; i++) {
        combos = combos * (d - i) / (i + 1);
      }
      if (combos > 200_000) {
        throw new IllegalArgumentException("the quasi-norm contrast enumerates C(" + d + ", " + n + ") = " + (long) combos
            + " supports; use at most 200000");
      }
      int[] idx = new int[n];
      for (int i = 0; i < n; i++) {
        idx[i] = i;
      }
      double best = Double.POSITIVE_INFINITY;
      double[] arg = null;
      while (true) {
        double[][] sub = new double[n][n];
        for (int r = 0; r < n; r++) {
          for (int c = 0; c < n; c++) {
            sub[r][c] = data.x()[r][idx[c]];
          }
        }
        DecompositionSolver solver = new LUDecomposition(new Array2DRowRealMatrix(sub, false), 1e-12).getSolver();
        if (solver.isNonSingular()) {
          double[] s = solver.solve(new ArrayRealVector(data.y())).toArray();
          double val = 0;
          for (double v : s) {
            val += Math.pow(Math.abs(v), p);
          }
          if (val < best - 1e-12) {
            best = val;
            arg = new double[d];
            for (int c = 0; c < n; c++) {
              arg[idx[c]] = Math.abs(s[c]) < 1e-14 ? 0 : s[c];
            }
          }
        }
        int i = n - 1;
        while (i >= 0 && idx[i] == d - n + i) {
          i--;
        }
        if (i < 0) {
          break;
        }
        idx[i]++;
        for (int j = i + 1; j < n; j++) {
          idx[j] = idx[j - 1] + 1;
        }
      }
      if (arg == null) {
        throw new IllegalArgumentException("X has no invertible n x n submatrix");
      }
      return arg;
    }
  }
}
