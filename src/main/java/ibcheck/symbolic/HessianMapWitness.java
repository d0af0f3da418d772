package ibcheck.symbolic;

import ibcheck.symbolic.claim.Claim;
import static ibcheck.symbolic.NumericWitness.describe;
import static ibcheck.symbolic.NumericWitness.notNumeric;
import static ibcheck.symbolic.NumericWitness.pointRow;
import static ibcheck.symbolic.NumericWitness.shorten;

import ibcheck.spec.Domain;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;

/**
 * The numeric witness of a {@code HessianMapQ} claim (see {@link HessianMaps}): the condition
 * checked from values of H alone, without trusting symbolic derivatives.
 */
final class HessianMapWitness {
  private final SymjaSession session;
  private final Map<String, Domain> domains;

  HessianMapWitness(SymjaSession session, Map<String, Domain> domains) {
    this.session = session;
    this.domains = domains;
  }

  /** Tolerance of the Hessian-map witness: double precision and a finite-difference step. */
  static final double HESSIAN_TOLERANCE = 1e-6;
  private static final double HESSIAN_STEP = 1e-5;

  /**
   * The Hessian-map condition checked without symbolic derivatives: H in machine precision at the
   * point and at w +- h e_k (h = 1e-5), central differences (truncation ~h^2, rounding ~1e-16/h, both
   * near 1e-10), compared relative to max(1, sizes) within {@value #HESSIAN_TOLERANCE}. Machine
   * precision is deliberate: Symja's arbitrary-precision powers and exact nested radicals can take
   * minutes on a matrix inverse, while a field that is not a Hessian map fails by O(1). About 70
   * lines in one pass over points and dimensions, which share the field's evaluation and the worst case.
   */
  WitnessOutcome check(Claim.HessianMap c, int count, long seed) {
    int d = c.variables().size();
    String method = count + " random points in double precision: central differences of H with step "
        + HESSIAN_STEP + "; |dH_ij/dw_k - dH_ik/dw_j| and |H_ij - H_ji| relative to max(1, sizes) within "
        + HESSIAN_TOLERANCE;
    WitnessPoints draw = new WitnessPoints(seed);
    List<Map<String, Object>> rows = new ArrayList<>();
    double max = 0;
    for (int p = 0; p < count; p++) {
      Map<String, IExpr> pt = draw.interior(domains); // central differences need room on both sides
      Map<String, Double> x = new LinkedHashMap<>();
      pt.forEach((k, v) -> x.put(k, v.evalf()));
      double[][] h0 = matrixAt(c.field(), x, d);
      if (h0 == null) {
        return new WitnessOutcome(WitnessOutcome.Status.NOT_NUMERIC, method, rows, Double.NaN, HESSIAN_TOLERANCE,
            pointRow(pt), "cannot check " + HessianMaps.NAME + ": the field must evaluate to a " + d + " x " + d
                + " real matrix (one row per variable), got " + shorten(session.eval(substitute(c.field(), x)).toString())
                + " at " + describe(pt));
      }
      double[][][] dH = new double[d + 1][][];
      for (int k = 1; k <= d; k++) {
        String vk = pointKey(pt, c.variables().get(k - 1).toString());
        Map<String, Double> plus = new LinkedHashMap<>(x);
        Map<String, Double> minus = new LinkedHashMap<>(x);
        plus.put(vk, x.get(vk) + HESSIAN_STEP);
        minus.put(vk, x.get(vk) - HESSIAN_STEP);
        double[][] hp = matrixAt(c.field(), plus, d);
        double[][] hm = matrixAt(c.field(), minus, d);
        if (hp == null || hm == null) {
          return notNumeric(method, pt, c.field(), rows);
        }
        dH[k] = new double[d][d];
        for (int i = 0; i < d; i++) {
          for (int j = 0; j < d; j++) {
            dH[k][i][j] = (hp[i][j] - hm[i][j]) / (2 * HESSIAN_STEP);
          }
        }
      }
      Map<String, Object> row = pointRow(pt);
      rows.add(row);
      double worstHere = 0;
      for (int i = 1; i <= d; i++) {
        for (int j = 1; j <= d; j++) {
          List<Object[]> checks = new ArrayList<>();
          if (j > i) {
            checks.add(new Object[] {"symmetry H_" + i + j + " == H_" + j + i, h0[i - 1][j - 1], h0[j - 1][i - 1]});
          }
          for (int k = j + 1; k <= d; k++) {
            checks.add(new Object[] {"(i, j, k) = (" + i + ", " + j + ", " + k + "): dH_" + i + j + "/d"
                + c.variables().get(k - 1) + " == dH_" + i + k + "/d" + c.variables().get(j - 1),
                dH[k][i - 1][j - 1], dH[j][i - 1][k - 1]});
          }
          for (Object[] check : checks) {
            double a = (Double) check[1];
            double b = (Double) check[2];
            double rel = Math.abs(a - b) / Math.max(1, Math.abs(a) + Math.abs(b));
            worstHere = Math.max(worstHere, rel);
            if (!(rel <= HESSIAN_TOLERANCE)) {
              row.put("part", check[0]);
              row.put("relativeDifference", rel);
              max = Math.max(max, rel);
              return new WitnessOutcome(WitnessOutcome.Status.COUNTEREXAMPLE, method, rows, max, HESSIAN_TOLERANCE, row,
                  check[0] + " fails at " + describe(pt) + ": " + a + " vs " + b + ", difference " + (a - b));
            }
          }
        }
      }
      row.put("maxRelativeDifference", worstHere);
      max = Math.max(max, worstHere);
    }
    return new WitnessOutcome(WitnessOutcome.Status.AGREE, method, rows, max, HESSIAN_TOLERANCE, null,
        "every index triple agrees at every witness point");
  }

  /** Dimensions the every-dimension form is witnessed in, one per point, in turn. */
  static final int[] DIMENSIONS = {2, 3, 4, 5};

  /**
   * The every-dimension form {@code HessianMapQ(H, b)} witnessed without the reduction the CAS uses:
   * at each point the vector b becomes a list of d components (d = 2, 3, 4, 5 in turn), each drawn
   * from b's declared range, and the condition is checked by central differences as in a fixed
   * dimension.
   */
  WitnessOutcome checkAnyDimension(Claim.IsotropicHessianMap c, int count, long seed) {
    List<Map<String, Object>> rows = new ArrayList<>();
    double max = 0;
    String method = null;
    String key = pointKey(domainsAsPoint(), c.vector().toString());
    Domain component = domains.get(key);
    for (int p = 0; p < count; p++) {
      int d = DIMENSIONS[p % DIMENSIONS.length];
      Claim.HessianMap explicit = HessianMaps.inDimension(c, d, key);
      Map<String, Domain> local = new LinkedHashMap<>(domains);
      local.remove(key);
      explicit.variables().forEach(v -> local.put(v.toString(), component));
      WitnessOutcome o = new HessianMapWitness(session, local).check(explicit, 1, seed + p);
      method = count + " random points, one each in dimension " + DIMENSIONS[0] + ", " + DIMENSIONS[1] + ", "
          + DIMENSIONS[2] + ", " + DIMENSIONS[3] + " in turn (" + c.vector() + " a list of d components, each drawn from "
          + c.vector() + "'s range), without the reduction: " + o.method().replaceFirst("^1 random points in ", "");
      for (Map<String, Object> row : o.points()) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("dimension", d);
        r.putAll(row);
        rows.add(r);
      }
      max = Math.max(max, Double.isNaN(o.maxError()) ? 0 : o.maxError());
      if (o.status() != WitnessOutcome.Status.AGREE) {
        Map<String, Object> ce = o.counterexample() == null ? null : new LinkedHashMap<>(o.counterexample());
        if (ce != null) {
          ce.put("dimension", d);
        }
        return new WitnessOutcome(o.status(), method, rows, Math.max(max, o.maxError()), o.tolerance(), ce,
            "in dimension " + d + ": " + o.message());
      }
    }
    return new WitnessOutcome(WitnessOutcome.Status.AGREE, method, rows, max, HESSIAN_TOLERANCE, null,
        "every index triple agrees at every witness point, in dimensions 2 to " + DIMENSIONS[Math.min(count, 4) - 1]);
  }

  private Map<String, IExpr> domainsAsPoint() {
    Map<String, IExpr> m = new LinkedHashMap<>();
    domains.keySet().forEach(k -> m.put(k, F.C0));
    return m;
  }

  /**
   * The field with machine numbers put in before anything is evaluated (ReplaceAll would first
   * evaluate the field symbolically, e.g. a symbolic matrix inverse: the cost this path avoids).
   */
  private static IExpr substitute(IExpr field, Map<String, Double> x) {
    Map<IExpr, IExpr> values = new java.util.HashMap<>();
    x.forEach((k, v) -> values.put(F.symbol(k), F.num(v)));
    return field.replaceAll(values);
  }

  /** H at a point in machine precision, or null when it is not a real d x d matrix. */
  private double[][] matrixAt(IExpr field, Map<String, Double> x, int d) {
    IExpr m = session.eval(F.N(substitute(field, x)));
    if (!HessianMaps.isSquareMatrix(m, d)) {
      return null;
    }
    double[][] out = new double[d][d];
    for (int i = 1; i <= d; i++) {
      for (int j = 1; j <= d; j++) {
        IExpr e = HessianMaps.entry(m, i, j);
        if (!e.isReal()) {
          return null;
        }
        out[i - 1][j - 1] = e.evalf();
      }
    }
    return out;
  }

  private static String pointKey(Map<String, IExpr> pt, String name) {
    for (String k : pt.keySet()) {
      if (k.equalsIgnoreCase(name)) {
        return k;
      }
    }
    throw new IllegalArgumentException("the Hessian-map variable " + name + " is not a declared symbol");
  }
}
