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
 */
final class GammaRatios {
  private static final long MAX_SHIFT = 40;
  private final SignReasoning signs;
  private final UnaryOperator<IExpr> eval;

  GammaRatios(SignReasoning signs, UnaryOperator<IExpr> eval) {
    this.signs = signs;
    this.eval = eval;
  }

  /** e with its Gamma ratios reduced, or null when some Gamma argument is not known positive. */
  IExpr expand(IExpr e) {
    IExpr expanded = eval.apply(F.FunctionExpand(e));
    Map<IExpr, Long> lowest = new HashMap<>();
    boolean[] positive = {true};
    collect(expanded, lowest, positive);
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

  private void collect(IExpr e, Map<IExpr, Long> lowest, boolean[] positive) {
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
        collect(a.get(i), lowest, positive);
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
