package ibcheck.symbolic;

import ibcheck.symbolic.CasOutcome.Status;
import ibcheck.symbolic.claim.Claim;
import ibcheck.symbolic.prove.ExactCounterexample;
import ibcheck.symbolic.prove.RadicalElimination;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;

/**
 * The CAS's routes for Hessian-map claims ({@link HessianMaps}): in a stated dimension, on M for a
 * field {@code Inverse(M)} of radicals or relation by relation; in every dimension, by the reduction
 * to one variable. The {@link CasProver} lends its budgeted evaluation and its equality routes.
 */
final class HessianMapProof {
  private final UnaryOperator<IExpr> eval;
  private final IExpr assumptions;
  private final Function<Claim.Conjunction, CasOutcome> eachRelation;
  private final BiPredicate<IExpr, IExpr> radicalsEliminated;

  /**
   * @param eval evaluates within the CAS budget
   * @param eachRelation proves each relation of a conjunction by the equality routes
   * @param radicalsEliminated the radical-elimination route on a difference, given a symbol (the
   *     radius) known &gt; 0 besides the assumptions
   */
  HessianMapProof(UnaryOperator<IExpr> eval, IExpr assumptions, Function<Claim.Conjunction, CasOutcome> eachRelation,
      BiPredicate<IExpr, IExpr> radicalsEliminated) {
    this.eval = eval;
    this.assumptions = assumptions;
    this.eachRelation = eachRelation;
    this.radicalsEliminated = radicalsEliminated;
  }

  /**
   * {@code HessianMapQ(H, {w1, ..., wd})}: for {@code H = Inverse(M)} with radicals, on M
   * ({@link #FROZEN_HESSIAN_MAP}); otherwise each relation of the expanded condition by the
   * equality routes.
   */
  CasOutcome prove(Claim.HessianMap h) {
    if (frozenHessianMap(h)) {
      return new CasOutcome(Status.TRUE, FROZEN_HESSIAN_MAP, "every difference 0");
    }
    Claim.Conjunction expanded;
    try {
      expanded = HessianMaps.expand(h, eval, true);
    } catch (InvalidExpressionException e) {
      return new CasOutcome(Status.OPEN, "expand dH_ij/dw_k - dH_ik/dw_j symbolically", e.getMessage());
    }
    CasOutcome o = eachRelation.apply(expanded);
    return new CasOutcome(o.status(), "dH_ij/dw_k == dH_ik/dw_j for every (i, j, k), and H_ij == H_ji, "
        + o.method().replace("each part separately", "each by the equality routes"),
        o.result());
  }

  static final String FROZEN_HESSIAN_MAP = "for H = Inverse(M): M == M^T and ((dM/dw_k) H)_lj == ((dM/dw_j) H)_lk for"
      + " every (l, j, k) (equivalent, as dH/dw_k = -H (dM/dw_k) H), with M's radicals as symbols t (t^n = p,"
      + " dt/dw = p'/(n t^(n-1))): each difference's numerator reduced by PolynomialRemainder(N, t^n - p, t) to 0";

  /**
   * The Hessian-map condition of {@code Inverse(M)} proved on the frozen form
   * ({@link HessianMaps#frozenCondition}); false when the field is not of that form or a difference
   * does not reduce to 0 (the relation-by-relation routes then run).
   */
  private boolean frozenHessianMap(Claim.HessianMap h) {
    HessianMaps.FrozenCondition c = HessianMaps.frozenCondition(h, eval);
    if (c == null) {
      return false;
    }
    RadicalElimination elimination = new RadicalElimination(eval);
    return c.differences().stream()
        .allMatch(difference -> elimination.vanishes(new RadicalElimination.Frozen(difference, c.relations())));
  }

  /**
   * The every-dimension form, reduced to one variable ({@link HessianMaps#reduce}) and simplified
   * under the assumptions and r &gt; 0. A difference that simplifies to a nonzero rational function
   * of r alone is not identically zero: the claim is false.
   */
  CasOutcome prove(Claim.IsotropicHessianMap h) {
    String method = "reduced to d = 2 at b = (r, 0): Simplify(D(H_22, r) - (H_11 - H_22)/r, r > 0)";
    Claim.Relation reduced;
    try {
      reduced = HessianMaps.reduce(h, eval);
    } catch (InvalidExpressionException e) {
      return new CasOutcome(Status.OPEN, method, e.getMessage());
    }
    IExpr r = F.symbol(HessianMaps.RADIUS);
    if (radicalsEliminated.test(eval.apply(F.Subtract(reduced.lhs(), reduced.rhs())), r)) {
      return new CasOutcome(Status.TRUE, "reduced to d = 2 at b = (r, 0), phi'(r) - r psi(r) with its radicals normalised"
          + " under the signs and r > 0: " + RadicalElimination.METHOD, "0");
    }
    IExpr under = F.And(assumptions, F.Greater(r, F.C0));
    IExpr simplified = eval.apply(F.Simplify(F.Subtract(reduced.lhs(), reduced.rhs()), under));
    if (simplified.isZero()) {
      return new CasOutcome(Status.TRUE, method, "phi'(r) - r psi(r) = 0");
    }
    String shown = "phi'(r) - r psi(r) = " + simplified.toString().replace(HessianMaps.RADIUS, "r") + " (r = ||"
        + h.vector() + "||)";
    if (simplified.isNumber() || nonzeroRationalIn(simplified, r)) {
      return new CasOutcome(Status.FALSE, method, shown);
    }
    return new CasOutcome(Status.OPEN, method, shown);
  }

  /** A rational function of r alone (numeric coefficients) that is not zero. */
  private boolean nonzeroRationalIn(IExpr e, IExpr r) {
    IExpr together = eval.apply(F.Together(e));
    IExpr num = eval.apply(F.Numerator(together));
    IExpr den = eval.apply(F.Denominator(together));
    return !num.isZero() && eval.apply(F.PolynomialQ(num, r)).isTrue() && eval.apply(F.PolynomialQ(den, r)).isTrue()
        && eval.apply(F.Variables(together)).equals(F.List(r));
  }

  /**
   * For a Hessian-map claim the file states is false: the witness's counterexample confirmed exactly,
   * or null. A field is not a Hessian map when one relation fails at the point; in every dimension,
   * when it fails in the witness's dimension (the number of components the point gives b). For an
   * {@code Inverse(M)} of radicals the condition on M is taken at the point (no derivative of an
   * inverse), else the relations of H on the lines through the point.
   */
  static CasOutcome refuteAt(Claim claim, Map<String, Object> at, UnaryOperator<IExpr> within, ExactCounterexample exact) {
    try {
      Claim.HessianMap h;
      if (claim instanceof Claim.IsotropicHessianMap iso) {
        List<String> components = at.keySet().stream().filter(k -> k.matches("(?i)\\Q" + iso.vector() + "\\E\\$\\d+")).toList();
        h = HessianMaps.inDimension(iso, components.size(),
            components.isEmpty() ? "" : components.get(0).substring(0, components.get(0).indexOf('$')));
      } else {
        h = (Claim.HessianMap) claim;
      }
      Map<String, IExpr> point = ExactCounterexample.exactPoint(at);
      if (point == null) {
        return null;
      }
      HessianMaps.FrozenCondition onM = HessianMaps.frozenCondition(h, within);
      String value = onM == null ? null : exact.refuteAsWritten(onM.at(point), at);
      if (value != null) {
        return new CasOutcome(Status.FALSE, COUNTEREXAMPLE_ON_M, CasOutcome.shorten(value) + " at " + at);
      }
      value = exact.refute(HessianMaps.expandAt(h, point, within), at);
      return value == null ? null : new CasOutcome(Status.FALSE, ExactCounterexample.METHOD, CasOutcome.shorten(value) + " at " + at);
    } catch (InvalidExpressionException | IllegalArgumentException e) {
      return null;
    }
  }

  private static final String COUNTEREXAMPLE_ON_M = "exact counterexample on M (H = Inverse(M), dH/dw_k = -H (dM/dw_k) H):"
      + " the witness's rational point substituted into the condition on M, its exact value enclosed by interval arithmetic";
}
