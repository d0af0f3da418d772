package ibcheck.crosscheck.kinds.flow;

import static ibcheck.crosscheck.KindSupport.fmt;

import ibcheck.bias.NormReferences;
import ibcheck.crosscheck.Judgement;
import ibcheck.crosscheck.KindSupport;
import ibcheck.crosscheck.LinearFlowSampler;
import ibcheck.crosscheck.NumericCheck;
import ibcheck.crosscheck.Vectors;
import ibcheck.crosscheck.read.CrosscheckReader;
import ibcheck.crosscheck.read.DeclaredKind;
import ibcheck.crosscheck.read.Field;
import ibcheck.crosscheck.read.FieldValues;
import ibcheck.flow.FlowLimit;
import ibcheck.flow.GradientFlow;
import ibcheck.models.Dataset;
import ibcheck.models.LinearPredictor;
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
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.ode.OrdinaryDifferentialEquation;

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
        return run(s, k, judgement);
      } catch (RuntimeException e) {
        return judgement.error(String.valueOf(e.getMessage()), header.location());
      }
    }

    private ClaimResult run(CompiledExpression rescaleF, CompiledExpression kernelF, Judgement judgement) {
      Dataset data = sweep.data().dataset();
      int d = data.cols();
      double[][] x = data.x();
      double[] y = data.y();
      LinearPredictor unit = sweep.create(1);
      double[] theta1 = unit.initialParameters(d);
      double[][] k1 = FlowKindSupport.tangentKernel(unit, theta1, d);
      double[] beta1 = unit.beta(theta1);
      if (KindSupport.norm(beta1) > 1e-12) {
        throw new IllegalStateException("the initialisation is not unbiased: beta(0) = " + java.util.Arrays.toString(beta1));
      }
      // the kernel flow beta' = -K 2 X^T (X beta - y), alpha-independent
      OrdinaryDifferentialEquation kernelFlow = new OrdinaryDifferentialEquation() {
        @Override
        public int getDimension() {
          return d;
        }

        @Override
        public double[] computeDerivatives(double t, double[] b) {
          double[] g = new double[d];
          for (int n = 0; n < x.length; n++) {
            double r = 2 * (KindSupport.dot(x[n], b) - y[n]);
            for (int i = 0; i < d; i++) {
              g[i] += r * x[n][i];
            }
          }
          double[] out = new double[d];
          for (int i = 0; i < d; i++) {
            out[i] = -KindSupport.dot(k1[i], g);
          }
          return out;
        }
      };
      List<Double> finite = new ArrayList<>();
      for (double t : times) {
        if (Double.isFinite(t)) {
          finite.add(t);
        }
      }
      double tmin = finite.stream().mapToDouble(Double::doubleValue).min().orElse(1);
      double tmax = finite.stream().mapToDouble(Double::doubleValue).max().orElse(1);
      double[] grid = LinearFlowSampler.logGrid(tmin / 10, Math.max(tmax, tmin * 10), 30);
      double[] sampleTimes = new double[finite.size() + grid.length];
      for (int i = 0; i < finite.size(); i++) {
        sampleTimes[i] = finite.get(i);
      }
      System.arraycopy(grid, 0, sampleTimes, finite.size(), grid.length);
      LinearFlowSampler sampler = new LinearFlowSampler(1e-12, 1e-15, 5_000_000);
      double[][] kernelStates = sampler.sample(kernelFlow, beta1, sampleTimes, (t, b) -> { });
      double[] rkhs = minRkhs(k1, x, y);

      Map<String, Object> ev = new LinkedHashMap<>();
      ev.put("model", sweep.model());
      ev.put("fixed", sweep.fixed());
      ev.put("sweep", sweep.setting());
      ev.put("data", sweep.data().evidence());
      ev.put("rescale", rescale.text());
      ev.put("times", KindSupport.list(times));
      ev.put("tolerance", tolerance);
      ev.put("unit_scale_tangent_kernel_diagonal", KindSupport.list(diag(k1)));
      ev.put("min_rkhs_norm_interpolant", Vectors.evidence(rkhs));
      ev.put("min_rkhs_distance_to_min_l2", Vectors.distance(rkhs, NormReferences.minL2(data)));
      double[] sup = new double[sweep.values().length];
      List<Map<String, Object>> points = new ArrayList<>();
      List<Figure.Series> curves = new ArrayList<>();
      String kernelFailure = null;
      double kernelError = 0;
      for (int a = 0; a < sweep.values().length; a++) {
        double alpha = sweep.values()[a];
        LinearPredictor model = sweep.create(alpha);
        double[] theta0 = model.initialParameters(d);
        double scale = rescaleF.value(alpha);
        if (!(scale > 0 && Double.isFinite(scale))) {
          throw new IllegalStateException("rescale " + rescale.text() + " is " + scale + " at " + sweep.setting() + " = " + alpha);
        }
        if (kernelF != null) {
          double[][] ka = FlowKindSupport.tangentKernel(model, theta0, d);
          double kv = kernelF.value(alpha);
          double top = 0;
          double err = 0;
          for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
              top = Math.max(top, Math.abs(ka[i][j]));
              err = Math.max(err, Math.abs(ka[i][j] - (i == j ? kv : 0)));
            }
          }
          kernelError = Math.max(kernelError, err / Math.max(top, Double.MIN_NORMAL));
          if (kernelFailure == null && !(err <= 1e-12 * Math.max(top, Double.MIN_NORMAL))) {
            kernelFailure = "at " + sweep.setting() + " = " + fmt(alpha) + " the tangent kernel of the model at init is "
                + fmt(ka[0][0]) + " I (first diagonal entry), the file's " + kernel.text() + " = " + fmt(kv);
          }
        }
        double[] real = new double[sampleTimes.length];
        for (int i = 0; i < sampleTimes.length; i++) {
          real[i] = sampleTimes[i] / scale;
        }
        double[][] states = new LinearFlowSampler(1e-12, 1e-14 * Math.max(1, alpha), 5_000_000)
            .sample(FlowKindSupport.flow(model, data, theta0.length), theta0, real, (t, th) -> { });
        double worst = 0;
        List<Double> perTime = new ArrayList<>();
        for (int i = 0; i < finite.size(); i++) {
          double dist = Vectors.distance(model.beta(states[i]), kernelStates[i]);
          perTime.add(dist);
          worst = Math.max(worst, dist);
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(sweep.setting(), alpha);
        p.put("rescale", scale);
        p.put("distance_at_times", perTime);
        if (times.length > finite.size()) {
          FlowLimit limit = new GradientFlow(GradientFlow.Settings.DEFAULT).run(model, data);
          double[] b = model.beta(limit.theta());
          double dist = Vectors.distance(b, rkhs);
          p.put("limit_distance_to_min_rkhs", dist);
          p.put("certificate", limit.certificate().evidence());
          worst = Math.max(worst, dist);
        }
        p.put("sup_distance", worst);
        sup[a] = worst;
        points.add(p);
        double[] curve = new double[grid.length];
        for (int i = 0; i < grid.length; i++) {
          curve[i] = Math.max(1e-18, Vectors.distance(model.beta(states[finite.size() + i]), kernelStates[finite.size() + i]));
        }
        curves.add(new Figure.Series(sweep.setting() + " = " + fmt(alpha), grid, curve));
      }
      ev.put("points", points);
      if (kernelF != null) {
        ev.put("kernel_relative_error", kernelError);
      }
      new Figure("||beta_alpha(t / rescale(alpha)) - beta_K(t)|| along the rescaled time", "rescaled time t",
          "distance to the kernel flow", curves).addTo(ev);
      new Figure("sup over the times of the distance to the kernel flow", sweep.setting(), "sup distance",
          List.of(new Figure.Series("sup distance", sweep.values(), sup),
              new Figure.Series("tolerance", new double[] {sweep.values()[sup.length - 1]}, new double[] {tolerance})))
          .addTo(ev);
      String failure = kernelFailure;
      for (int a = 1; a < sup.length && failure == null; a++) {
        if (!(sup[a] < sup[a - 1])) {
          failure = "the distance to the kernel flow does not shrink as " + sweep.setting() + " grows "
              + fmt(sweep.values()[a - 1]) + " -> " + fmt(sweep.values()[a]) + " (" + fmt(sup[a - 1]) + " -> " + fmt(sup[a])
              + ") with the time change " + rescale.text();
        }
      }
      int last = sup.length - 1;
      if (failure == null && !(sup[last] <= tolerance)) {
        failure = "at " + sweep.setting() + " = " + fmt(sweep.values()[last]) + " the flow is still " + fmt(sup[last])
            + " from the kernel flow (tolerance " + fmt(tolerance) + ") with the time change " + rescale.text();
      }
      String msg = failure != null ? failure
          : "with time t/" + rescale.text() + " the flow tracks the tangent-kernel flow ever closer: sup distance "
              + Vectors.join(sup) + " along " + sweep.setting() + " = " + Vectors.join(sweep.values())
              + (times.length > finite.size() ? " (limit included: min-RKHS-norm interpolant)" : "")
              + (kernelF != null ? "; tangent kernel = " + kernel.text() + " I" : "");
      return judgement.holds(failure == null, msg, ev);
    }

    private static double[] diag(double[][] k) {
      double[] out = new double[k.length];
      for (int i = 0; i < k.length; i++) {
        out[i] = k[i][i];
      }
      return out;
    }

    /** argmin beta^T K^-1 beta s.t. X beta = y, i.e. K X^T (X K X^T)^-1 y. */
    private static double[] minRkhs(double[][] k, double[][] x, double[] y) {
      RealMatrix km = new Array2DRowRealMatrix(k, false);
      RealMatrix xm = new Array2DRowRealMatrix(x, false);
      RealMatrix kxt = km.multiply(xm.transpose());
      double[] c = new LUDecomposition(xm.multiply(kxt)).getSolver().solve(new org.hipparchus.linear.ArrayRealVector(y)).toArray();
      return kxt.operate(c);
    }
  }
}
