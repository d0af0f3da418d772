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
 */
final class ConvexMinimum {
  static final String METHOD = "convexity in one symbol: g'' >= 0 by sign reasoning, a stationary point p inside the"
      + " range (Solve, checked), and g(p) >= 0";
  private final UnaryOperator<IExpr> eval;

  ConvexMinimum(UnaryOperator<IExpr> eval) {
    this.eval = eval;
  }

  boolean proves(IExpr g, boolean strict, SignReasoning signs) {
    for (IExpr x : AnalyticInequalities.symbolsToVary(g, signs, eval)) {
      if (provesIn(g, strict, x, signs)) {
        return true;
      }
    }
    return false;
  }

  private boolean provesIn(IExpr g, boolean strict, IExpr x, SignReasoning signs) {
    IExpr slope = eval.apply(F.D(g, x));
    IExpr curvature = eval.apply(F.Together(F.D(slope, x)));
    if (!Smoothness.differentiable(g, signs) || !Smoothness.differentiable(slope, signs)
        || signs.decide(List.of(curvature, eval.apply(F.Factor(curvature))), Claim.Op.GREATER_EQUAL) != Boolean.TRUE) {
      return false;
    }
    IExpr solutions = eval.apply(F.Solve(F.Equal(slope, F.C0), x));
    if (!solutions.isList()) {
      return false;
    }
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
      if (atMinimum != S.$Aborted && signs.decide(List.of(atMinimum), op) == Boolean.TRUE) {
        return true;
      }
    }
    return false;
  }

  /** Whether every value in {@code p} lies in {@code range} (0 excluded from p where range excludes it). */
  private static boolean inside(Interval p, Interval range) {
    return p.lo() >= range.lo() && p.hi() <= range.hi() && (!range.nonzero() || p.nonzero());
  }
}
