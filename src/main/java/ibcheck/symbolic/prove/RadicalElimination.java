package ibcheck.symbolic.prove;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IRational;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * Proves that an expression built from symbols, rationals, +, *, integer powers and radicals
 * {@code p^(m/n)} is 0 wherever it is defined, by eliminating the radicals algebraically.
 *
 * <p>Innermost first, every radical base p gets a fresh symbol t with the relation {@code t^n = p}
 * (n the least common denominator of the exponents p carries, so {@code p^(m/n) = t^m} exactly);
 * an outer base then contains the inner symbols. The expression becomes a rational function
 * {@code N/D} of the symbols and the t's, and N is reduced modulo the relations from the outermost t
 * to the innermost: every {@code t^e}, e &gt;= n, becomes {@code t^(e mod n) p^(e div n)} (in JAS's exact
 * sparse polynomials, {@link PolynomialFraction}; where they cannot, by Symja's Together and
 * {@code PolynomialRemainder(N, t^n - p, t)}), the relation being monic in t.
 *
 * <p>Soundness: each relation holds at the true value of its radical (for every branch of the root,
 * so the principal real value included), and a remainder differs from N by a multiple of
 * {@code t^n - p} divided by powers of p's denominator, which are nonzero where p is defined. So a
 * final remainder 0 means N vanishes at the radicals' true values, at every point; D is a product of
 * the expression's own denominators, nonzero wherever the expression is defined; there the
 * expression equals N/D = 0. Nothing about the symbols' signs is used. A nonzero remainder proves
 * nothing either way (the relations need not be minimal, e.g. {@code Sqrt(x^2)}): the route then
 * simply does not close the claim.
 *
 * <p>Over 300 lines on purpose: freezing the radicals, their implicit derivatives and the two
 * reductions (exact polynomials, Symja as the fallback) are one method and share its relations.
 */
public final class RadicalElimination {
  public static final String METHOD = "radicals eliminated: each p^(1/n) a fresh t with t^n = p, the numerator of"
      + " lhs - rhs over a common denominator reduced modulo t^n - p to 0";
  /** More radicals than this make Together's numerators too large to reduce within a step's budget. */
  private static final int MAX_RADICALS = 10;
  private static final String FRESH = "ibchradical";

  private final UnaryOperator<IExpr> eval;

  /** @param eval evaluates within the route's budget ($Aborted past it) */
  public RadicalElimination(UnaryOperator<IExpr> eval) {
    this.eval = eval;
  }

  /** One radical base: its symbol t and the relation t^n = base. */
  public record Relation(ISymbol t, int n, IExpr base) {}

  /**
   * Whether e (a scalar, or a vector/matrix entrywise) is 0 wherever defined, by the elimination;
   * false when e has another function in it, too many radicals, or a nonzero remainder.
   */
  public boolean vanishes(IExpr e) {
    if (e.isList()) {
      for (IExpr entry : (IAST) e) {
        if (!vanishes(entry)) {
          return false;
        }
      }
      return true;
    }
    Frozen frozen = freeze(e);
    return frozen != null && vanishes(frozen);
  }

  /**
   * Whether e (a scalar) is 0 wherever defined by the exact polynomial arithmetic alone; null when
   * that cannot decide it (not of the form, or too large), so that nothing slow is tried.
   */
  public Boolean vanishesInPolynomials(IExpr e) {
    Frozen frozen = freeze(e);
    return frozen == null ? null : vanishesInPolynomials(frozen);
  }

  /**
   * Whether a frozen expression is 0 at the true values of its radicals: its numerator reduced
   * modulo the relations, outermost first; in exact sparse polynomials where they can, else by
   * Symja's Together and PolynomialRemainder.
   */
  public boolean vanishes(Frozen frozen) {
    Boolean exact = vanishesInPolynomials(frozen);
    if (exact != null) {
      return exact;
    }
    // the route's own budget may run out at any step: $Aborted then proves nothing
    List<Relation> relations = frozen.relations();
    IExpr current = frozen.expr();
    IExpr numerator = numerator(current);
    for (int k = relations.size() - 1; k >= 0 && !numerator.isZero(); k--) {
      Relation r = relations.get(k);
      if (numerator == S.$Aborted) {
        return false;
      }
      IExpr remainder = eval.apply(F.PolynomialRemainder(numerator, F.Subtract(F.Power(r.t(), F.ZZ(r.n())), r.base()), r.t()));
      numerator = remainder == S.$Aborted ? remainder : numerator(remainder);
    }
    return numerator.isZero();
  }

  /**
   * The same elimination in exact sparse polynomials ({@link PolynomialFraction}): the numerator N
   * without Together's gcds, and each {@code t^n} of degree n or more replaced by {@code (P/Q)^...}
   * (p = P/Q) times the power of Q that keeps it a polynomial, outermost t first. The result is
   * congruent to {@code Q^M N} modulo the relations, with every t below its degree, so it is the zero
   * polynomial exactly when {@code Q^M N} is in their ideal; a cancelled numerator N' (N = g N') in
   * the ideal makes N so too, hence this closes whatever the Together route closes. Null when e is
   * not a rational function of symbols and the radicals' symbols, or grows too large (then the
   * Together route runs); false when the budget runs out.
   */
  private Boolean vanishesInPolynomials(Frozen frozen) {
    java.util.Set<String> names = new java.util.TreeSet<>();
    userSymbols(frozen.expr(), names);
    for (Relation r : frozen.relations()) {
      names.add(r.t().toString());
      userSymbols(r.base(), names);
    }
    if (names.isEmpty()) {
      return null;
    }
    var ring = new edu.jas.poly.GenPolynomialRing<>(edu.jas.arith.BigRational.ZERO, names.toArray(new String[0]));
    try {
      var n = PolynomialFraction.of(frozen.expr(), ring).numerator();
      for (int k = frozen.relations().size() - 1; k >= 0 && !n.isZERO(); k--) {
        if (eval.apply(S.True) == S.$Aborted) {
          return false;
        }
        Relation r = frozen.relations().get(k);
        PolynomialFraction p = PolynomialFraction.of(r.base(), ring);
        n = PolynomialFraction.reduce(n, PolynomialFraction.position(ring, r.t().toString()), r.n(), p.numerator(), p.denominatorProduct());
      }
      return n.isZERO();
    } catch (PolynomialFraction.NotRational | PolynomialFraction.TooLarge e) {
      return null;
    }
  }

  private static void userSymbols(IExpr e, java.util.Set<String> names) {
    if (e.isSymbol() && !e.isBuiltInSymbol()) {
      names.add(e.toString());
    } else if (e instanceof IAST a) {
      for (IExpr x : a) {
        userSymbols(x, names);
      }
    }
  }

  /**
   * e with its radicals replaced by fresh symbols, innermost first, and the relations t^n = p they
   * satisfy; null when e (or an entry of it) is not of the route's form or has too many radicals. A
   * rational operation on the frozen form (an Inverse, say) followed by {@link Frozen#thaw} is the
   * operation on e wherever the result is defined: rational-function identities survive putting the
   * radicals' values in for the symbols.
   */
  public static Frozen freeze(IExpr e) {
    if (!applies(e)) {
      return null;
    }
    List<Relation> relations = new ArrayList<>();
    IExpr current = e;
    while (true) {
      Map<IExpr, Integer> inner = innermost(current);
      if (inner.isEmpty()) {
        return new Frozen(current, relations);
      }
      Map<IExpr, ISymbol> symbols = new LinkedHashMap<>();
      for (Map.Entry<IExpr, Integer> base : inner.entrySet()) {
        ISymbol t = F.symbol(FRESH + (relations.size() + 1));
        relations.add(new Relation(t, base.getValue(), base.getKey()));
        symbols.put(base.getKey(), t);
      }
      if (relations.size() > MAX_RADICALS) {
        return null;
      }
      current = current.replaceAll(x -> {
        if (x.isPower() && symbols.containsKey(x.base()) && x.exponent() instanceof IRational q && !q.isInteger()) {
          int n = inner.get(x.base());
          return F.Power(symbols.get(x.base()), q.multiply(F.ZZ(n)));
        }
        return F.NIL;
      }).orElse(current);
    }
  }

  /** An expression with its radicals as symbols, and their relations in the order introduced (innermost first). */
  public record Frozen(IExpr expr, List<Relation> relations) {
    /**
     * The derivatives {@code dt/dw} of the radicals' symbols, in terms of the symbols themselves, by
     * implicit differentiation of {@code t^n = p}: {@code dt/dw = (dp/dw) / (n t^(n-1))}, where p
     * may hold inner symbols whose derivatives come before it. Exact wherever the radicals are
     * differentiable (p != 0).
     */
    public List<IExpr> radicalDerivatives(ISymbol w, UnaryOperator<IExpr> eval) {
      List<IExpr> dt = new ArrayList<>();
      for (Relation r : relations) {
        IExpr dp = totalDerivative(r.base(), w, dt, eval);
        IExpr slope = F.Times(F.ZZ(r.n()), F.Power(r.t(), F.ZZ(r.n() - 1)));
        dt.add(eval.apply(F.Together(F.Times(dp, F.Power(slope, F.CN1)))));
      }
      return dt;
    }

    /**
     * {@code dx/dw} for x in w and the radicals' symbols (a rational function of them, as
     * {@link #expr}): the partial derivative in w plus, for each symbol t, {@code dx/dt dt/dw}, with
     * {@code dt/dw} from {@link #radicalDerivatives} (the first {@code dt.size()} symbols).
     */
    public IExpr totalDerivative(IExpr x, ISymbol w, List<IExpr> dt, UnaryOperator<IExpr> eval) {
      org.matheclipse.core.interfaces.IASTAppendable sum = F.PlusAlloc(1 + dt.size());
      sum.append(F.D(x, w));
      for (int i = 0; i < dt.size(); i++) {
        sum.append(F.Times(F.D(x, relations.get(i).t()), dt.get(i)));
      }
      // over one denominator now, while it is small: the sums it enters are put together far faster
      return eval.apply(F.Together(sum));
    }

    /** x with every symbol t put back as p^(1/n), outermost first (an outer p holds inner t's). */
    public IExpr thaw(IExpr x) {
      IExpr out = x;
      for (int k = relations.size() - 1; k >= 0; k--) {
        Relation r = relations.get(k);
        IExpr root = F.Power(r.base(), F.QQ(1, r.n()));
        out = out.replaceAll(y -> y.equals(r.t()) ? root : F.NIL).orElse(out);
      }
      return out;
    }
  }

  private IExpr numerator(IExpr e) {
    // each term over its own denominator first: about twice as fast as one Together on a long sum
    IExpr together = eval.apply(F.Together(e.isPlus() ? F.Map(S.Together, e) : e));
    return together == S.$Aborted ? together : eval.apply(F.Numerator(together));
  }

  /** Whether e (or every entry of it) is of the form the route reasons about: a cheap test, nothing evaluated. */
  public static boolean applies(IExpr e) {
    if (e.isList()) {
      for (IExpr entry : (IAST) e) {
        if (!applies(entry)) {
          return false;
        }
      }
      return true;
    }
    return algebraic(e);
  }

  /** The number of distinct radical subexpressions of e: fewer make smaller numerators to reduce. */
  public static int radicals(IExpr e) {
    java.util.Set<IExpr> found = new java.util.HashSet<>();
    countRadicals(e, found);
    return found.size();
  }

  private static void countRadicals(IExpr e, java.util.Set<IExpr> found) {
    if (radical(e)) {
      found.add(e);
    }
    if (e instanceof IAST a) {
      for (IExpr x : a) {
        countRadicals(x, found);
      }
    }
  }

  /** Only symbols, rationals, sums, products and rational powers: the expressions the route reasons about. */
  private static boolean algebraic(IExpr e) {
    if (e.isSymbol()) {
      return !e.isBuiltInSymbol();
    }
    if (e instanceof IRational) {
      return true;
    }
    if (e.isPlus() || e.isTimes()) {
      for (IExpr x : (IAST) e) {
        if (!algebraic(x)) {
          return false;
        }
      }
      return true;
    }
    return e.isPower() && e.exponent() instanceof IRational && algebraic(e.base());
  }

  /** The radical bases free of radicals, each with the least common denominator of its exponents. */
  private static Map<IExpr, Integer> innermost(IExpr e) {
    Map<IExpr, Integer> out = new LinkedHashMap<>();
    collect(e, out);
    return out;
  }

  private static void collect(IExpr e, Map<IExpr, Integer> out) {
    if (!(e instanceof IAST a)) {
      return;
    }
    if (radical(e) && e.base().isFree(RadicalElimination::radical, true)) {
      int n = ((IRational) e.exponent()).denominator().toInt();
      out.merge(e.base(), n, RadicalElimination::lcm);
      return;
    }
    for (IExpr x : a) {
      collect(x, out);
    }
  }

  private static boolean radical(IExpr x) {
    return x.isPower() && x.exponent() instanceof IRational q && !q.isInteger();
  }

  private static int lcm(int a, int b) {
    return java.math.BigInteger.valueOf(a).multiply(java.math.BigInteger.valueOf(b))
        .divide(java.math.BigInteger.valueOf(a).gcd(java.math.BigInteger.valueOf(b))).intValueExact();
  }
}
