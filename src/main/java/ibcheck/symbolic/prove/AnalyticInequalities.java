package ibcheck.symbolic.prove;

import ibcheck.symbolic.claim.Claim;
import java.util.List;
import java.util.function.UnaryOperator;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IExpr;

/**
 * The analytic methods for an inequality {@code small <= large} (or &lt;) that sign reasoning
 * alone leaves open, each within its own time budget: the triangle inequality for norms
 * ({@link TriangleInequality}), monotonicity in one symbol ({@link Monotonicity}) and convexity in
 * one symbol ({@link ConvexMinimum}) on {@code large - small}. A bound by a minimum is split first,
 * {@code u <= Min(v, w)} exactly when {@code u <= v} and {@code u <= w} (and {@code Max(v, w) <= u}
 * when both are), each part closed by sign reasoning or by these methods.
 */
public final class AnalyticInequalities {
  private static final double BUDGET_SECONDS = 1.5;
  private static final int MAX_SYMBOLS = 4;
  private final SignReasoning signs;
  private final UnaryOperator<IExpr> eval;

  public AnalyticInequalities(SignReasoning signs, UnaryOperator<IExpr> eval) {
    this.signs = signs;
    this.eval = eval;
  }

  /** The method that proves {@code lhs op rhs} at every admissible point, or null. */
  public String proves(IExpr lhs, Claim.Op op, IExpr rhs) {
    long deadline = System.nanoTime() + (long) (BUDGET_SECONDS * 1e9);
    UnaryOperator<IExpr> budgeted = e -> System.nanoTime() > deadline ? S.$Aborted : eval.apply(e);
    return switch (op) {
      case LESS_EQUAL, LESS -> ordered(lhs, rhs, op == Claim.Op.LESS, budgeted, true);
      case GREATER_EQUAL, GREATER -> ordered(rhs, lhs, op == Claim.Op.GREATER, budgeted, true);
      default -> null;
    };
  }

  /**
   * The method that shows {@code lhs op rhs} false at some admissible point (a stationary point of
   * the gap, {@link ConvexMinimum}), or null.
   */
  public String refutes(IExpr lhs, Claim.Op op, IExpr rhs) {
    long deadline = System.nanoTime() + (long) (BUDGET_SECONDS * 1e9);
    UnaryOperator<IExpr> budgeted = e -> System.nanoTime() > deadline ? S.$Aborted : eval.apply(e);
    boolean below = op == Claim.Op.LESS_EQUAL || op == Claim.Op.LESS;
    if (!below && op != Claim.Op.GREATER_EQUAL && op != Claim.Op.GREATER) {
      return null;
    }
    IExpr gap = budgeted.apply(below ? F.Subtract(rhs, lhs) : F.Subtract(lhs, rhs));
    boolean strict = op == Claim.Op.LESS || op == Claim.Op.GREATER;
    return Smoothness.differentiable(gap, signs)
        && Boolean.FALSE.equals(new ConvexMinimum(budgeted).decide(gap, strict, signs)) ? ConvexMinimum.REFUTED : null;
  }

  private String ordered(IExpr small, IExpr large, boolean strict, UnaryOperator<IExpr> eval, boolean split) {
    if (!strict && new TriangleInequality(eval).proves(small, large)) {
      return TriangleInequality.METHOD;
    }
    if (split && (large.isAST(S.Min, 3) || small.isAST(S.Max, 3))) {
      IExpr pair = large.isAST(S.Min, 3) ? large : small;
      String first = ordered(pair == large ? small : pair.first(), pair == large ? pair.first() : large, strict, eval, false);
      String second = first == null ? null
          : ordered(pair == large ? small : pair.second(), pair == large ? pair.second() : large, strict, eval, false);
      return second == null ? null : "bound by Min/Max split into both bounds (" + first + "; " + second + ")";
    }
    IExpr gap = eval.apply(F.Subtract(large, small));
    if (signs.decide(List.of(gap, eval.apply(F.Together(gap))), strict ? Claim.Op.GREATER : Claim.Op.GREATER_EQUAL)
        == Boolean.TRUE) {
      return SignReasoning.METHOD;
    }
    if (!Smoothness.differentiable(gap, signs)) {
      return null; // both methods need a differentiable gap: bail out before any derivative is taken
    }
    if (new Monotonicity(eval).proves(gap, strict, signs)) {
      return Monotonicity.METHOD;
    }
    return new ConvexMinimum(eval).proves(gap, strict, signs) ? ConvexMinimum.METHOD : null;
  }

  /**
   * The symbols of g (at most {@value #MAX_SYMBOLS}) an argument in one symbol may vary, the others
   * held at any admissible value: none in a relation {@code B at most n}, since enclosures then cover
   * only the pairs with B &lt;= n, not all of one symbol's range with the other fixed.
   */
  static List<IExpr> symbolsToVary(IExpr g, SignReasoning signs, UnaryOperator<IExpr> eval) {
    IExpr variables = eval.apply(F.Variables(g));
    if (!variables.isList() || variables.argSize() > MAX_SYMBOLS) {
      return List.of();
    }
    return ((org.matheclipse.core.interfaces.IAST) variables).stream().filter(x -> !signs.related(x)).toList();
  }
}
