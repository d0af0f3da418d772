package ibcheck.crosscheck.kinds.regression;

import static ibcheck.crosscheck.KindSupport.fmt;

import ibcheck.crosscheck.Judgement;
import ibcheck.crosscheck.KindSupport;
import ibcheck.crosscheck.NumericCheck;
import ibcheck.crosscheck.read.DeclaredKind;
import ibcheck.crosscheck.read.Field;
import ibcheck.crosscheck.read.FieldValues;
import ibcheck.crosscheck.read.KindFields;
import ibcheck.crosscheck.read.Range;
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
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;

/**
 * {@code kind: sphere-kernel} (Wu 2020, eq. 15): the expectation
 * {@code E_x[relu(b.x) relu(b'.x)]} for x uniform on the unit sphere S^(d-1), computed for pairs
 * (b, b') by quadrature in spherical coordinates or by Monte Carlo, against the file's kernel formula
 * in {@code nb = ||b||, nbp = ||b'||, th = angle(b, b'), dim = d}.
 *
 * <pre>
 *   - name: ...
 *     kind: sphere-kernel
 *     dims: [2, 3, 10]
 *     pairs: 8                        # per dimension: b' = b, b' = -b, b' orthogonal to b, the rest random
 *     seed: 5
 *     kernel: ksphere(nb, nbp, th, dim)
 *     refutes: kprinted(nb, nbp, th)  # optional: a formula the same test must reject at every d
 *     method: quadrature              # quadrature | monte-carlo (with samples, z)
 *     tolerance: 1e-10                # |formula - E| <= tolerance max(|E|, E at angle 0) (+ z standard errors)
 * </pre>
 *
 * Quadrature (no use of the closed form): with u = cos(phi) = x.b/||b|| and the azimuth psi of x in
 * the plane of b and b', x.b'/||b'|| = cos(phi) cos(th) + sin(phi) sin(th) cos(psi) and the uniform
 * measure on S^(d-1) has density proportional to sin(phi)^(d-2) sin(psi)^(d-3) on [0, pi]^2 (d >= 3);
 * on the circle (d = 2) x = (cos phi, sin phi). Every integral is split at the kinks of the two
 * ReLUs and computed by tanh-sinh quadrature ({@link SphereQuadrature}); the normalisation is
 * integrated the same way. Monte Carlo draws x = g/||g||, g ~ N(0, I_d), and passes within z
 * standard errors (plus tolerance x |E|).
 */
final class SphereKernelKind extends DeclaredKind {
  static final List<String> VARS = List.of("nb", "nbp", "th", "dim");
  static final KindFields FIELDS = KindFields.of(
      Field.numbers("dims", "the dimensions d, whole numbers; a property may draw one as dim").in(Range.closed(2, 200))
          .draws(Set.of("dim")),
      Field.integer("pairs", "pairs (b, b') per dimension: b' = b, -b, orthogonal to b, the rest random")
          .in(Range.closed(1, 100)).drawable(),
      Field.integer("seed", "the seed of the pairs").drawable(),
      Field.formula("kernel", "the kernel formula in nb, nbp, th, dim"),
      Field.formula("refutes", "a formula the same test must reject at every d").optional(),
      Field.choice("method", "tanh-sinh quadrature, or Monte Carlo with samples and z", "quadrature", "monte-carlo")
          .byDefault("quadrature"),
      Field.integer("samples", "monte-carlo: samples per pair").in(Range.closed(1, 10_000_000)).optional(),
      Field.number("z", "monte-carlo: allowed standard errors").byDefault("5"),
      Field.number("tolerance", "|formula - E| <= tolerance max(|E|, E at angle 0)").in(Range.open(0, 1)));

  SphereKernelKind() {
    super("sphere-kernel", FIELDS);
  }

  @Override
  protected NumericCheck read(Header header, FieldValues f) {
    double[] dv = f.numbers("dims");
    int[] dims = new int[dv.length];
    for (int i = 0; i < dv.length; i++) {
      if (dv[i] != Math.rint(dv[i])) {
        throw f.node("dims").error("'dims' must be whole numbers, got " + dv[i]);
      }
      dims[i] = (int) dv[i];
    }
    String method = f.text("method");
    int samples = 0;
    double z = 5;
    if (method.equals("monte-carlo")) {
      if (!f.given("samples")) {
        throw f.owner().error("missing required field 'samples' in the cross-check");
      }
      samples = f.integer("samples");
      z = f.number("z");
    } else if (f.given("samples") || f.given("z")) {
      throw (f.given("samples") ? f.node("samples") : f.node("z")).error("samples and z belong to method: monte-carlo");
    }
    return new Check(header, dims, f.integer("pairs"), f.longInteger("seed"), f.formula("kernel"), f.formula("refutes"),
        method, samples, z, f.number("tolerance"));
  }

  record Check(Header header, int[] dims, int pairs, long seed, KindSupport.Formula kernel, KindSupport.Formula refutes,
      String method, int samples, double z, double tolerance) implements NumericCheck {



    @Override
    public NumericCheck instantiate(Map<String, Double> drawn) {
      int[] ds = dims;
      int p = pairs;
      long s = seed;
      for (Map.Entry<String, Double> e : drawn.entrySet()) {
        switch (e.getKey()) {
          case "dim" -> ds = new int[] {(int) Math.round(e.getValue())};
          case "pairs" -> p = (int) Math.round(e.getValue());
          case "seed" -> s = Math.round(e.getValue());
          default -> throw KindSupport.notASetting(e.getKey(), name(), FIELDS.drawable());
        }
      }
      return new Check(header, ds, p, s, kernel, refutes, method, samples, z, tolerance);
    }

    @Override
    public ClaimResult run(TheoremSession session) {
      Judgement judgement = Judgement.start(header());
      if (pairs < 1 || java.util.Arrays.stream(dims).anyMatch(d -> d < 2 || d > 200)) {
        return judgement.error("needs dimensions in [2, 200] and pairs >= 1, got " + java.util.Arrays.toString(dims)
            + ", " + pairs + " pairs", header.location());
      }
      CompiledExpression k;
      CompiledExpression r;
      try {
        k = kernel.compile(session, VARS);
        r = refutes == null ? null : refutes.compile(session, VARS);
      } catch (InvalidExpressionException e) {
        return judgement.error(e.getMessage(), kernel.location());
      }
      try {
        return run(k, r, judgement);
      } catch (RuntimeException e) {
        return judgement.error(String.valueOf(e.getMessage()), header.location());
      }
    }

    private ClaimResult run(CompiledExpression k, CompiledExpression printed, Judgement judgement) {
      RandomGenerator random = new Well19937c(seed);
      Map<String, Object> ev = new LinkedHashMap<>();
      ev.put("method", method.equals("quadrature")
          ? "tanh-sinh quadrature in spherical coordinates, split at the ReLU kinks"
          : "Monte Carlo, x = g/||g||, " + samples + " samples per pair, within " + fmt(z) + " standard errors");
      ev.put("tolerance", tolerance);
      List<Map<String, Object>> points = new ArrayList<>();
      String failure = null;
      double worst = 0;
      List<String> refutedAt = new ArrayList<>();
      List<String> notRefutedAt = new ArrayList<>();
      List<Figure.Series> curves = new ArrayList<>();
      List<Figure.Series> measured = new ArrayList<>();
      for (int d : dims) {
        boolean refuted = false;
        double ratioSum = 0;
        int ratioCount = 0;
        double diagonal = SphereQuadrature.quadrature(d, 0);
        double[] ths = new double[pairs];
        double[] vals = new double[pairs];
        for (int p = 0; p < pairs; p++) {
          KindSupport.checkInterrupt("sphere-kernel");
          double[] b = KindSupport.gaussian(random, d, 1);
          double scale = Math.exp(random.nextDouble() * 2 - 1);
          double nb = scale;
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
          double pred = k.value(nb, nbp, th, d);
          Map<String, Object> pt = new LinkedHashMap<>();
          pt.put("dim", d);
          pt.put("nb", nb);
          pt.put("nbp", nbp);
          pt.put("th", th);
          pt.put("formula", pred);
          double reference;
          double allowed;
          // the scale errors are measured against: the kernel of these norms at angle 0 (by quadrature)
          double scaleRef = nb * nbp * diagonal;
          if (method.equals("quadrature")) {
            reference = nb * nbp * SphereQuadrature.quadrature(d, th);
            allowed = tolerance * Math.max(Math.abs(reference), scaleRef);
            pt.put("quadrature", reference);
          } else {
            double[] est = monteCarlo(random, d, bhat, bp, nb, nbp);
            reference = est[0];
            allowed = z * est[1] + tolerance * Math.max(Math.abs(pred), scaleRef);
            pt.put("monte_carlo", est[0]);
            pt.put("standard_error", est[1]);
          }
          double err = Math.abs(pred - reference);
          pt.put("error", err);
          pt.put("allowed", allowed);
          worst = Math.max(worst, err / Math.max(Math.abs(reference), scaleRef));
          if (failure == null && !(err <= allowed)) {
            failure = "at d = " + d + ", th = " + fmt(th) + " the formula " + kernel.text() + " gives " + fmt(pred)
                + ", the " + method + " " + fmt(reference) + " (allowed " + fmt(allowed) + ")";
          }
          if (printed != null) {
            double pv = printed.value(nb, nbp, th, d);
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
          ths[p] = th;
          vals[p] = reference / (nb * nbp);
          points.add(pt);
        }
        if (printed != null) {
          String at = "d = " + d + (ratioCount > 0 ? " (mean ratio " + fmt(ratioSum / ratioCount) + ")" : "");
          (refuted ? refutedAt : notRefutedAt).add(at);
        }
        double[] grid = new double[41];
        double[] curve = new double[grid.length];
        for (int i = 0; i < grid.length; i++) {
          grid[i] = Math.PI * i / (grid.length - 1);
          curve[i] = k.value(1, 1, grid[i], d);
        }
        curves.add(new Figure.Series("formula, d = " + d, grid, curve));
        Integer[] order = new Integer[pairs];
        for (int i = 0; i < pairs; i++) {
          order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b2) -> Double.compare(ths[a], ths[b2]));
        measured.add(new Figure.Series(method + ", d = " + d,
            java.util.Arrays.stream(order).mapToDouble(i -> ths[i]).toArray(),
            java.util.Arrays.stream(order).mapToDouble(i -> vals[i]).toArray()));
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
        failure = "the formula to be refuted, " + refutes.text() + ", passes the same test at " + String.join(", ", notRefutedAt);
      }
      String msg = failure != null ? failure
          : kernel.text() + " matches the " + method + " at d = " + java.util.Arrays.toString(dims) + ", " + pairs
              + " pairs each (max error " + fmt(worst) + " relative to max(|E|, E at angle 0))"
              + (printed != null ? "; " + refutes.text() + " is rejected by the same test at " + String.join(", ", refutedAt) : "");
      return judgement.holds(failure == null, msg, ev);
    }

    /** Mean and standard error of relu(b.x) relu(b'.x) over x = g/||g||. */
    private double[] monteCarlo(RandomGenerator random, int d, double[] bhat, double[] bp, double nb, double nbp) {
      double sum = 0;
      double sum2 = 0;
      double[] g = new double[d];
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
          a += g[i] * bhat[i];
          c += g[i] * bp[i];
        }
        double v = a > 0 && c > 0 ? nb * nbp * a * c / norm2 : 0;
        sum += v;
        sum2 += v * v;
      }
      double mean = sum / samples;
      double var = Math.max(0, sum2 / samples - mean * mean);
      return new double[] {mean, Math.sqrt(var / (samples - 1))};
    }
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
