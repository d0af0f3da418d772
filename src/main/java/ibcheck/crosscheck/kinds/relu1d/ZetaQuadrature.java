package ibcheck.crosscheck.kinds.relu1d;

import static ibcheck.crosscheck.Vectors.fmt;

import ibcheck.bias.Quadrature;
import ibcheck.crosscheck.kinds.relu1d.Inputs1D.Formula;
import ibcheck.models.Initialisation;
import ibcheck.verdict.Figure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code method: quadrature} of a {@link ZetaCheck}: the defining integral of the file's joint density
 * by adaptive Gauss-Legendre quadrature (summed for a discrete W) against the closed form.
 */
final class ZetaQuadrature {
  private ZetaQuadrature() {}

  /** |W|^3 p(W, -W x) integrated over W (summed for a discrete W). */
  static double defining(Initialisation init, Formula density, double x, Quadrature q, long[] evaluations, boolean[] converged) {
    if (init.w().discrete()) {
      double sum = 0;
      for (double w : distinct(init.w().args())) {
        sum += Math.abs(w * w * w) * density.value(w, -w * x);
      }
      return sum;
    }
    Quadrature.Result r = q.realLine(w -> {
      double a = Math.abs(w);
      return a == 0 ? 0 : a * a * a * density.value(w, -w * x);
    }, init.weightBreaks(x));
    evaluations[0] += r.evaluations();
    converged[0] &= r.converged();
    return r.value();
  }

  private static double[] distinct(double[] v) {
    return Arrays.stream(v).distinct().toArray();
  }

  /**
   * The defining integral against the closed form at every point of one parameter set, and the total
   * mass against E[W^2]; the row's evidence and the figure's two series. Null when both hold, else why
   * not.
   */
  static String check(ZetaCheck.Settings s, Initialisation init, Formula density, Formula zeta,
      Map<String, Object> row, List<Figure.Series> series, String label) {
    Quadrature q = new Quadrature(1e-300, 1e-12);
    double[] pts = s.points();
    double[] def = new double[pts.length];
    double[] closed = new double[pts.length];
    long[] evals = {0};
    boolean[] converged = {true};
    double worst = 0;
    String failure = null;
    List<Map<String, Object>> points = new ArrayList<>();
    for (int i = 0; i < pts.length; i++) {
      def[i] = defining(init, density, pts[i], q, evals, converged);
      closed[i] = zeta.value(pts[i]);
      double err = ZetaCheck.relative(def[i], closed[i]);
      worst = Math.max(worst, err);
      Map<String, Object> pt = new LinkedHashMap<>();
      pt.put("x", pts[i]);
      pt.put("quadrature", def[i]);
      pt.put("closed_form", closed[i]);
      pt.put("relative_error", err);
      points.add(pt);
      if (!(err <= s.tolerance()) && failure == null) {
        failure = "at x = " + fmt(pts[i]) + " the defining integral is " + fmt(def[i]) + " but the closed form " + s.zeta()
            + " is " + fmt(closed[i]) + " (relative error " + fmt(err) + " > " + fmt(s.tolerance()) + ")";
      }
    }
    // total mass: int zeta dx = E[W^2]
    Quadrature.Result mass = new Quadrature(1e-300, 1e-12).realLine(zeta::value, init.breakpointEdges());
    double second = init.w().secondMoment();
    double massErr = ZetaCheck.relative(mass.value(), second);
    worst = Math.max(worst, massErr);
    row.put("points", points);
    row.put("evaluations", evals[0]);
    row.put("quadrature_converged", converged[0]);
    row.put("mass", mass.value());
    row.put("second_moment_W", second);
    row.put("max_error", worst);
    if (failure == null && !(massErr <= s.tolerance())) {
      failure = "int zeta dx = " + fmt(mass.value()) + " but E[W^2] = " + fmt(second) + " (relative error " + fmt(massErr)
          + " > " + fmt(s.tolerance()) + ")";
    }
    if (failure == null && !converged[0]) {
      failure = "the quadrature did not meet its tolerance (depth limit reached)";
    }
    double lo = Arrays.stream(pts).min().orElse(0);
    double hi = Arrays.stream(pts).max().orElse(0);
    double[] gx = new double[61];
    double[] gy = new double[gx.length];
    for (int k = 0; k < gx.length; k++) {
      gx[k] = lo + (hi - lo) * k / (gx.length - 1);
      gy[k] = zeta.value(gx[k]);
    }
    series.add(new Figure.Series("closed form" + label, gx, gy));
    series.add(new Figure.Series("quadrature" + label, pts.clone(), def));
    return failure;
  }
}
