package ibcheck.symbolic.prove;

import ibcheck.symbolic.claim.Claim;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;

/**
 * Proves {@code d op 0} in a case cell from one of the cell's facts {@code f in side}: d's numerator
 * N over a common denominator (whose sign is known) is written as {@code N = c f + r} with the
 * number c chosen to cancel one monomial of f, r = Expand(N - c f) exactly. Then N lies in
 * {@code c side + enclosure(r)} at every point of the cell, an identity plus interval arithmetic,
 * so when that sum satisfies the relation (with the denominator's sign) so does d. Example: in the
 * cell z b - r w &lt;= 0, {@code 4 z b - (r + w)^2 = 4 (z b - r w) - (r - w)^2 &lt;= 0}.
 */
final class FactMultiples {
  private final UnaryOperator<IExpr> eval;

  FactMultiples(UnaryOperator<IExpr> eval) {
    this.eval = eval;
  }

  /** Whether g lies in side (a sign cone: g &gt;= 0, g &gt; 0, g &lt;= 0 or g &lt; 0) at every point of the cell. */
  boolean within(IExpr g, Interval side, CaseCell cell) {
    Claim.Op op = side.equals(PiecewiseTerm.AT_LEAST_0) ? Claim.Op.GREATER_EQUAL : side.equals(Interval.POSITIVE)
        ? Claim.Op.GREATER : side.equals(PiecewiseTerm.AT_MOST_0) ? Claim.Op.LESS_EQUAL
        : side.equals(Interval.NEGATIVE) ? Claim.Op.LESS : null;
    return op != null && proves(g, op, cell);
  }

  /** Whether d op 0 at every point of the cell, by d's numerator as a multiple of one fact plus a rest of known sign. */
  boolean proves(IExpr d, Claim.Op op, CaseCell cell) {
    if (cell.facts().isEmpty() || op == Claim.Op.EQUAL || op == Claim.Op.UNEQUAL) {
      return false;
    }
    SignReasoning signs = cell.signs();
    IExpr together = eval.apply(F.Together(d));
    Interval denominator = signs.bounds(eval.apply(F.Denominator(together)));
    if (!denominator.nonnegative() && !denominator.nonpositive()) {
      return false;
    }
    // where d is defined its denominator D is not 0: d = N/D has the sign of N (D > 0) or of -N (D < 0)
    IExpr n = eval.apply(F.Numerator(together));
    IExpr numerator = eval.apply(F.Expand(denominator.nonnegative() ? n : F.Negate(n)));
    Map<String, IExpr> terms = monomials(numerator);
    for (CaseCell.Fact fact : cell.facts()) {
      IExpr f = eval.apply(F.Expand(fact.e()));
      for (Map.Entry<String, IExpr> term : monomials(f).entrySet()) {
        IExpr inN = terms.get(term.getKey());
        if (term.getKey().isEmpty() || inN == null) {
          continue;
        }
        IExpr c = eval.apply(F.Divide(inN, term.getValue()));
        if (!c.isReal()) {
          continue;
        }
        IExpr rest = eval.apply(F.Expand(F.Subtract(numerator, F.Times(c, f))));
        Interval multiple = fact.side().times(Interval.point(c.evalf(), c.isInteger() && Math.abs(c.evalf()) < 1e15));
        for (IExpr form : List.of(rest, eval.apply(F.Factor(rest)))) {
          if (SignReasoning.decide(multiple.plus(signs.bounds(form)), op) == Boolean.TRUE) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** The terms of an expanded polynomial by monomial (its text; "" for the constant) with their numeric coefficients. */
  private static Map<String, IExpr> monomials(IExpr expanded) {
    Map<String, IExpr> out = new HashMap<>();
    for (IExpr term : expanded.isPlus() ? ((IAST) expanded).copyFrom(1) : F.List(expanded)) {
      if (term.isNumber()) {
        out.put("", term);
      } else if (term.isTimes() && term.first().isNumber()) {
        IAST t = (IAST) term;
        out.put((t.argSize() == 2 ? t.arg2() : t.rest()).toString(), t.arg1());
      } else {
        out.put(term.toString(), F.C1);
      }
    }
    return out;
  }
}
