package ibcheck.symbolic;

import ibcheck.symbolic.CasOutcome.Status;
import java.util.ArrayList;
import java.util.List;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IExpr;

/**
 * Asks Symja to close a claim under the theorem's assumptions. Its answer is only ever one half of a
 * verdict: {@link StepChecker} confronts it with the {@link NumericWitness}.
 */
public final class CasProver {
  private final SymjaSession session;
  private final IExpr assumptions;
  private final long deadline;
  private boolean gaveUp;

  /**
   * @param budgetSeconds how long the CAS may try in total; past it every attempt is "open", so the
   *     numeric witness always gets its share of the step's time limit
   */
  public CasProver(SymjaSession session, IExpr assumptions, double budgetSeconds) {
    this.session = session;
    this.assumptions = assumptions;
    this.deadline = System.nanoTime() + (long) (budgetSeconds * 1e9);
  }

  /** Whether some attempt was cut off by the CAS budget. */
  public boolean gaveUp() {
    return gaveUp;
  }

  /** Evaluates under the remaining budget; $Aborted (or the unevaluated input) when it runs out. */
  private IExpr eval(IExpr e) {
    double left = (deadline - System.nanoTime()) / 1e9;
    if (left <= 0.05) {
      gaveUp = true;
      return S.$Aborted;
    }
    IExpr r = session.evalWithin(e, left);
    if (r == S.$Aborted) {
      gaveUp = true;
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
      return hessianMap(h);
    }
    if (claim instanceof Claim.IsotropicHessianMap h) {
      return isotropicHessianMap(h);
    }
    return conjunction((Claim.Conjunction) claim);
  }

  private CasOutcome equality(Claim.Relation r) {
    IExpr difference = F.Subtract(r.lhs(), r.rhs());
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
    if (simplified.isNumber()) {
      return new CasOutcome(Status.FALSE, method, simplified.toString());
    }
    return new CasOutcome(Status.OPEN, method, simplified.toString());
  }

  /** 0, or a vector/matrix whose entries are all 0. */
  private static boolean isZeroArray(IExpr e) {
    if (e.isList()) {
      for (IExpr x : (org.matheclipse.core.interfaces.IAST) e) {
        if (!isZeroArray(x)) {
          return false;
        }
      }
      return true;
    }
    return e.isZero();
  }

  private CasOutcome inequality(Claim.Relation r) {
    IExpr relation = F.binaryAST2(F.symbol(r.op().head), r.lhs(), r.rhs());
    IExpr simplified = eval(F.Simplify(relation, assumptions));
    return truthOf(simplified, "Simplify(relation, assumptions)");
  }

  private CasOutcome limit(Claim.LimitClaim l) {
    IExpr computed = eval(l.limitExpr());
    String method = "Limit(...), compared with the claimed value";
    if (!computed.isFree(S.Limit)) {
      return new CasOutcome(Status.OPEN, method, computed.toString());
    }
    IExpr d = eval(F.Simplify(F.Subtract(computed, l.value()), assumptions));
    if (d.isZero()) {
      return new CasOutcome(Status.TRUE, method, "limit = " + computed);
    }
    if (d.isNumber() || computed.isNumber() || computed.isInfinity() || computed.isNegativeInfinity()) {
      return new CasOutcome(Status.FALSE, method, "Symja computes the limit as " + computed);
    }
    return new CasOutcome(Status.OPEN, method, "limit = " + computed);
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

  private CasOutcome hessianMap(Claim.HessianMap h) {
    Claim.Conjunction expanded;
    try {
      expanded = HessianMaps.expand(h, this::eval);
    } catch (InvalidExpressionException e) {
      return new CasOutcome(Status.OPEN, "expand dH_ij/dw_k - dH_ik/dw_j symbolically", e.getMessage());
    }
    CasOutcome o = conjunction(expanded);
    return new CasOutcome(o.status(), "Simplify(dH_ij/dw_k - dH_ik/dw_j) for every (i, j, k), and H_ij - H_ji",
        o.result());
  }

  /**
   * The every-dimension form, reduced to one variable ({@link HessianMaps#reduce}) and simplified
   * under the assumptions and r &gt; 0. A difference that simplifies to a nonzero rational function
   * of r alone is not identically zero: the claim is false.
   */
  private CasOutcome isotropicHessianMap(Claim.IsotropicHessianMap h) {
    String method = "reduced to d = 2 at b = (r, 0): Simplify(D(H_22, r) - (H_11 - H_22)/r, r > 0)";
    Claim.Relation reduced;
    try {
      reduced = HessianMaps.reduce(h, this::eval);
    } catch (InvalidExpressionException e) {
      return new CasOutcome(Status.OPEN, method, e.getMessage());
    }
    IExpr r = F.symbol(HessianMaps.RADIUS);
    IExpr under = F.And(assumptions, F.Greater(r, F.C0));
    IExpr simplified = eval(F.Simplify(F.Subtract(reduced.lhs(), reduced.rhs()), under));
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
    IExpr together = eval(F.Together(e));
    IExpr num = eval(F.Numerator(together));
    IExpr den = eval(F.Denominator(together));
    return !num.isZero() && eval(F.PolynomialQ(num, r)).isTrue() && eval(F.PolynomialQ(den, r)).isTrue()
        && eval(F.Variables(together)).equals(F.List(r));
  }

  private CasOutcome conjunction(Claim.Conjunction c) {
    List<String> results = new ArrayList<>();
    Status status = Status.TRUE;
    for (Claim part : c.parts()) {
      CasOutcome o = prove(part);
      String label = part instanceof Claim.Relation r && !r.label().isEmpty() ? r.label() + ": " : "";
      results.add(label + o.result());
      if (o.status() == Status.FALSE) {
        status = Status.FALSE;
      } else if (o.status() == Status.OPEN && status == Status.TRUE) {
        status = Status.OPEN;
      }
    }
    return new CasOutcome(status, "each part separately", String.join("; ", results));
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
