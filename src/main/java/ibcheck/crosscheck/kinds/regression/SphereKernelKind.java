package ibcheck.crosscheck.kinds.regression;

import ibcheck.crosscheck.Judgement;
import ibcheck.crosscheck.KindSupport;
import ibcheck.crosscheck.NumericCheck;
import ibcheck.crosscheck.read.DeclaredKind;
import ibcheck.crosscheck.read.Drawn;
import ibcheck.crosscheck.read.Field;
import ibcheck.crosscheck.read.FieldValues;
import ibcheck.crosscheck.read.KindFields;
import ibcheck.crosscheck.read.Range;
import ibcheck.symbolic.CompiledExpression;
import ibcheck.symbolic.InvalidExpressionException;
import ibcheck.symbolic.TheoremSession;
import ibcheck.verdict.ClaimResult;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
      Drawn d = Drawn.of(drawn, name(), FIELDS.drawable());
      int[] ds = d.has("dim") ? new int[] {d.integer("dim", 0)} : dims;
      return new Check(header, ds, d.integer("pairs", pairs), d.longInteger("seed", seed), kernel, refutes, method,
          samples, z, tolerance);
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
        return new SphereKernelRun(this, k, r).judge(judgement);
      } catch (RuntimeException e) {
        return judgement.error(String.valueOf(e.getMessage()), header.location());
      }
    }
  }
}
