package ibcheck.symbolic.prove;

import java.util.function.UnaryOperator;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;

/**
 * Settles the limits Symja leaves standing inside its answer, {@code Limit(E^g, t -> Infinity)} with
 * g a polynomial in t of degree &gt;= 1: g tends to -Infinity when its leading coefficient is
 * negative under the assumptions ({@link Bounds}), so E^g tends to 0; to +Infinity when positive,
 * so E^g tends to Infinity. Any other inner limit is left alone.
 */
final class ExponentialLimits {
  private final SignReasoning signs;
  private final UnaryOperator<IExpr> eval;

  ExponentialLimits(SignReasoning signs, UnaryOperator<IExpr> eval) {
    this.signs = signs;
    this.eval = eval;
  }

  IExpr settle(IExpr e) {
    return e.replaceAll(x -> x.isAST(S.Limit) ? settleOne((IAST) x) : F.NIL).orElse(e);
  }

  private IExpr settleOne(IAST limit) {
    IExpr f = limit.arg1();
    if (limit.argSize() < 2 || !limit.arg2().isRuleAST() || !limit.arg2().second().isInfinity()
        || !f.isPower() || f.base() != S.E) {
      return F.NIL;
    }
    IExpr t = limit.arg2().first();
    IExpr g = eval.apply(F.Expand(f.exponent()));
    if (!eval.apply(F.PolynomialQ(g, t)).isTrue()) {
      return F.NIL;
    }
    IExpr degree = eval.apply(F.Exponent(g, t));
    if (!degree.isInteger() || degree.isZero() || degree.isNegative()) {
      return F.NIL;
    }
    Interval lead = signs.bounds(eval.apply(F.Coefficient(g, t, degree)));
    if (lead.negative()) {
      return F.C0;
    }
    return lead.positive() ? F.CInfinity : F.NIL;
  }
}
