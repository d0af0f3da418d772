package ibcheck.symbolic;

import ibcheck.spec.Domain;
import ibcheck.symbolic.claim.Claim.Op;
import ibcheck.symbolic.claim.Claim;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;

/**
 * Evaluates a claim at random admissible points in high precision, independently of whether the
 * CAS could simplify it. A claim is never "proved" on the CAS's word alone: these witnesses must
 * agree too.
 *
 * <p>Relations (and conjunctions of them): both sides at {@value #PRECISION}-digit precision;
 * relative difference {@code |l - r| / max(1, |l| + |r|)} held to {@value #TOLERANCE}. Limits and
 * series go to {@link SequenceWitness}, Hessian-map claims to {@link HessianMapWitness}.
 *
 * <p>Over 300 lines on purpose: drawing admissible points, evaluating both sides and judging their
 * difference share the seeded state and the precision of one witness; the other claim forms are
 * already out in their own witnesses.
 */
public final class NumericWitness {
  static final int PRECISION = 60;
  static final double TOLERANCE = 1e-30;

  private final SymjaSession session;
  private final Map<String, Domain> domains;
  /**
   * Lower-case names of the file's definitions whose bodies need symbolic evaluation before numbers
   * go in (they differentiate, integrate, take limits, sum or replace), or null when unknown: then
   * every evaluation substitutes after evaluating, as such definitions need.
   */
  private final java.util.Set<String> symbolic;

  public NumericWitness(SymjaSession session, Map<String, Domain> domains) {
    this(session, domains, null);
  }

  /**
   * @param symbolic the definitions that need symbolic evaluation first
   *     ({@link TheoremSession#symbolicDefinitions()}); claims that use none of them are evaluated with
   *     the point's values bound first
   */
  public NumericWitness(SymjaSession session, Map<String, Domain> domains, java.util.Set<String> symbolic) {
    this.session = session;
    this.domains = domains;
    this.symbolic = symbolic;
  }

  /**
   * Evaluates the claim at the witness points, with unevaluated list constructors aborting the
   * evaluation ({@link ListGuard}) rather than being read as data.
   */
  public WitnessOutcome check(Claim claim, int count, long seed) {
    session.witnessMode(true);
    try {
      return checkStrict(claim, count, seed);
    } finally {
      session.witnessMode(false);
    }
  }

  private WitnessOutcome checkStrict(Claim claim, int count, long seed) {
    if (claim instanceof Claim.HessianMap h) {
      return new HessianMapWitness(session, domains).check(h, count, seed);
    }
    if (claim instanceof Claim.IsotropicHessianMap h) {
      return new HessianMapWitness(session, domains).checkAnyDimension(h, count, seed);
    }
    if (claim instanceof Claim.Relation r) {
      Map<String, Domain> free = freeDomains(F.List(r.lhs(), r.rhs()));
      if (free.size() < domains.size()) {
        return new NumericWitness(session, free, symbolic).relation(r, count, seed);
      }
      return relation(r, count, seed);
    }
    if (claim instanceof Claim.LimitClaim l) {
      return new SequenceWitness(session, domains).limit(l, Math.min(count, 3), seed);
    }
    if (claim instanceof Claim.SeriesClaim s) {
      return new SequenceWitness(session, domains).series(s, Math.min(count, 3), seed);
    }
    return conjunction((Claim.Conjunction) claim, count, seed);
  }

  static final java.util.Set<String> CALCULUS = java.util.Set.of(
      "d", "derivative", "integrate", "limit", "series", "sum", "product", "table", "normal",
      "seriescoefficient", "dt", "grad", "function", "replaceall", "module", "with", "block");

  /** Whether substituting numbers before evaluation could change the meaning of the expression. */
  static boolean hasCalculus(IExpr e) {
    if (!(e instanceof IAST ast)) {
      return false;
    }
    if (CALCULUS.contains(ast.head().toString().toLowerCase(java.util.Locale.ROOT))) {
      return true;
    }
    for (int i = 0; i < ast.size(); i++) {
      if (hasCalculus(ast.get(i))) {
        return true;
      }
    }
    return false;
  }

  /** Iterators of Sum, Product, Table, Integrate... are bound: witnesses must not substitute them. */
  private Map<String, Domain> freeDomains(IExpr e) {
    java.util.Set<String> bound = new java.util.HashSet<>();
    collectBound(e, bound);
    Map<String, Domain> free = new LinkedHashMap<>(domains);
    free.keySet().removeIf(k -> bound.contains(k.toLowerCase(java.util.Locale.ROOT)));
    return free;
  }

  private static final java.util.Set<String> BINDERS = java.util.Set.of(
      "sum", "product", "table", "integrate", "nintegrate", "nsum", "limit", "array");

  private static void collectBound(IExpr e, java.util.Set<String> bound) {
    if (!(e instanceof IAST ast)) {
      return;
    }
    if (ast.head().toString().equalsIgnoreCase("Function") && ast.argSize() >= 2) {
      IExpr params = ast.arg1();
      for (IExpr p : params.isList() ? (IAST) params : F.List(params)) {
        bound.add(p.toString().toLowerCase(java.util.Locale.ROOT));
      }
    }
    if (BINDERS.contains(ast.head().toString().toLowerCase(java.util.Locale.ROOT))) {
      for (int i = 2; i < ast.size(); i++) {
        IExpr spec = ast.get(i);
        if (spec.isSymbol()) {
          bound.add(spec.toString().toLowerCase(java.util.Locale.ROOT));
        } else if ((spec.isList() || spec.isRuleAST()) && spec.argSize() >= 1 && spec.first().isSymbol()) {
          bound.add(spec.first().toString().toLowerCase(java.util.Locale.ROOT));
        }
      }
    }
    for (int i = 0; i < ast.size(); i++) {
      collectBound(ast.get(i), bound);
    }
  }

  private WitnessOutcome conjunction(Claim.Conjunction c, int count, long seed) {
    List<Map<String, Object>> points = new ArrayList<>();
    double max = 0;
    double tol = 0;
    List<String> methods = new ArrayList<>();
    int i = 0;
    for (Claim part : c.parts()) {
      WitnessOutcome w = checkStrict(part, count, seed + 7919L * i++);
      if (w.status() != WitnessOutcome.Status.AGREE) {
        return w;
      }
      points.addAll(w.points());
      max = Math.max(max, w.maxError());
      tol = Math.max(tol, w.tolerance());
      methods.add(w.method());
    }
    return new WitnessOutcome(WitnessOutcome.Status.AGREE, String.join("; ", methods), points, max,
        tol, null, "every part agrees at every witness point");
  }

  /**
   * Both sides at the drawn points. Long because each point's outcome (undefined, pole, agree,
   * counterexample) is decided in one pass that keeps the worst difference and the first failure.
   */
  private WitnessOutcome relation(Claim.Relation r, int count, long seed) {
    // a side without calculus operators is evaluated with the numbers already substituted (fast, and
    // independent of symbolic simplification); otherwise the CAS evaluates it symbolically first
    IExpr lhs = hasCalculus(r.lhs()) ? session.eval(r.lhs()) : r.lhs();
    IExpr rhs = hasCalculus(r.rhs()) ? session.eval(r.rhs()) : r.rhs();
    WitnessPoints draw = new WitnessPoints(seed);
    List<Map<String, Object>> points = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    double max = 0;
    String method = count + " random points and " + WitnessPoints.RANGE_POINTS + " range points (ends, midpoints) at " + PRECISION + " digits, relative difference"
        + " |l - r|/max(1, |l| + |r|) within " + TOLERANCE;
    // the range points come on top of the requested random draws: N witnesses are N random points
    // plus the range points (ends and midpoints), so ends are probed without fewer random draws; a
    // range point replaced (below) adds one more draw
    for (int i = 0; i < count + WitnessPoints.RANGE_POINTS + skipped.size(); i++) {
      Map<String, IExpr> pt = draw.draw(domains);
      IExpr l = numeric(lhs, pt, PRECISION);
      IExpr rr = numeric(rhs, pt, PRECISION);
      if (draw.lastWasRangePoint() && (singular(l) || singular(rr))) {
        // an end or midpoint of the ranges can land on a pole of the claim (w1 x + bb = 0 at
        // x = -2, w1 = 1, bb = 2): a point outside the claim's domain, recorded, and a random one drawn instead
        skipped.add(describe(pt));
        continue;
      }
      if (l.isList() && rr.isList() && (r.op() == Op.EQUAL || r.op() == Op.UNEQUAL)) {
        // vectors and matrices: the largest entry-wise difference relative to the largest entry
        IExpr diffNorm = maxAbs(F.Subtract(l, rr));
        l = maxAbs(l);
        rr = maxAbs(rr);
        if (!l.isNumber() || !rr.isNumber() || !diffNorm.isNumber()) {
          return notNumeric(method, pt, !l.isNumber() ? l : rr, points);
        }
        double d = session.eval(F.N(F.Divide(diffNorm, F.Max(F.C1, F.Plus(l, rr))), F.ZZ(PRECISION))).evalf();
        Map<String, Object> row = pointRow(pt);
        row.put("maxEntryDifference", show(diffNorm));
        row.put("relativeDifference", d);
        points.add(row);
        max = Math.max(max, d);
        if (!r.op().holds(d, TOLERANCE)) {
          return new WitnessOutcome(WitnessOutcome.Status.COUNTEREXAMPLE, method, points, max, TOLERANCE,
              row, "at " + describe(pt) + ": the arrays differ by " + show(diffNorm) + " in their largest entry");
        }
        continue;
      }
      if (!l.isNumber() || !rr.isNumber()) {
        return notNumeric(method, pt, !l.isNumber() ? l : rr, points);
      }
      boolean real = l.isReal() && rr.isReal();
      if (r.op() != Op.EQUAL && r.op() != Op.UNEQUAL && !real) {
        return notNumeric(method, pt, l.isReal() ? rr : l, points);
      }
      IExpr diff = real
          ? session.eval(F.N(F.Divide(F.Subtract(l, rr), F.Max(F.C1, F.Plus(F.Abs(l), F.Abs(rr)))), F.ZZ(PRECISION)))
          : session.eval(F.N(F.Divide(F.Abs(F.Subtract(l, rr)), F.Max(F.C1, F.Plus(F.Abs(l), F.Abs(rr)))), F.ZZ(PRECISION)));
      double d = diff.evalf();
      Map<String, Object> row = pointRow(pt);
      row.put("lhs", show(l));
      row.put("rhs", show(rr));
      row.put("relativeDifference", d);
      points.add(row);
      double err = r.op() == Op.EQUAL ? Math.abs(d) : (r.op().holds(d, TOLERANCE) ? 0 : Math.abs(d));
      max = Math.max(max, err);
      if (!r.op().holds(d, TOLERANCE)) {
        if (!r.label().isEmpty()) {
          row.put("part", r.label());
        }
        return new WitnessOutcome(WitnessOutcome.Status.COUNTEREXAMPLE, method, points, max, TOLERANCE,
            row, (r.label().isEmpty() ? "" : r.label() + " fails ") + "at " + describe(pt) + ": lhs = "
                + show(l) + ", rhs = " + show(rr) + ", difference " + show(session.eval(F.N(F.Subtract(l, rr), F.ZZ(20)))));
      }
    }
    return new WitnessOutcome(WitnessOutcome.Status.AGREE, method, points, max, TOLERANCE, null,
        "all " + points.size() + " witness points agree" + (skipped.isEmpty() ? ""
            : " (the claim is undefined at the range point" + (skipped.size() > 1 ? "s " : " ")
                + String.join("; ", skipped) + ", replaced by random points)"));
  }

  /** Whether a value is a pole or an indeterminate form (anywhere inside it, for an array). */
  static boolean singular(IExpr e) {
    if (e.isIndeterminate() || e.isComplexInfinity() || e.isDirectedInfinity()) {
      return true;
    }
    if (e.isList()) {
      for (IExpr entry : (IAST) e) {
        if (singular(entry)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The largest absolute entry of a numeric vector or matrix. */
  private IExpr maxAbs(IExpr array) {
    return session.eval(F.N(F.binaryAST2(S.Norm, F.Flatten(array), F.CInfinity), F.ZZ(PRECISION)));
  }

  /**
   * The expression at the point, in {@code precision} digits. Where the claim and the definitions it
   * uses need no symbolic step, the point's values are bound before anything is evaluated
   * ({@code Block}), so the file's definitions expand straight into numbers: substituting afterwards
   * ({@code ReplaceAll}) first evaluates the whole claim symbolically, which for a matrix inverse or a
   * rational unit vector costs seconds and is the CAS's business, not the witness's. A claim that
   * differentiates, integrates, sums or replaces (itself or through a definition) is evaluated
   * symbolically first and the numbers substituted after, as before.
   */
  private IExpr numeric(IExpr expr, Map<String, IExpr> point, int precision) {
    if (symbolic == null || hasCalculus(expr) || mentions(expr, symbolic)) {
      return numeric(session, expr, point, precision);
    }
    org.matheclipse.core.interfaces.IASTAppendable values = F.ListAlloc(point.size());
    for (Map.Entry<String, IExpr> e : point.entrySet()) {
      values.append(F.Set(F.symbol(e.getKey()), e.getValue()));
    }
    return session.eval(F.N(F.Block(values, expr), F.ZZ(precision)));
  }

  /** The expression at the point, substituted after symbolic evaluation ({@code ReplaceAll}), in {@code precision} digits. */
  static IExpr numeric(SymjaSession session, IExpr expr, Map<String, IExpr> point, int precision) {
    org.matheclipse.core.interfaces.IASTAppendable rules = F.ListAlloc(point.size());
    for (Map.Entry<String, IExpr> e : point.entrySet()) {
      rules.append(F.Rule(F.symbol(e.getKey()), e.getValue()));
    }
    return session.eval(F.N(F.ReplaceAll(expr, rules), F.ZZ(precision)));
  }

  /** Whether the expression uses one of the named symbols (heads included). */
  static boolean mentions(IExpr e, java.util.Set<String> names) {
    if (e instanceof org.matheclipse.core.interfaces.ISymbol s) {
      return names.contains(s.toString().toLowerCase(java.util.Locale.ROOT));
    }
    if (e instanceof IAST ast) {
      for (int i = 0; i < ast.size(); i++) {
        if (mentions(ast.get(i), names)) {
          return true;
        }
      }
    }
    return false;
  }

  static WitnessOutcome notNumeric(String method, Map<String, IExpr> pt, IExpr got, List<Map<String, Object>> points) {
    return new WitnessOutcome(WitnessOutcome.Status.NOT_NUMERIC, method, points, Double.NaN, TOLERANCE,
        pointRow(pt), ListGuard.aborted(got)
            ? "a list constructor (Array, Table, Range, ConstantArray, ...) could not build its list at " + describe(pt)
                + " (too large or invalid arguments): an unevaluated result is never evidence"
            : "cannot evaluate to a real number at " + describe(pt) + ": got " + shorten(got.toString()));
  }

  static Map<String, Object> pointRow(Map<String, IExpr> pt) {
    Map<String, Object> row = new LinkedHashMap<>();
    Map<String, String> at = new LinkedHashMap<>();
    pt.forEach((k, v) -> at.put(k, v.toString()));
    row.put("at", at);
    return row;
  }

  static String describe(Map<String, IExpr> pt) {
    if (pt.isEmpty()) {
      return "(no free symbols)";
    }
    List<String> parts = new ArrayList<>();
    pt.forEach((k, v) -> parts.add(k + " = " + v));
    return String.join(", ", parts);
  }

  static String show(IExpr number) {
    if (number.isNumber()) {
      try {
        if (number.isReal()) {
          return String.format("%.17g", number.evalf());
        }
      } catch (RuntimeException e) {
        // fall through to Symja's own text
      }
    }
    return shorten(number.toString());
  }

  static String shorten(String s) {
    return s.length() > 120 ? s.substring(0, 120) + "..." : s;
  }
}
