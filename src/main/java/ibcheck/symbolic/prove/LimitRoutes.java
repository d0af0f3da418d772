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
 * ({@link ExponentialLimits}); and for a = Infinity the substitutions x = 1/u, u -> 0 from above,
 * and x = E^s, s -> Infinity.
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

  /**
   * The routes' answers in order, stopping as soon as {@code enough} holds for those so far;
   * {@code enough} sees every route, the last one included.
   */
  public List<Route> all(IExpr limitExpr, IExpr f, IExpr x, IExpr point, java.util.function.Predicate<List<Route>> enough) {
    List<java.util.function.Supplier<Route>> tries = new ArrayList<>();
    IExpr[] plain = new IExpr[1];
    IExpr[] refined = new IExpr[1];
    tries.add(() -> route("Limit(...)", plain[0] = eval.apply(limitExpr)));
    tries.add(() -> route("Refine(Limit(...), assumptions)", refined[0] = eval.apply(F.Refine(limitExpr, assumptions))));
    tries.add(() -> route("inner Limit(E^g) settled by the sign of g's leading coefficient, then Simplify",
        eval.apply(F.Simplify(inner.settle(refined[0].isFree(S.Limit) ? plain[0] : refined[0]), assumptions))));
    if (point.isInfinity()) {
      IExpr u = F.Dummy("ibcheckU");
      IExpr flipped = F.Limit(F.subst(f, x, F.Power(u, F.CN1)), F.Rule(u, F.C0), F.Rule(S.Direction, F.CN1));
      tries.add(() -> route("substitution x = 1/u, Limit(u -> 0 from above) under the assumptions",
          eval.apply(F.Refine(flipped, F.And(assumptions, F.Greater(u, F.C0))))));
      // x = E^s runs through (0, Infinity) increasingly as s does, and Log(x) is exactly s: a power of
      // x times an exponential becomes one exponential, its exponent polynomial in s
      IExpr s = F.Dummy("ibcheckS");
      tries.add(() -> route("substitution x = E^s (Log(x) = s), then Limit(E^g, s -> Infinity) by the sign of g's leading coefficient",
          inner.settle(F.Limit(eval.apply(exponentialsJoined(eval.apply(F.subst(F.subst(f, F.Log(x), s), x, F.Exp(s))))),
              F.Rule(s, F.CInfinity)))));
    }
    List<Route> routes = new ArrayList<>();
    for (java.util.function.Supplier<Route> next : tries) {
      routes.add(next.get());
      if (enough.test(routes)) {
        break;
      }
    }
    return routes;
  }

  /** (E^a)^b as E^(a b): exact for real a and b, and every symbol here is real. */
  private static IExpr exponentialsJoined(IExpr e) {
    return e.replaceAll(p -> p.isPower() && p.base().isPower() && p.base().base() == S.E
        ? F.Power(S.E, F.Times(p.base().exponent(), p.exponent())) : F.NIL).orElse(e);
  }

  private static Route route(String name, IExpr value) {
    boolean usable = value.isFree(S.Limit) && value != S.$Aborted && !value.isIndeterminate();
    return new Route(name, usable ? value : null);
  }
}
