package ibcheck.crosscheck.kinds.flow;

import static ibcheck.crosscheck.KindSupport.fmt;

import ibcheck.bias.NormReferences;
import ibcheck.crosscheck.Judgement;
import ibcheck.crosscheck.KindSupport;
import ibcheck.crosscheck.LinearFlowSampler;
import ibcheck.crosscheck.Vectors;
import ibcheck.flow.FlowLimit;
import ibcheck.flow.GradientFlow;
import ibcheck.models.Dataset;
import ibcheck.models.LinearPredictor;
import ibcheck.symbolic.CompiledExpression;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Figure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.ode.OrdinaryDifferentialEquation;

/**
 * One run of a {@code kernel-trajectory} cross-check ({@link KernelTrajectoryKind}): the tangent-kernel
 * flow of the unit-scale model once, then at every swept scale the model's flow on the rescaled time
 * against it (and the file's kernel against the model's tangent kernel at init), and the verdict: the
 * distance shrinks along the sweep and ends within the tolerance.
 */
final class KernelTrajectoryRun {
  private final KernelTrajectoryKind.Check check;
  private final FlowKindSupport.ModelSweep sweep;
  private final CompiledExpression rescale;
  private final CompiledExpression kernel;
  private final Dataset data;
  private final int d;
  private final List<Double> finite = new ArrayList<>();
  private double[] grid;
  private double[] sampleTimes;
  private double[][] kernelStates;
  private double[] rkhs;
  private final List<Map<String, Object>> points = new ArrayList<>();
  private final List<Figure.Series> curves = new ArrayList<>();
  private String kernelFailure;
  private double kernelError;

  /**
   * @param rescale the file's time change, compiled in the swept setting
   * @param kernel the file's tangent kernel, or null
   */
  KernelTrajectoryRun(KernelTrajectoryKind.Check check, CompiledExpression rescale, CompiledExpression kernel) {
    this.check = check;
    this.sweep = check.sweep();
    this.rescale = rescale;
    this.kernel = kernel;
    this.data = sweep.data().dataset();
    this.d = data.cols();
  }

  ClaimResult judge(Judgement judgement) {
    double[][] k1 = kernelFlow();
    Map<String, Object> ev = new LinkedHashMap<>();
    ev.put("model", sweep.model());
    ev.put("fixed", sweep.fixed());
    ev.put("sweep", sweep.setting());
    ev.put("data", sweep.data().evidence());
    ev.put("rescale", check.rescale().text());
    ev.put("times", KindSupport.list(check.times()));
    ev.put("tolerance", check.tolerance());
    ev.put("unit_scale_tangent_kernel_diagonal", KindSupport.list(diag(k1)));
    ev.put("min_rkhs_norm_interpolant", Vectors.evidence(rkhs));
    ev.put("min_rkhs_distance_to_min_l2", Vectors.distance(rkhs, NormReferences.minL2(data)));
    double[] sup = new double[sweep.values().length];
    for (int a = 0; a < sweep.values().length; a++) {
      sup[a] = point(sweep.values()[a]);
    }
    ev.put("points", points);
    if (kernel != null) {
      ev.put("kernel_relative_error", kernelError);
    }
    new Figure("||beta_alpha(t / rescale(alpha)) - beta_K(t)|| along the rescaled time", "rescaled time t",
        "distance to the kernel flow", curves).addTo(ev);
    new Figure("sup over the times of the distance to the kernel flow", sweep.setting(), "sup distance",
        List.of(new Figure.Series("sup distance", sweep.values(), sup),
            new Figure.Series("tolerance", new double[] {sweep.values()[sup.length - 1]}, new double[] {check.tolerance()})))
        .addTo(ev);
    String failure = failure(sup);
    String msg = failure != null ? failure
        : "with time t/" + check.rescale().text() + " the flow tracks the tangent-kernel flow ever closer: sup distance "
            + Vectors.join(sup) + " along " + sweep.setting() + " = " + Vectors.join(sweep.values())
            + (check.times().length > finite.size() ? " (limit included: min-RKHS-norm interpolant)" : "")
            + (kernel != null ? "; tangent kernel = " + check.kernel().text() + " I" : "");
    return judgement.holds(failure == null, msg, ev);
  }

  /**
   * The unit-scale model's tangent kernel K at init, its flow {@code beta' = -K 2 X^T (X beta - y)}
   * (alpha-independent) sampled at the file's finite times and on a log grid, and the min-RKHS-norm
   * interpolant. Returns K.
   */
  private double[][] kernelFlow() {
    double[][] x = data.x();
    double[] y = data.y();
    LinearPredictor unit = sweep.create(1);
    double[] theta1 = unit.initialParameters(d);
    double[][] k1 = FlowKindSupport.tangentKernel(unit, theta1, d);
    double[] beta1 = unit.beta(theta1);
    if (KindSupport.norm(beta1) > 1e-12) {
      throw new IllegalStateException("the initialisation is not unbiased: beta(0) = " + Arrays.toString(beta1));
    }
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
    for (double t : check.times()) {
      if (Double.isFinite(t)) {
        finite.add(t);
      }
    }
    double tmin = finite.stream().mapToDouble(Double::doubleValue).min().orElse(1);
    double tmax = finite.stream().mapToDouble(Double::doubleValue).max().orElse(1);
    grid = LinearFlowSampler.logGrid(tmin / 10, Math.max(tmax, tmin * 10), 30);
    sampleTimes = new double[finite.size() + grid.length];
    for (int i = 0; i < finite.size(); i++) {
      sampleTimes[i] = finite.get(i);
    }
    System.arraycopy(grid, 0, sampleTimes, finite.size(), grid.length);
    LinearFlowSampler sampler = new LinearFlowSampler(1e-12, 1e-15, 5_000_000);
    kernelStates = sampler.sample(kernelFlow, beta1, sampleTimes, (t, b) -> { });
    rkhs = minRkhs(k1, x, y);
    return k1;
  }

  /** The model at one swept value against the kernel flow; its point and curve. Returns the sup distance. */
  private double point(double alpha) {
    LinearPredictor model = sweep.create(alpha);
    double[] theta0 = model.initialParameters(d);
    double scale = rescale.value(alpha);
    if (!(scale > 0 && Double.isFinite(scale))) {
      throw new IllegalStateException("rescale " + check.rescale().text() + " is " + scale + " at " + sweep.setting()
          + " = " + alpha);
    }
    if (kernel != null) {
      compareKernel(model, theta0, alpha);
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
    if (check.times().length > finite.size()) {
      FlowLimit limit = new GradientFlow(GradientFlow.Settings.DEFAULT).run(model, data);
      double[] b = model.beta(limit.theta());
      double dist = Vectors.distance(b, rkhs);
      p.put("limit_distance_to_min_rkhs", dist);
      p.put("certificate", limit.certificate().evidence());
      worst = Math.max(worst, dist);
    }
    p.put("sup_distance", worst);
    points.add(p);
    double[] curve = new double[grid.length];
    for (int i = 0; i < grid.length; i++) {
      curve[i] = Math.max(1e-18, Vectors.distance(model.beta(states[finite.size() + i]), kernelStates[finite.size() + i]));
    }
    curves.add(new Figure.Series(sweep.setting() + " = " + fmt(alpha), grid, curve));
    return worst;
  }

  /** The model's tangent kernel at init against the file's kernel times I; the first mismatch is kept. */
  private void compareKernel(LinearPredictor model, double[] theta0, double alpha) {
    double[][] ka = FlowKindSupport.tangentKernel(model, theta0, d);
    double kv = kernel.value(alpha);
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
          + fmt(ka[0][0]) + " I (first diagonal entry), the file's " + check.kernel().text() + " = " + fmt(kv);
    }
  }

  /** Null when the kernel matched and the sup distance shrinks along the sweep to within the tolerance. */
  private String failure(double[] sup) {
    String failure = kernelFailure;
    for (int a = 1; a < sup.length && failure == null; a++) {
      if (!(sup[a] < sup[a - 1])) {
        failure = "the distance to the kernel flow does not shrink as " + sweep.setting() + " grows "
            + fmt(sweep.values()[a - 1]) + " -> " + fmt(sweep.values()[a]) + " (" + fmt(sup[a - 1]) + " -> " + fmt(sup[a])
            + ") with the time change " + check.rescale().text();
      }
    }
    int last = sup.length - 1;
    if (failure == null && !(sup[last] <= check.tolerance())) {
      failure = "at " + sweep.setting() + " = " + fmt(sweep.values()[last]) + " the flow is still " + fmt(sup[last])
          + " from the kernel flow (tolerance " + fmt(check.tolerance()) + ") with the time change "
          + check.rescale().text();
    }
    return failure;
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
    double[] c = new LUDecomposition(xm.multiply(kxt)).getSolver().solve(new ArrayRealVector(y)).toArray();
    return kxt.operate(c);
  }
}
