package ibcheck.symbolic.prove;

import java.util.Set;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;

/**
 * Whether an expression is differentiable at every point of the symbols' ranges (as a
 * {@link SignReasoning} encloses them): built from numbers and symbols by sums, products,
 * non-negative integer powers and functions differentiable on all of the reals (Exp, Sin, Cos,
 * Sinh, Cosh, Tanh, Sech, ArcTan, ArcSinh); a negative power only of a base whose enclosure excludes
 * 0, a non-integer or symbolic power and a Log only of an argument whose enclosure is positive.
 * Every subexpression is checked, so an enclosure used here never rests on "where defined".
 * Anything else (Abs, Max, piecewise, unknown functions) is not accepted: the check only ever
 * loses cases.
 */
final class Smoothness {
  private static final Set<IExpr> EVERYWHERE = Set.of(S.Exp, S.Sin, S.Cos, S.Sinh, S.Cosh, S.Tanh, S.Sech,
      S.ArcTan, S.ArcSinh);

  private Smoothness() {}

  static boolean differentiable(IExpr e, SignReasoning signs) {
    if (e.isNumber() || e.isSymbol()) {
      // an evaluation cut off by the budget proves nothing
      return e.isReal() || e.isSymbol() && e != S.$Aborted;
    }
    if (!(e instanceof IAST a)) {
      return false;
    }
    if (e.isPlus() || e.isTimes()) {
      for (int i = 1; i <= a.argSize(); i++) {
        if (!differentiable(a.get(i), signs)) {
          return false;
        }
      }
      return true;
    }
    if (e.isPower()) {
      IExpr base = a.arg1();
      IExpr exponent = a.arg2();
      if (!differentiable(base, signs) || !differentiable(exponent, signs)) {
        return false;
      }
      if (base == S.E || exponent.isInteger() && !exponent.isNegative()) {
        return true;
      }
      Interval b = signs.bounds(base);
      return exponent.isInteger() ? b.positive() || b.negative() : b.positive();
    }
    if (a.argSize() != 1 || !differentiable(a.arg1(), signs)) {
      return false;
    }
    return EVERYWHERE.contains(a.head()) || a.head() == S.Log && signs.bounds(a.arg1()).positive();
  }
}
