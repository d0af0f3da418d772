package ibcheck.symbolic.prove;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.fraction.BigFraction;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IRational;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * Proves a rational expression identically 0 by exact evaluation on a grid: a polynomial whose
 * degree in each variable v is at most {@code D_v}, and which vanishes on a grid of {@code D_v + 1}
 * distinct rationals per variable, is the zero polynomial (induction on the number of variables: a
 * nonzero polynomial in one variable of degree at most D has at most D roots).
 *
 * <p>The expression (symbols, rationals, +, *, integer powers) is read as N/D, N and D built by the
 * rules {@code a/b + c/d = (ad + cb)/(bd)}, {@code (a/b)(c/d) = ac/(bd)} and {@code (a/b)^k}, with
 * no cancellation; bounds on N's degree in each variable follow the same rules. Each grid point is
 * evaluated exactly; where no denominator on the way is 0, the value is N/D there with D nonzero,
 * so value 0 means N = 0 at that point. A point on a pole is not used: the grid is shifted and tried
 * again. N zero on the whole grid is N = 0, so the expression is 0 wherever it is defined. Nothing
 * about the symbols' signs is used. A grid of more than {@value #MAX_POINTS} points is not tried.
 */
public final class RationalIdentity {
  public static final String METHOD = "rational-function identity: 0 at every point of a grid of D_v + 1 exact"
      + " rationals per variable v, D_v a bound on the degree in v of its numerator over the product of its"
      + " denominators (such a polynomial vanishing on the grid is 0)";
  static final long MAX_POINTS = 1_500;
  private static final int SHIFTS = 4;

  private final List<ISymbol> variables = new ArrayList<>();
  private final IExpr expr;

  private RationalIdentity(IExpr expr) {
    this.expr = expr;
  }

  /** Whether e is proved 0 wherever defined; false when it is not of the form, too large, or not 0. */
  public static boolean vanishes(IExpr e) {
    RationalIdentity r = new RationalIdentity(e);
    Degrees d = r.degrees(e);
    if (d == null || r.variables.isEmpty()) {
      return false;
    }
    long points = 1;
    for (int v = 0; v < r.variables.size(); v++) {
      points *= d.num(v) + 1L;
      if (points > MAX_POINTS) {
        return false;
      }
    }
    for (int shift = 0; shift < SHIFTS; shift++) {
      Boolean zero = r.zeroOnGrid(d, shift);
      if (zero != null) {
        return zero;
      }
    }
    return false;
  }

  /** Degree bounds of N and D per variable (index into {@link #variables}). */
  private record Degrees(Map<Integer, Integer> numerator, Map<Integer, Integer> denominator) {
    int num(int v) {
      return numerator.getOrDefault(v, 0);
    }

    int den(int v) {
      return denominator.getOrDefault(v, 0);
    }

    static Degrees constant() {
      return new Degrees(Map.of(), Map.of());
    }

    /** a/b + c/d = (ad + cb)/(bd). */
    Degrees plus(Degrees o) {
      return combine(o, v -> new int[] {Math.max(num(v) + o.den(v), o.num(v) + den(v)), den(v) + o.den(v)});
    }

    /** (a/b)(c/d) = ac/(bd). */
    Degrees times(Degrees o) {
      return combine(o, v -> new int[] {num(v) + o.num(v), den(v) + o.den(v)});
    }

    /** (a/b)^k, and (b/a)^|k| for k &lt; 0. */
    Degrees power(int k) {
      int m = Math.abs(k);
      return combine(this, v -> k >= 0 ? new int[] {m * num(v), m * den(v)} : new int[] {m * den(v), m * num(v)});
    }

    /** Per variable of either, the numerator's and the denominator's degree bounds by {@code rule}. */
    private Degrees combine(Degrees o, java.util.function.IntFunction<int[]> rule) {
      Map<Integer, Integer> n = new LinkedHashMap<>();
      Map<Integer, Integer> dd = new LinkedHashMap<>();
      for (int v : union(o)) {
        int[] nd = rule.apply(v);
        n.put(v, nd[0]);
        dd.put(v, nd[1]);
      }
      return new Degrees(n, dd);
    }

    private java.util.Set<Integer> union(Degrees o) {
      java.util.Set<Integer> all = new java.util.TreeSet<>(numerator.keySet());
      all.addAll(denominator.keySet());
      all.addAll(o.numerator.keySet());
      all.addAll(o.denominator.keySet());
      return all;
    }
  }

  /** The bounds for e, or null when e is not a rational expression in its symbols. */
  private Degrees degrees(IExpr e) {
    if (e instanceof IRational) {
      return Degrees.constant();
    }
    if (e instanceof ISymbol s) {
      if (s.isBuiltInSymbol()) {
        return null; // Pi, E, ... are not variables
      }
      int v = variables.indexOf(s);
      if (v < 0) {
        variables.add(s);
        v = variables.size() - 1;
      }
      return new Degrees(Map.of(v, 1), Map.of());
    }
    if (!(e instanceof IAST ast)) {
      return null;
    }
    if (ast.isPlus() || ast.isTimes()) {
      Degrees acc = null;
      for (IExpr arg : ast) {
        Degrees d = degrees(arg);
        if (d == null) {
          return null;
        }
        acc = acc == null ? d : ast.isPlus() ? acc.plus(d) : acc.times(d);
      }
      return acc;
    }
    if (ast.isPower() && ast.exponent().isInteger()) {
      int k = ast.exponent().toIntDefault();
      Degrees b = degrees(ast.base());
      return b == null || k == Integer.MIN_VALUE || Math.abs(k) > 1000 ? null : b.power(k);
    }
    return null;
  }

  /**
   * True when e is 0 at every grid point, false at the first point where it is defined and not 0,
   * null when a point is a pole (another shift is then tried).
   */
  private Boolean zeroOnGrid(Degrees d, int shift) {
    int n = variables.size();
    int[] index = new int[n];
    Map<ISymbol, BigFraction> at = new LinkedHashMap<>();
    while (true) {
      for (int v = 0; v < n; v++) {
        // distinct rationals per variable; shifted off any pole the previous grid met
        at.put(variables.get(v), new BigFraction(BigInteger.valueOf(3L * index[v] + 1), BigInteger.valueOf(2L + shift + v)));
      }
      BigFraction value;
      try {
        value = value(expr, at);
      } catch (ArithmeticException pole) {
        return null;
      }
      if (value.signum() != 0) {
        return false;
      }
      int v = 0;
      while (v < n && ++index[v] > d.num(v)) {
        index[v] = 0;
        v++;
      }
      if (v == n) {
        return true;
      }
    }
  }

  private static BigFraction value(IExpr e, Map<ISymbol, BigFraction> at) {
    if (e instanceof IRational q) {
      return new BigFraction(q.toBigNumerator(), q.toBigDenominator());
    }
    if (e instanceof ISymbol s) {
      return at.get(s);
    }
    IAST ast = (IAST) e;
    if (ast.isPower()) {
      BigFraction b = value(ast.base(), at);
      int k = ast.exponent().toIntDefault();
      if (k < 0) {
        if (b.signum() == 0) {
          throw new ArithmeticException("pole");
        }
        return b.reciprocal().pow(-k);
      }
      return b.pow(k);
    }
    BigFraction acc = null;
    for (IExpr arg : ast) {
      BigFraction x = value(arg, at);
      acc = acc == null ? x : ast.isPlus() ? acc.add(x) : acc.multiply(x);
    }
    return acc;
  }
}
