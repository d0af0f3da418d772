package ibcheck.symbolic.prove;

import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IInteger;

/**
 * Turns Binomial/Pochhammer/factorial ratios into rational functions: {@code FunctionExpand} writes
 * them with Gamma, then every Gamma(x + k) is written through the one with the smallest shift m of
 * the same x, {@code Gamma(x + k) = Gamma(x + m) (x + m)(x + m + 1)...(x + k - 1)} (the functional
 * equation, valid wherever Gamma(x + m) is finite). The rewrite is only made when every Gamma
 * argument is positive under the assumptions ({@link Bounds}): there FunctionExpand's Gamma form is
 * the Binomial itself and no Gamma has a pole, so the identity found holds at every admissible point.
 * Where the smallest values L, ..., L + m - 1 (m &lt;= {@value #MAX_PEELED}) of an integer symbol s put
 * a Gamma on a pole (Binomial(n - 2, B - 2) at B = 1), the claim's difference must vanish at each of
 * them, checked exactly by substitution, and the reduction is made for s &gt;= L + m; the form returned
 * then vanishes identically only if the difference does, which is all the caller tests.
 */
final class GammaRatios {
  private static final long MAX_SHIFT = 40;
  private static final int MAX_PEELED = 2;
  private final SignReasoning signs;
  private final UnaryOperator<IExpr> eval;

  GammaRatios(SignReasoning signs, UnaryOperator<IExpr> eval) {
    this.signs = signs;
    this.eval = eval;
  }

  /**
   * e with its Gamma ratios reduced (for an integer symbol's smallest values, e checked to vanish
   * there instead), or null when some Gamma argument is not known positive.
   */
  IExpr expand(IExpr e) {
    IExpr expanded = eval.apply(F.FunctionExpand(e));
    IExpr reduced = reduce(expanded, signs);
    return reduced != null ? reduced : reduceAboveSmallValues(e, expanded);
  }

  private IExpr reduceAboveSmallValues(IExpr e, IExpr expanded) {
    IExpr variables = eval.apply(F.Variables(expanded));
    if (!variables.isList()) {
      return null;
    }
    for (IExpr s : (IAST) variables) {
      Interval range = signs.bounds(s);
      if (!signs.integer(s) || !Double.isFinite(range.lo())) {
        continue;
      }
      long lowest = (long) Math.ceil(range.lo());
      for (int m = 1; m <= MAX_PEELED; m++) {
        if (!eval.apply(F.Simplify(F.subst(e, s, F.ZZ(lowest + m - 1)))).isZero()) {
          break;
        }
        SignReasoning above = signs.narrowed(s, new Interval(lowest + m, Double.POSITIVE_INFINITY, true));
        IExpr reduced = above == null ? null : reduce(expanded, above);
        if (reduced != null) {
          return reduced;
        }
      }
    }
    return null;
  }

  /** The FunctionExpand form with Gamma ratios reduced, when every Gamma argument is positive under {@code signs}. */
  private IExpr reduce(IExpr expanded, SignReasoning signs) {
    Map<IExpr, Long> lowest = new HashMap<>();
    boolean[] positive = {true};
    collect(expanded, lowest, positive, signs);
    if (!positive[0] || lowest.isEmpty()) {
      return null;
    }
    IExpr rewritten = expanded.replaceAll(x -> {
      if (!x.isAST(S.Gamma, 2)) {
        return F.NIL;
      }
      IExpr[] parts = shift(x.first());
      long k = ((IInteger) parts[1]).toLong();
      long m = lowest.get(parts[0]);
      IExpr product = F.C1;
      for (long i = m; i < k; i++) {
        product = F.Times(product, F.Plus(parts[0], F.ZZ(i)));
      }
      return F.Times(F.Gamma(F.Plus(parts[0], F.ZZ(m))), product);
    }).orElse(expanded);
    return eval.apply(F.Together(rewritten));
  }

  private void collect(IExpr e, Map<IExpr, Long> lowest, boolean[] positive, SignReasoning signs) {
    if (e.isAST(S.Gamma, 2)) {
      positive[0] &= signs.bounds(e.first()).positive();
      IExpr[] parts = shift(e.first());
      long k = ((IInteger) parts[1]).toLong();
      // a shift beyond a few dozen would expand into a long product: not a ratio worth proving this way
      positive[0] &= Math.abs(k) <= MAX_SHIFT;
      lowest.merge(parts[0], k, Math::min);
    }
    if (e instanceof IAST a) {
      for (int i = 1; i <= a.argSize(); i++) {
        collect(a.get(i), lowest, positive, signs);
      }
    }
  }

  /** {x, k} with argument = x + k, k the argument's integer constant term (0 if none). */
  private IExpr[] shift(IExpr argument) {
    if (argument.isPlus() && argument.first().isInteger()) {
      return new IExpr[] {eval.apply(F.Subtract(argument, argument.first())), argument.first()};
    }
    return new IExpr[] {argument, F.C0};
  }
}
