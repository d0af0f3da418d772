package ibcheck.symbolic.prove;

import ibcheck.symbolic.claim.Claim;
import java.util.List;
import java.util.function.UnaryOperator;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;

/**
 * Proves {@code g >= 0} (or {@code g > 0}) from convexity in one symbol x: if g is twice
 * differentiable on x's range I (an interval, {@link Smoothness}), g'' &gt;= 0 on I
 * ({@link SignReasoning}), and some p in I has g'(p) = 0, then g' is nondecreasing, so g' &lt;= 0
 * left of p and &gt;= 0 right of it, and g(x) &gt;= g(p) for every x in I; so g(p) &gt;= 0 (&gt; 0)
 * proves the claim. p comes from {@code Solve(g' == 0, x)} but is not trusted: g'(p) must simplify
 * to 0 and p's enclosure must lie in I for every admissible value of the other symbols.
 *
 * <p>The same stationary point refutes the claim when g(p) &lt; 0 (&lt;= 0 for the strict claim) for
 * every admissible value of the other symbols and p lies strictly inside I (a bound declared strict
 * is closed in the enclosures): the claim then fails at x = p, an admissible point.
 */
final class ConvexMinimum {
  static final String METHOD = "convexity in one symbol: g'' >= 0 by sign reasoning, a stationary point p inside the"
      + " range (Solve, checked), and g(p) >= 0";
  private final UnaryOperator<IExpr> eval;

  ConvexMinimum(UnaryOperator<IExpr> eval) {
    this.eval = eval;
  }

  static final String REFUTED = "convexity in one symbol: a stationary point p strictly inside the range (Solve, checked)"
      + " where g(p) < 0, an admissible point where the claim fails";

  boolean proves(IExpr g, boolean strict, SignReasoning signs) {
    return Boolean.TRUE.equals(decide(g, strict, signs));
  }

  /** TRUE when g &gt;= 0 (&gt; 0) is proved, FALSE when it fails at a stationary point, null when neither. */
  Boolean decide(IExpr g, boolean strict, SignReasoning signs) {
    Boolean found = null;
    for (IExpr x : AnalyticInequalities.symbolsToVary(g, signs, eval)) {
      Boolean in = decideIn(g, strict, x, signs);
      if (Boolean.TRUE.equals(in)) {
        return true;
      }
      found = found == null ? in : found;
    }
    return found;
  }

  private Boolean decideIn(IExpr g, boolean strict, IExpr x, SignReasoning signs) {
    IExpr slope = eval.apply(F.D(g, x));
    IExpr curvature = eval.apply(F.Together(F.D(slope, x)));
    if (!Smoothness.differentiable(g, signs) || !Smoothness.differentiable(slope, signs)
        || signs.decide(List.of(curvature, eval.apply(F.Factor(curvature))), Claim.Op.GREATER_EQUAL) != Boolean.TRUE) {
      return null;
    }
    IExpr solutions = eval.apply(F.Solve(F.Equal(slope, F.C0), x));
    if (!solutions.isList()) {
      return null;
    }
    Boolean refuted = null;
    Interval range = signs.bounds(x);
    for (IExpr solution : (IAST) solutions) {
      if (!solution.isList() || solution.argSize() != 1 || !solution.first().isRuleAST()) {
        continue;
      }
      IExpr p = solution.first().second();
      if (!p.isFree(x) || !inside(signs.bounds(p), range)
          || !eval.apply(F.Simplify(F.subst(slope, x, p))).isZero()) {
        continue;
      }
      IExpr atMinimum = eval.apply(F.Simplify(F.subst(g, x, p)));
      Claim.Op op = strict ? Claim.Op.GREATER : Claim.Op.GREATER_EQUAL;
      Boolean sign = atMinimum == S.$Aborted ? null : signs.decide(List.of(atMinimum), op);
      if (sign == Boolean.TRUE) {
        return true;
      }
      if (sign == Boolean.FALSE && !signs.integer(x) && strictlyInside(signs.bounds(p), range)) {
        refuted = false;
      }
    }
    return refuted;
  }

  /** As {@link #inside}, and off every finite nonzero end: such an end may be a strict bound, closed here. */
  private static boolean strictlyInside(Interval p, Interval range) {
    return inside(p, range) && (range.lo() == Double.NEGATIVE_INFINITY || range.lo() == 0 || p.lo() > range.lo())
        && (range.hi() == Double.POSITIVE_INFINITY || range.hi() == 0 || p.hi() < range.hi());
  }

  /** Whether every value in {@code p} lies in {@code range} (0 excluded from p where range excludes it). */
  private static boolean inside(Interval p, Interval range) {
    return p.lo() >= range.lo() && p.hi() <= range.hi() && (!range.nonzero() || p.nonzero());
  }
}
