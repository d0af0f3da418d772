package ibcheck.symbolic.prove;

import ibcheck.spec.Domain;
import java.util.HashMap;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IRational;

/**
 * Encloses the values of a real expression over the symbols' assumptions by interval arithmetic
 * (rounded outward): a sum of enclosures encloses the sum, a product the product, an increasing
 * function maps ends to ends; squares and even powers are non-negative, Sqrt/Abs are non-negative,
 * Exp and Cosh positive. Only the assumptions count ({@code positive}, {@code nonnegative},
 * {@code negative}, {@code positive integer}), never the witnesses' sampling ranges. Where the
 * expression is defined, a denominator is not 0, so {@code 1/x} with x &gt;= 0 is positive. An
 * expression this does not know is enclosed by all reals, so the method only ever loses precision.
 * One rule is algebraic rather than interval: a sum {@code p + c Sqrt(q)} has c's sign when
 * {@code c^2 q - p^2 > 0} (then |c Sqrt(q)| = Sqrt(c^2 q) &gt; Sqrt(p^2) = |p|), which intervals miss
 * when p has either sign, as in {@code z + Sqrt(z^2 + 4 x^2)}.
 */
final class Bounds {
  /** Sums larger than this (leaves) are not squared out for the root rule: the expansion would cost more than it settles. */
  private static final int ROOT_RULE_MAX_LEAVES = 120;
  private final Map<String, Interval> symbols = new HashMap<>();
  /** Ranges known for subexpressions (from a case's condition), by their text. */
  private final Map<String, Interval> facts = new HashMap<>();
  /** Evaluates (within the CAS budget) the expanded c^2 q - p^2 of the root rule; null: no root rule. */
  private final UnaryOperator<IExpr> eval;

  Bounds(Map<String, Domain> domains) {
    this(domains, null);
  }

  Bounds(Map<String, Domain> domains, UnaryOperator<IExpr> eval) {
    this.eval = eval;
    domains.forEach((name, d) -> symbols.put(name, of(d)));
    // Symja may lower-case a declared name (LL becomes ll): the lower-case form names the same range,
    // unless two declared names differ only in case
    domains.keySet().stream().collect(java.util.stream.Collectors.groupingBy(n -> n.toLowerCase(java.util.Locale.ROOT)))
        .forEach((lower, names) -> {
          if (names.size() == 1) {
            symbols.putIfAbsent(lower, symbols.get(names.get(0)));
          }
        });
  }

  /**
   * A copy in which one symbol's, or one subexpression's, range is narrowed to its intersection with
   * {@code range}; null if that is empty. A subexpression is recognised where it occurs verbatim.
   */
  Bounds narrowed(IExpr e, Interval range) {
    String name = key(e);
    Interval old = e.isSymbol() ? symbol(name) : facts.getOrDefault(name, of(e));
    double lo = Math.max(old.lo(), range.lo());
    double hi = Math.min(old.hi(), range.hi());
    boolean nonzero = old.nonzero() || range.nonzero();
    if (lo > hi || lo == 0 && hi == 0 && nonzero) {
      return null;
    }
    Bounds copy = new Bounds(Map.of(), eval);
    copy.symbols.putAll(symbols);
    copy.facts.putAll(facts);
    (e.isSymbol() ? copy.symbols : copy.facts).put(name, new Interval(lo, hi, nonzero));
    return copy;
  }

  private Interval symbol(String name) {
    return symbols.getOrDefault(name, Interval.ALL);
  }

  /** Adds a symbol (e.g. a fresh non-negative difference n - B). */
  void declare(String name, Interval range) {
    symbols.put(name, range);
  }

  /** The kind's interval narrowed by the assumed numeric bounds (closed: a strict bound only loses precision). */
  static Interval of(Domain d) {
    Interval kind = of(d.kind());
    double lo = d.lower() == null ? kind.lo() : Math.max(kind.lo(), d.lower().value());
    double hi = d.upper() == null ? kind.hi() : Math.min(kind.hi(), d.upper().value());
    boolean excludesZero = d.lower() != null && d.lower().strict() && d.lower().value() == 0
        || d.upper() != null && d.upper().strict() && d.upper().value() == 0;
    return new Interval(lo, hi, kind.nonzero() || excludesZero);
  }

  static Interval of(Domain.Kind kind) {
    return switch (kind) {
      case POSITIVE -> Interval.POSITIVE;
      case NONNEGATIVE -> Interval.NONNEGATIVE;
      case NEGATIVE -> Interval.NEGATIVE;
      case POSITIVE_INTEGER -> new Interval(1, Double.POSITIVE_INFINITY, true);
      case REAL, INTEGER -> Interval.ALL;
    };
  }

  Interval of(IExpr e) {
    Interval computed = compute(e);
    Interval fact = facts.isEmpty() || e.isAtom() ? null : facts.get(key(e));
    if (fact == null) {
      return computed;
    }
    double lo = Math.max(computed.lo(), fact.lo());
    double hi = Math.min(computed.hi(), fact.hi());
    // an empty intersection is a case with no points; the computed enclosure is then still valid
    return lo <= hi ? new Interval(lo, hi, computed.nonzero() || fact.nonzero()) : computed;
  }

  private static String key(IExpr e) {
    return e.toString();
  }

  private Interval compute(IExpr e) {
    if (e instanceof IRational q) {
      double v = q.doubleValue();
      return Interval.point(v, q.isInteger() && Math.abs(v) < 0x1p53);
    }
    if (e == S.Pi) {
      return Interval.point(Math.PI, false);
    }
    if (e == S.E) {
      return Interval.point(Math.E, false);
    }
    if (e.isSymbol()) {
      return symbol(e.toString());
    }
    if (!(e instanceof IAST a) || a.argSize() < 1) {
      return Interval.ALL;
    }
    if (e.isPlus()) {
      Interval sum = of(a.arg1());
      for (int i = 2; i <= a.argSize(); i++) {
        sum = sum.plus(of(a.get(i)));
      }
      return sum.positive() || sum.negative() ? sum : rootDominates(a, sum);
    }
    if (e.isTimes()) {
      Interval product = of(a.arg1());
      for (int i = 2; i <= a.argSize(); i++) {
        product = product.times(of(a.get(i)));
      }
      return product;
    }
    if (e.isPower()) {
      return power(a.arg1(), a.arg2());
    }
    if (a.argSize() == 1) {
      return function(a.head(), of(a.arg1()));
    }
    if (a.isAST(S.Max) || a.isAST(S.Min)) {
      Interval r = of(a.arg1());
      for (int i = 2; i <= a.argSize(); i++) {
        r = a.isAST(S.Max) ? r.max(of(a.get(i))) : r.min(of(a.get(i)));
      }
      return r;
    }
    return Interval.ALL;
  }

  /**
   * The sum's sign when one term {@code c Sqrt(q)} (c of known sign) outweighs the rest p, i.e.
   * {@code c^2 q - p^2} is &gt; 0 (the sum then has c's sign and is not 0) or &gt;= 0 (c's sign or 0);
   * else {@code sum} as intervals found it.
   */
  private Interval rootDominates(IAST plus, Interval sum) {
    if (eval == null || plus.leafCount() > ROOT_RULE_MAX_LEAVES) {
      return sum;
    }
    for (int j = 1; j <= plus.argSize(); j++) {
      IExpr term = plus.get(j);
      IExpr root = term.isTimes() ? ((IAST) term).stream().filter(Bounds::squareRoot).findFirst().orElse(null)
          : squareRoot(term) ? term : null;
      if (root == null) {
        continue;
      }
      IExpr c = S.Divide.of(term, root);
      Interval sign = of(c);
      if (!sign.positive() && !sign.negative()) {
        continue;
      }
      IExpr gap = eval.apply(F.Expand(F.Subtract(F.Times(F.Sqr(c), root.base()), F.Sqr(plus.removeAtCopy(j).oneIdentity0()))));
      Interval g = of(gap);
      if (g.nonnegative()) {
        Interval half = sign.positive() ? Interval.NONNEGATIVE : Interval.NONNEGATIVE.negate();
        return new Interval(Math.max(sum.lo(), half.lo()), Math.min(sum.hi(), half.hi()), g.positive());
      }
    }
    return sum;
  }

  private static boolean squareRoot(IExpr e) {
    return e.isPower() && e.exponent().equals(F.C1D2);
  }

  private Interval power(IExpr base, IExpr exponent) {
    Interval b = of(base);
    if (base == S.E) {
      return exp(of(exponent));
    }
    if (exponent instanceof IRational q) {
      Interval raised;
      if (q.isInteger()) {
        long n = Math.abs(q.toLong());
        raised = n == 0 ? Interval.point(1, true) : b.power(n);
      } else {
        raised = b.root(Math.abs(q.doubleValue()));
      }
      return q.isNegative() ? raised.reciprocal() : raised;
    }
    // a positive base to any real power is positive
    return b.positive() ? Interval.POSITIVE : Interval.ALL;
  }

  private static Interval exp(Interval x) {
    Interval r = x.increasing(Math::exp, false);
    return new Interval(Math.max(0, r.lo()), r.hi(), true);
  }

  /**
   * Sin or Cos on a narrow interval: both are 1-Lipschitz, so they stay within the interval's width
   * of their value at its lower end; on a wide one, within [-1, 1].
   */
  private static Interval sinOrCos(DoubleUnaryOperator f, Interval x) {
    double width = x.hi() - x.lo();
    if (!(width < 1e-3)) {
      return new Interval(-1, 1, false);
    }
    double v = f.applyAsDouble(x.lo());
    double slack = Interval.upOf(width) + Math.abs(v) * 1e-12 + Double.MIN_VALUE;
    return new Interval(Interval.down(v - slack), Interval.up(v + slack), false);
  }

  private static Interval function(IExpr head, Interval x) {
    if (head == S.Abs) {
      return x.abs();
    }
    if (head == S.Exp) {
      return exp(x);
    }
    if (head == S.Cosh) {
      Interval a = x.abs();
      return new Interval(Math.max(1, Interval.downOf(Math.cosh(a.lo()))), Interval.upOf(Math.cosh(a.hi())), true);
    }
    if (head == S.Sinh || head == S.ArcSinh || head == S.ArcTan || head == S.Tanh) {
      DoubleUnaryOperator f = head == S.Sinh ? Math::sinh : head == S.ArcSinh
          ? v -> Math.signum(v) * Math.log(Math.abs(v) + Math.sqrt(v * v + 1)) : head == S.ArcTan ? Math::atan : Math::tanh;
      // odd increasing functions: sign-preserving, so the sign of x carries over exactly
      Interval r = x.increasing(f, true);
      return new Interval(x.nonnegative() ? Math.max(0, r.lo()) : r.lo(), x.nonpositive() ? Math.min(0, r.hi()) : r.hi(),
          x.nonzero());
    }
    if (head == S.Log && x.positive()) {
      return x.increasing(Math::log, false);
    }
    if (head == S.Sin || head == S.Cos) {
      return sinOrCos(head == S.Sin ? Math::sin : Math::cos, x);
    }
    if (head == S.Ramp) {
      return x.max(new Interval(0, 0, false));
    }
    if (head == S.UnitStep) {
      return new Interval(0, 1, false);
    }
    return Interval.ALL;
  }
}
