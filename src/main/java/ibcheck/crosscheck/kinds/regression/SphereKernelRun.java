package ibcheck.crosscheck.kinds.regression;

import static ibcheck.crosscheck.KindSupport.fmt;

import ibcheck.crosscheck.Judgement;
import ibcheck.crosscheck.KindSupport;
import ibcheck.symbolic.CompiledExpression;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Figure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;

/**
 * One run of a {@code sphere-kernel} cross-check ({@link SphereKernelKind}): for every dimension, the
 * pairs (b, b') drawn in turn from one random stream, the file's kernel at each against the
 * quadrature or Monte Carlo value, the formula to be refuted against the same test, and the figure of
 * both against the angle.
 */
final class SphereKernelRun {
  /** One pair: the norms, the unit vector along b, the unit b', and their angle. */
  private record Pair(double nb, double nbp, double[] bhat, double[] bp, double th) {}

  private final SphereKernelKind.Check check;
  private final CompiledExpression kernel;
  private final CompiledExpression printed;
  private final RandomGenerator random;
  private final List<Map<String, Object>> points = new ArrayList<>();
  private final List<String> refutedAt = new ArrayList<>();
  private final List<String> notRefutedAt = new ArrayList<>();
  private final List<Figure.Series> curves = new ArrayList<>();
  private final List<Figure.Series> measured = new ArrayList<>();
  private String failure;
  private double worst;

  /**
   * @param kernel the file's kernel, compiled in {@link SphereKernelKind#VARS}
   * @param printed the formula to be refuted, or null
   */
  SphereKernelRun(SphereKernelKind.Check check, CompiledExpression kernel, CompiledExpression printed) {
    this.check = check;
    this.kernel = kernel;
    this.printed = printed;
    this.random = new Well19937c(check.seed());
  }

  ClaimResult judge(Judgement judgement) {
    Map<String, Object> ev = new LinkedHashMap<>();
    ev.put("method", check.method().equals("quadrature")
        ? "tanh-sinh quadrature in spherical coordinates, split at the ReLU kinks"
        : "Monte Carlo, x = g/||g||, " + check.samples() + " samples per pair, within " + fmt(check.z()) + " standard errors");
    ev.put("tolerance", check.tolerance());
    for (int d : check.dims()) {
      dimension(d);
    }
    List<Figure.Series> all = new ArrayList<>(curves);
    all.addAll(measured);
    new Figure("E[relu(b.x) relu(b'.x)] / (||b|| ||b'||) against the angle, x uniform on the sphere", "angle th",
        "kernel / (||b|| ||b'||)", all).addTo(ev);
    ev.put("points", points);
    ev.put("max_error_relative_to_scale", worst);
    if (printed != null) {
      ev.put("refuted_at", refutedAt);
      ev.put("not_refuted_at", notRefutedAt);
    }
    if (failure == null && printed != null && !notRefutedAt.isEmpty()) {
      failure = "the formula to be refuted, " + check.refutes().text() + ", passes the same test at "
          + String.join(", ", notRefutedAt);
    }
    String msg = failure != null ? failure
        : check.kernel().text() + " matches the " + check.method() + " at d = " + Arrays.toString(check.dims()) + ", "
            + check.pairs() + " pairs each (max error " + fmt(worst) + " relative to max(|E|, E at angle 0))"
            + (printed != null ? "; " + check.refutes().text() + " is rejected by the same test at "
                + String.join(", ", refutedAt) : "");
    return judgement.holds(failure == null, msg, ev);
  }

  /** Every pair in dimension d against the reference; then the formula's curve and the measured points. */
  private void dimension(int d) {
    boolean refuted = false;
    double ratioSum = 0;
    int ratioCount = 0;
    double diagonal = SphereQuadrature.quadrature(d, 0);
    double[] ths = new double[check.pairs()];
    double[] vals = new double[check.pairs()];
    for (int p = 0; p < check.pairs(); p++) {
      KindSupport.checkInterrupt("sphere-kernel");
      Pair pair = draw(d, p);
      Map<String, Object> pt = new LinkedHashMap<>();
      // the scale errors are measured against: the kernel of these norms at angle 0 (by quadrature)
      double scaleRef = pair.nb() * pair.nbp() * diagonal;
      double[] referenceAllowed = compare(d, pair, scaleRef, pt);
      double reference = referenceAllowed[0];
      double allowed = referenceAllowed[1];
      if (printed != null) {
        double pv = printed.value(pair.nb(), pair.nbp(), pair.th(), d);
        pt.put("refuted_formula", pv);
        if (Math.abs(reference) > 1e-6 * scaleRef) {
          pt.put("refuted_over_reference", pv / reference);
          ratioSum += pv / reference;
          ratioCount++;
        }
        if (!(Math.abs(pv - reference) <= allowed)) {
          refuted = true;
        }
      }
      ths[p] = pair.th();
      vals[p] = reference / (pair.nb() * pair.nbp());
      points.add(pt);
    }
    if (printed != null) {
      String at = "d = " + d + (ratioCount > 0 ? " (mean ratio " + fmt(ratioSum / ratioCount) + ")" : "");
      (refuted ? refutedAt : notRefutedAt).add(at);
    }
    figures(d, ths, vals);
  }

  /** Pair p in dimension d: b' = b, then -b, then orthogonal to b, the rest random; random norms. */
  private Pair draw(int d, int p) {
    double[] b = KindSupport.gaussian(random, d, 1);
    double nb = Math.exp(random.nextDouble() * 2 - 1);
    double[] bhat = unit(b);
    double[] bp;
    if (p == 0) {
      bp = bhat.clone();
    } else if (p == 1) {
      bp = bhat.clone();
      for (int i = 0; i < d; i++) {
        bp[i] = -bp[i];
      }
    } else {
      double[] g = KindSupport.gaussian(random, d, 1);
      if (p == 2) { // orthogonal to b
        double a = KindSupport.dot(g, bhat);
        for (int i = 0; i < d; i++) {
          g[i] -= a * bhat[i];
        }
      }
      bp = unit(g);
    }
    double nbp = Math.exp(random.nextDouble() * 2 - 1);
    double th = Math.acos(Math.max(-1, Math.min(1, KindSupport.dot(bhat, bp))));
    return new Pair(nb, nbp, bhat, bp, th);
  }

  /**
   * The file's kernel at one pair against the quadrature or Monte Carlo value, recorded in {@code pt};
   * a failure is kept (the first one). Returns the reference value and the error allowed.
   */
  private double[] compare(int d, Pair pair, double scaleRef, Map<String, Object> pt) {
    double pred = kernel.value(pair.nb(), pair.nbp(), pair.th(), d);
    pt.put("dim", d);
    pt.put("nb", pair.nb());
    pt.put("nbp", pair.nbp());
    pt.put("th", pair.th());
    pt.put("formula", pred);
    double reference;
    double allowed;
    if (check.method().equals("quadrature")) {
      reference = pair.nb() * pair.nbp() * SphereQuadrature.quadrature(d, pair.th());
      allowed = check.tolerance() * Math.max(Math.abs(reference), scaleRef);
      pt.put("quadrature", reference);
    } else {
      double[] est = monteCarlo(d, pair);
      reference = est[0];
      allowed = check.z() * est[1] + check.tolerance() * Math.max(Math.abs(pred), scaleRef);
      pt.put("monte_carlo", est[0]);
      pt.put("standard_error", est[1]);
    }
    double err = Math.abs(pred - reference);
    pt.put("error", err);
    pt.put("allowed", allowed);
    worst = Math.max(worst, err / Math.max(Math.abs(reference), scaleRef));
    if (failure == null && !(err <= allowed)) {
      failure = "at d = " + d + ", th = " + fmt(pair.th()) + " the formula " + check.kernel().text() + " gives "
          + fmt(pred) + ", the " + check.method() + " " + fmt(reference) + " (allowed " + fmt(allowed) + ")";
    }
    return new double[] {reference, allowed};
  }

  /** The formula's curve over [0, pi] and the measured values sorted by angle, in dimension d. */
  private void figures(int d, double[] ths, double[] vals) {
    double[] grid = new double[41];
    double[] curve = new double[grid.length];
    for (int i = 0; i < grid.length; i++) {
      grid[i] = Math.PI * i / (grid.length - 1);
      curve[i] = kernel.value(1, 1, grid[i], d);
    }
    curves.add(new Figure.Series("formula, d = " + d, grid, curve));
    Integer[] order = new Integer[ths.length];
    for (int i = 0; i < ths.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b2) -> Double.compare(ths[a], ths[b2]));
    measured.add(new Figure.Series(check.method() + ", d = " + d,
        Arrays.stream(order).mapToDouble(i -> ths[i]).toArray(),
        Arrays.stream(order).mapToDouble(i -> vals[i]).toArray()));
  }

  /** Mean and standard error of relu(b.x) relu(b'.x) over x = g/||g||. */
  private double[] monteCarlo(int d, Pair pair) {
    double sum = 0;
    double sum2 = 0;
    double[] g = new double[d];
    int samples = check.samples();
    for (int s = 0; s < samples; s++) {
      if ((s & 0xffff) == 0) {
        KindSupport.checkInterrupt("sphere-kernel Monte Carlo");
      }
      double norm2 = 0;
      double a = 0;
      double c = 0;
      for (int i = 0; i < d; i++) {
        g[i] = random.nextGaussian();
        norm2 += g[i] * g[i];
        a += g[i] * pair.bhat()[i];
        c += g[i] * pair.bp()[i];
      }
      double v = a > 0 && c > 0 ? pair.nb() * pair.nbp() * a * c / norm2 : 0;
      sum += v;
      sum2 += v * v;
    }
    double mean = sum / samples;
    double var = Math.max(0, sum2 / samples - mean * mean);
    return new double[] {mean, Math.sqrt(var / (samples - 1))};
  }

  private static double[] unit(double[] v) {
    double n = KindSupport.norm(v);
    double[] out = v.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] /= n;
    }
    return out;
  }
}
