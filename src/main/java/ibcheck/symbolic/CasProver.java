package ibcheck.symbolic;

import ibcheck.spec.Domain;
import ibcheck.symbolic.CasOutcome.Status;
import ibcheck.symbolic.claim.Claim;
import ibcheck.symbolic.prove.AnalyticInequalities;
import ibcheck.symbolic.prove.ExactCounterexample;
import ibcheck.symbolic.prove.LimitRoutes;
import ibcheck.symbolic.prove.RadicalElimination;
import ibcheck.symbolic.prove.RationalIdentity;
import ibcheck.symbolic.prove.Rewrites;
import ibcheck.symbolic.prove.SignReasoning;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IExpr;

/**
 * Asks Symja, and the sound methods of {@code ibcheck.symbolic.prove} around it, to close a claim
 * under the theorem's assumptions; the outcome names the method that closed it. Its answer is only
 * ever one half of a verdict: {@link StepChecker} confronts it with the {@link NumericWitness}.
 *
 * <p>Over 300 lines on purpose: it is the one place that orders the methods per claim form (the
 * equality ladder, inequalities, limits, series) under one shared budget; each method itself lives in
 * {@code symbolic.prove}, and the Hessian-map routes in {@link HessianMapProof}.
 */
public final class CasProver {
  private final SymjaSession session;
  private final IExpr assumptions;
  private final long deadline;
  private static final String PIECEWISE = "cases on Abs/Max/Min/Ramp/UnitStep/If/Boole/Sign, each closed over a common"
      + " denominator or by sign reasoning (with the case's conditions)";
  private final SignReasoning signs;
  private final Rewrites rewrites;
  private final AnalyticInequalities analytic;
  private final HessianMapProof hessianMaps;
  private boolean gaveUp;

  /**
   * @param domains the symbols' assumptions, for the sign reasoning
   * @param budgetSeconds how long the CAS may try in total; past it every attempt is "open", so the
   *     numeric witness always gets its share of the step's time limit
   */
  public CasProver(SymjaSession session, IExpr assumptions, Map<String, Domain> domains, double budgetSeconds) {
    this.session = session;
    this.assumptions = assumptions;
    this.deadline = System.nanoTime() + (long) (budgetSeconds * 1e9);
    this.signs = new SignReasoning(domains, this::eval);
    this.rewrites = new Rewrites(signs, this::eval);
    this.analytic = new AnalyticInequalities(signs, this::eval);
    this.hessianMaps = new HessianMapProof(this::eval, assumptions, this::conjunction, this::radicalsEliminatedGiven);
  }

  /**
   * For a claim the file states is false: the witness's counterexample confirmed in exact
   * arithmetic, or null when it cannot be.
   */
  public CasOutcome refuteAt(Claim claim, Map<String, Object> at) {
    // most of the budget, not all: when it fails, the proof attempt after it still gets the rest
    long until = System.nanoTime() + (long) (REFUTATION_SHARE * (deadline - System.nanoTime()));
    java.util.function.UnaryOperator<IExpr> within = e -> {
      double left = (until - System.nanoTime()) / 1e9;
      return left <= 0.05 ? S.$Aborted : session.evalWithin(e, left);
    };
    ExactCounterexample exact = new ExactCounterexample(assumptions, signs, within);
    if (claim instanceof Claim.HessianMap || claim instanceof Claim.IsotropicHessianMap) {
      return HessianMapProof.refuteAt(claim, at, within, exact);
    }
    String value = exact.refute(claim, at);
    return value == null ? null : new CasOutcome(Status.FALSE, ExactCounterexample.METHOD, CasOutcome.shorten(value) + " at " + at);
  }

  /** The share of the CAS budget the exact refutation may use (the d = 3 Hessian map needs 2-4 s). */
  private static final double REFUTATION_SHARE = 0.8;

  /** Whether some attempt was cut off by the CAS budget. */
  public boolean gaveUp() {
    return gaveUp;
  }

  /** Evaluates under the remaining budget; $Aborted (or the unevaluated input) when it runs out. */
  private IExpr eval(IExpr e) {
    return eval(e, Double.POSITIVE_INFINITY);
  }

  /** As {@link #eval(IExpr)}, within at most {@code seconds} of the budget. */
  private IExpr eval(IExpr e, double seconds) {
    double budgetLeft = (deadline - System.nanoTime()) / 1e9;
    double left = Math.min(seconds, budgetLeft);
    // only the whole budget running out counts as giving up, not a route's own limit
    if (left <= 0.05) {
      gaveUp |= budgetLeft <= 0.05;
      return S.$Aborted;
    }
    IExpr r = session.evalWithin(e, left);
    if (r == S.$Aborted) {
      gaveUp |= seconds >= budgetLeft;
    }
    return r;
  }

  public CasOutcome prove(Claim claim) {
    if (claim instanceof Claim.Relation r) {
      return r.op() == Claim.Op.EQUAL ? equality(r) : inequality(r);
    }
    if (claim instanceof Claim.LimitClaim l) {
      return limit(l);
    }
    if (claim instanceof Claim.SeriesClaim s) {
      return series(s);
    }
    if (claim instanceof Claim.HessianMap h) {
      return hessianMaps.prove(h);
    }
    if (claim instanceof Claim.IsotropicHessianMap h) {
      return hessianMaps.prove(h);
    }
    return conjunction((Claim.Conjunction) claim);
  }

  /**
   * lhs == rhs: the routes cheapest and most specific first, Simplify and its rewrites last. One
   * method of about 70 lines because the order is the design: read top to bottom, it is the ladder.
   */
  private CasOutcome equality(Claim.Relation r) {
    IExpr difference = eval(F.Subtract(r.lhs(), r.rhs()));
    if (difference.isList() && Rewrites.hasHalfPower(difference)) {
      CasOutcome entries = entryByEntry(difference);
      if (entries != null) {
        return entries;
      }
    }
    // a rational function, as written or once its radicals are normalised under the signs: exact
    // values on a grid decide it far faster than Together on a long sum
    IExpr normalised = Rewrites.hasHalfPower(difference) ? rewrites.radicals(difference) : difference;
    if (!difference.isList() && RationalIdentity.vanishes(difference)) {
      return new CasOutcome(Status.TRUE, RationalIdentity.METHOD, "0");
    }
    if (!difference.isList() && normalised != difference && RationalIdentity.vanishes(normalised)) {
      return new CasOutcome(Status.TRUE, "radical normalisation under the signs, then " + RationalIdentity.METHOD, "0");
    }
    if (radicalsEliminated(difference, normalised)) {
      return new CasOutcome(Status.TRUE, RadicalElimination.METHOD, "0");
    }
    Boolean rational = difference.isList() || Rewrites.hasHalfPower(difference) || !RadicalElimination.applies(difference)
        ? null : new RadicalElimination(this::eval).vanishesInPolynomials(difference);
    if (Boolean.TRUE.equals(rational)) {
      return new CasOutcome(Status.TRUE, RATIONAL_IDENTITY, "0");
    }
    // radicals first: once normalised under the signs, a rational combination of them often cancels
    // over a common denominator, well before Simplify would finish
    if (!difference.isList() && Rewrites.hasHalfPower(difference)
        && eval(F.Together(normalised)).isZero()) {
      return new CasOutcome(Status.TRUE, "radical normalisation under the signs (factors pulled out of Sqrt and powers), then Together", "0");
    }
    // cases before Simplify: Simplify can spend the whole budget on Min/UnitStep it cannot resolve
    if (rewrites.byCases(r.lhs(), r.rhs(), Claim.Op.EQUAL)) {
      return new CasOutcome(Status.TRUE, PIECEWISE, "0 in every case");
    }
    IExpr simplified = eval(F.Simplify(difference, assumptions));
    String method = "Simplify(lhs - rhs, assumptions)";
    if (!isZeroArray(simplified)) {
      // exponentials expose identities between hyperbolic/inverse functions that Simplify misses
      IExpr viaExp = eval(F.Simplify(F.unaryAST1(S.TrigToExp, simplified), assumptions));
      if (isZeroArray(viaExp)) {
        simplified = viaExp;
        method = "Simplify(TrigToExp(Simplify(lhs - rhs)), assumptions)";
      }
    }
    if (isZeroArray(simplified)) {
      return new CasOutcome(Status.TRUE, method, simplified.isList() ? "all entries 0" : "0");
    }
    if (simplified.isNumber() || isNonzeroNumbers(simplified)) {
      return new CasOutcome(Status.FALSE, method, simplified.toString());
    }
    if (simplified == S.$Aborted || simplified.isList()) {
      return new CasOutcome(Status.OPEN, method, simplified.toString());
    }
    for (Rewrites.Rewrite rewrite : rewrites.of(difference, simplified)) {
      IExpr rewritten = rewrite.apply();
      if (rewritten != null && eval(F.Simplify(rewritten, assumptions)).isZero()) {
        return new CasOutcome(Status.TRUE, rewrite.method(), "0");
      }
    }
    // a rational identity Simplify left and too large for the exact polynomials: its numerator by Together
    if (rational == null && !Rewrites.hasHalfPower(difference) && RadicalElimination.applies(difference)
        && new RadicalElimination(this::eval).vanishes(difference)) {
      return new CasOutcome(Status.TRUE, RATIONAL_IDENTITY, "0");
    }
    if (squaredBothSides(r)) {
      return new CasOutcome(Status.TRUE, "squared both sides (both known >= 0), then Simplify(lhs^2 - rhs^2)", "0");
    }
    Boolean sign = signs.decide(List.of(simplified), Claim.Op.EQUAL);
    if (sign != null) {
      return new CasOutcome(sign ? Status.TRUE : Status.FALSE, SignReasoning.METHOD, simplified.toString());
    }
    return new CasOutcome(Status.OPEN, method, simplified.toString());
  }

  /**
   * A vector or matrix identity with radicals, entry by entry: the radical routes work on one
   * scalar at a time, and Simplify on the whole array spends the budget on all entries at once.
   * True when every entry is proved 0, false when one is proved nonzero, otherwise null.
   */
  private CasOutcome entryByEntry(IExpr difference) {
    // distinct entries: those of a symmetric matrix (a Hessian) are proved once
    java.util.Set<IExpr> distinct = new java.util.LinkedHashSet<>(entries(difference));
    java.util.Set<String> methods = new java.util.LinkedHashSet<>();
    for (IExpr entry : distinct) {
      if (entry.isZero()) {
        continue;
      }
      CasOutcome outcome = equality(new Claim.Relation(entry, Claim.Op.EQUAL, F.C0));
      if (outcome.status() == Status.FALSE) {
        return new CasOutcome(Status.FALSE, "entry by entry: " + outcome.method(), outcome.result());
      }
      if (outcome.status() != Status.TRUE) {
        return null;
      }
      methods.add(outcome.method());
    }
    return new CasOutcome(Status.TRUE, "entry by entry: " + String.join("; ", methods), "all entries 0");
  }

  private static void collectEntries(IExpr e, List<IExpr> into) {
    if (e.isList()) {
      for (IExpr x : (org.matheclipse.core.interfaces.IAST) e) {
        collectEntries(x, into);
      }
    } else {
      into.add(e);
    }
  }

  /**
   * {@link RadicalElimination} on lhs - rhs and on it with its radicals normalised under the signs
   * (a perfect square pulled out of a root is a relation the elimination alone cannot use), the form
   * with fewer radicals first, each within {@value #ELIMINATION_SECONDS} s: it comes before
   * Simplify, which nested radicals keep busy.
   */
  private boolean radicalsEliminated(IExpr difference) {
    return Rewrites.hasHalfPower(difference) && radicalsEliminated(difference, rewrites.radicals(difference));
  }

  /** As {@link #radicalsEliminated(IExpr)}, with {@code positive > 0} known besides the assumptions. */
  private boolean radicalsEliminatedGiven(IExpr difference, IExpr positive) {
    return Rewrites.hasHalfPower(difference) && radicalsEliminated(difference, rewrites.radicals(difference, positive));
  }

  /** As {@link #radicalsEliminated(IExpr)}, with the radical normalisation already computed. */
  private boolean radicalsEliminated(IExpr difference, IExpr normalised) {
    if (!Rewrites.hasHalfPower(difference) || !RadicalElimination.applies(difference)) {
      return false;
    }
    List<IExpr> forms = new ArrayList<>(List.of(normalised, difference));
    forms.sort(java.util.Comparator.comparingInt(RadicalElimination::radicals));
    for (IExpr form : normalised.equals(difference) ? List.of(difference) : forms) {
      long until = System.nanoTime() + (long) (ELIMINATION_SECONDS * 1e9);
      if (new RadicalElimination(e -> eval(e, (until - System.nanoTime()) / 1e9)).vanishes(form)) {
        return true;
      }
    }
    return false;
  }

  private static final double ELIMINATION_SECONDS = 3;

  private static final String RATIONAL_IDENTITY = "the numerator of lhs - rhs over a common denominator is 0 (a"
      + " rational-function identity)";

  /**
   * lhs == rhs from lhs^2 == rhs^2 when both sides are known &gt;= 0 (x -> x^2 is one-to-one there);
   * the squares' difference is simplified after radical normalisation.
   */
  private boolean squaredBothSides(Claim.Relation r) {
    if (!r.lhs().isFree(S.List) || !signs.nonnegative(eval(r.lhs())) || !signs.nonnegative(eval(r.rhs()))) {
      return false;
    }
    IExpr squares = eval(F.Subtract(F.Sqr(r.lhs()), F.Sqr(r.rhs())));
    IExpr simplified = eval(F.Simplify(squares, assumptions));
    return simplified.isZero() || eval(F.Simplify(rewrites.radicals(simplified), assumptions)).isZero();
  }

  /** A vector/matrix of numbers, not all 0: the identity fails everywhere. */
  private static boolean isNonzeroNumbers(IExpr e) {
    return e.isList() && entries(e).stream().allMatch(IExpr::isNumber) && !isZeroArray(e);
  }

  /** 0, or a vector/matrix whose entries are all 0. */
  private static boolean isZeroArray(IExpr e) {
    return entries(e).stream().allMatch(IExpr::isZero);
  }

  /** A vector's or matrix's entries in order (nested lists flattened); a scalar is its own entry. */
  private static List<IExpr> entries(IExpr e) {
    List<IExpr> into = new ArrayList<>();
    collectEntries(e, into);
    return into;
  }

  /**
   * Sign reasoning on lhs - rhs first (instant when it decides), then Simplify of the relation,
   * then sign reasoning on Simplify's residual relation and on lhs - rhs over a common denominator
   * and factored.
   */
  private CasOutcome inequality(Claim.Relation r) {
    IExpr difference = eval(F.Subtract(r.lhs(), r.rhs()));
    Boolean sign = signs.decide(List.of(difference), r.op());
    if (sign != null) {
      return new CasOutcome(sign ? Status.TRUE : Status.FALSE, SignReasoning.METHOD, "lhs - rhs = " + difference);
    }
    if (rewrites.byCases(r.lhs(), r.rhs(), r.op())) {
      return new CasOutcome(Status.TRUE, PIECEWISE, "holds in every case");
    }
    IExpr relation = F.binaryAST2(F.symbol(r.op().head()), r.lhs(), r.rhs());
    IExpr simplified = eval(F.Simplify(relation, assumptions));
    CasOutcome direct = truthOf(simplified, "Simplify(relation, assumptions)");
    if (direct.status() != Status.OPEN) {
      return direct;
    }
    Claim.Op residualOp = simplified.isAST() && simplified.argSize() == 2 ? Claim.Op.ofHead(simplified.head().toString()) : null;
    if (residualOp != null) {
      IExpr residual = eval(F.Subtract(simplified.first(), simplified.second()));
      Boolean viaSimplify = signs.decide(List.of(residual), residualOp);
      if (viaSimplify != null) {
        return new CasOutcome(viaSimplify ? Status.TRUE : Status.FALSE, "Simplify(relation, assumptions), then "
            + SignReasoning.METHOD, simplified.toString());
      }
    }
    IExpr together = eval(F.Together(difference));
    Boolean viaForms = signs.decide(List.of(together, eval(F.Factor(together))), r.op());
    if (viaForms != null) {
      return new CasOutcome(viaForms ? Status.TRUE : Status.FALSE, "Together/Factor(lhs - rhs), then "
          + SignReasoning.METHOD, "lhs - rhs = " + together);
    }
    String method = analytic.proves(r.lhs(), r.op(), r.rhs());
    if (method != null) {
      return new CasOutcome(Status.TRUE, method, "lhs - rhs = " + together);
    }
    String refutation = analytic.refutes(r.lhs(), r.op(), r.rhs());
    return refutation == null ? direct : new CasOutcome(Status.FALSE, refutation, "lhs - rhs = " + together);
  }

  /**
   * Every route of {@link LimitRoutes} until one agrees with the claimed value. Routes that
   * contradict each other prove nothing either way: the outcome is open and lists what each said.
   */
  private CasOutcome limit(Claim.LimitClaim l) {
    List<String> said = new ArrayList<>();
    List<Status> verdicts = new ArrayList<>();
    List<LimitRoutes.Route> routes = new LimitRoutes(assumptions, signs, this::eval).all(l.limitExpr(), l.function(),
        l.variable(), l.point(), sofar -> {
          LimitRoutes.Route last = sofar.get(sofar.size() - 1);
          Status v = compare(last.value(), l.value());
          verdicts.add(v);
          said.add(last.name() + ": " + (last.value() == null ? "no value" : last.value() + " (" + v.words + ")"));
          return v == Status.TRUE;
        });
    String result = String.join("; ", said);
    boolean someTrue = verdicts.contains(Status.TRUE);
    boolean someFalse = verdicts.contains(Status.FALSE);
    if (someTrue && !someFalse) {
      return new CasOutcome(Status.TRUE, routes.get(routes.size() - 1).name(), result);
    }
    if (someTrue) {
      return new CasOutcome(Status.OPEN, "limit routes disagree: none counts", result);
    }
    return new CasOutcome(someFalse ? Status.FALSE : Status.OPEN, "limit routes, compared with the claimed value", result);
  }

  /** Whether a computed limit equals the claimed value (TRUE), differs (FALSE), or is undecided. */
  private Status compare(IExpr computed, IExpr claimed) {
    if (computed == null) {
      return Status.OPEN;
    }
    IExpr d = eval(F.Simplify(F.Subtract(computed, claimed), assumptions));
    if (d.isZero()) {
      return Status.TRUE;
    }
    if (d.isNumber() || computed.isNumber() || computed.isInfinity() || computed.isNegativeInfinity()) {
      return Status.FALSE;
    }
    return Status.OPEN;
  }

  private CasOutcome series(Claim.SeriesClaim s) {
    IExpr remainder = F.Subtract(s.function(), s.polynomial());
    IExpr expansion = F.unaryAST1(S.Normal,
        F.Series(remainder, F.List(s.variable(), s.point(), F.ZZ(s.order() - 1))));
    IExpr simplified = eval(F.Simplify(expansion, assumptions));
    String method = "Normal(Series(f - p, {x, x0, n-1})) simplifies to 0";
    if (simplified.isZero()) {
      return new CasOutcome(Status.TRUE, method, "0");
    }
    if (simplified.isFree(S.Series) && simplified.isFree(S.SeriesData)) {
      return new CasOutcome(Status.FALSE, method, "low-order terms of f - p: " + simplified);
    }
    return new CasOutcome(Status.OPEN, method, simplified.toString());
  }

  private CasOutcome conjunction(Claim.Conjunction c) {
    List<String> results = new ArrayList<>();
    List<String> methods = new ArrayList<>();
    Status status = Status.TRUE;
    for (Claim part : c.parts()) {
      CasOutcome o = prove(part);
      String label = part instanceof Claim.Relation r && !r.label().isEmpty() ? r.label() + ": " : "";
      results.add(label + o.result());
      if (o.status() == Status.TRUE && !methods.contains(o.method())) {
        methods.add(o.method()); // the methods that closed parts, each named once
      }
      if (o.status() == Status.FALSE) {
        status = Status.FALSE;
      } else if (o.status() == Status.OPEN && status == Status.TRUE) {
        status = Status.OPEN;
      }
    }
    return new CasOutcome(status, "each part separately (" + String.join("; ", methods) + ")", String.join("; ", results));
  }

  private static CasOutcome truthOf(IExpr e, String method) {
    if (e.isTrue()) {
      return new CasOutcome(Status.TRUE, method, "True");
    }
    if (e.isFalse()) {
      return new CasOutcome(Status.FALSE, method, "False");
    }
    return new CasOutcome(Status.OPEN, method, e.toString());
  }
}
