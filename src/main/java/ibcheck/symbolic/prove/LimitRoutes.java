package ibcheck.symbolic.prove;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IExpr;

/**
 * Computes {@code Limit(f, x -> a)} by several routes and says what each gave: Symja's Limit as
 * asked; the same under the assumptions ({@code Refine}, so a positive parameter is known positive);
 * inner exponential limits settled by the sign of their exponent's leading coefficient
 * ({@link ExponentialLimits}); and for a = Infinity the substitution x = 1/u, u -> 0 from above.
 * A route counts only when its answer is free of Limit; the caller compares the answers with the
 * claimed value and trusts none that another contradicts.
 */
public final class LimitRoutes {
  /** One route's answer: null value when it did not produce a Limit-free value. */
  public record Route(String name, IExpr value) {}

  private final IExpr assumptions;
  private final UnaryOperator<IExpr> eval;
  private final ExponentialLimits inner;

  public LimitRoutes(IExpr assumptions, SignReasoning signs, UnaryOperator<IExpr> eval) {
    this.assumptions = assumptions;
    this.eval = eval;
    this.inner = new ExponentialLimits(signs, eval);
  }

  /** The routes' answers in order, stopping as soon as {@code enough} holds for those so far. */
  public List<Route> all(IExpr limitExpr, IExpr f, IExpr x, IExpr point, java.util.function.Predicate<List<Route>> enough) {
    List<Route> routes = new ArrayList<>();
    IExpr plain = eval.apply(limitExpr);
    routes.add(route("Limit(...)", plain));
    if (enough.test(routes)) {
      return routes;
    }
    IExpr refined = eval.apply(F.Refine(limitExpr, assumptions));
    routes.add(route("Refine(Limit(...), assumptions)", refined));
    if (enough.test(routes)) {
      return routes;
    }
    IExpr settled = eval.apply(F.Simplify(inner.settle(refined.isFree(S.Limit) ? plain : refined), assumptions));
    routes.add(route("inner Limit(E^g) settled by the sign of g's leading coefficient, then Simplify", settled));
    if (enough.test(routes) || !point.isInfinity()) {
      return routes;
    }
    IExpr u = F.Dummy("ibcheckU");
    IExpr flipped = F.Limit(F.subst(f, x, F.Power(u, F.CN1)), F.Rule(u, F.C0), F.Rule(S.Direction, F.CN1));
    routes.add(route("substitution x = 1/u, Limit(u -> 0 from above) under the assumptions",
        eval.apply(F.Refine(flipped, F.And(assumptions, F.Greater(u, F.C0))))));
    return routes;
  }

  private static Route route(String name, IExpr value) {
    boolean usable = value.isFree(S.Limit) && value != S.$Aborted && !value.isIndeterminate();
    return new Route(name, usable ? value : null);
  }
}
