package ibcheck.symbolic.prove;

import ibcheck.symbolic.claim.Claim;
import java.util.List;
import java.util.function.UnaryOperator;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;

/**
 * Proves {@code g >= 0} (or {@code g > 0}) by monotonicity in one symbol x whose range under the
 * assumptions is an interval [a, b] containing its left end a (b may be infinite): if g is
 * differentiable on [a, b] ({@link Smoothness}), g(a) &gt;= 0 (&gt; 0) and g' &gt;= 0 on [a, b],
 * then g(x) = g(a) + (g(x) - g(a)) &gt;= g(a) by the mean value theorem. The sign of g' comes from
 * {@link SignReasoning} with x narrowed to [a, b], or recursively by the same argument (g'(a) &gt;= 0
 * and g'' &gt;= 0, up to {@value #MAX_DEPTH} derivatives). The other symbols keep their whole ranges,
 * so every conclusion holds for each of their admissible values. A symbol ranging over all reals is
 * reduced to x &gt;= 0 when g is even in it (g(-x) - g(x) simplifies to 0), since then g's values for
 * x &lt;= 0 are its values for x &gt;= 0.
 */
final class Monotonicity {
  static final String METHOD = "monotonicity in one symbol: lhs - rhs at the left end of its range, and the sign of"
      + " its derivatives there (mean value theorem)";
  private static final int MAX_DEPTH = 3;
  private final UnaryOperator<IExpr> eval;

  Monotonicity(UnaryOperator<IExpr> eval) {
    this.eval = eval;
  }

  /** Whether g &gt; 0 ({@code strict}) or g &gt;= 0 at every admissible point, by monotonicity in some symbol. */
  boolean proves(IExpr g, boolean strict, SignReasoning signs) {
    for (IExpr x : AnalyticInequalities.symbolsToVary(g, signs, eval)) {
      Interval range = signs.bounds(x);
      SignReasoning on = null;
      IExpr start = null;
      if (Double.isFinite(range.lo()) && range.lo() == Math.rint(range.lo()) && !(range.lo() == 0 && range.nonzero())) {
        // the left end is attained (a symbol declared non-negative, a positive integer): start there
        start = F.ZZ((long) range.lo());
        on = signs;
      } else if (range.lo() == Double.NEGATIVE_INFINITY && range.hi() == Double.POSITIVE_INFINITY && even(g, x)) {
        start = F.C0;
        on = signs.narrowed(x, Interval.NONNEGATIVE);
      }
      if (on != null && nondecreasingFrom(g, strict, x, start, on, 0)) {
        return true;
      }
    }
    return false;
  }

  private boolean even(IExpr g, IExpr x) {
    return eval.apply(F.Simplify(F.Subtract(F.subst(g, x, F.Negate(x)), g))).isZero();
  }

  /** g(a) op 0 and g' &gt;= 0 on the range, g differentiable there. */
  private boolean nondecreasingFrom(IExpr g, boolean strict, IExpr x, IExpr a, SignReasoning on, int depth) {
    if (!Smoothness.differentiable(g, on)) {
      return false;
    }
    IExpr atStart = eval.apply(F.subst(g, x, a));
    Claim.Op op = strict ? Claim.Op.GREATER : Claim.Op.GREATER_EQUAL;
    if (on.decide(List.of(atStart, eval.apply(F.Together(atStart))), op) != Boolean.TRUE) {
      return false;
    }
    IExpr slope = eval.apply(F.D(g, x));
    IExpr together = eval.apply(F.Together(slope));
    if (on.decide(List.of(slope, together, eval.apply(F.Factor(together))), Claim.Op.GREATER_EQUAL) == Boolean.TRUE) {
      return true;
    }
    return depth + 1 < MAX_DEPTH && nondecreasingFrom(slope, false, x, a, on, depth + 1);
  }
}
