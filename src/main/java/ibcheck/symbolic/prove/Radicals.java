package ibcheck.symbolic.prove;

import java.util.function.UnaryOperator;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IRational;

/**
 * Rewrites every square root {@code Sqrt(x)} (and x^(k/2)) by pulling factors out only where the
 * signs justify it: x is put over a common denominator and factored, {@code x = A * R}; a factor
 * f^(2m) leaves as |f|^m (f^m when f &gt;= 0, (-f)^m when f &lt;= 0, by {@link Bounds}), a factor
 * known to be &gt;= 0 leaves as Sqrt(f), and the rest R stays inside. This is
 * {@code Sqrt(A R) = Sqrt(A) Sqrt(R)}, true for A &gt;= 0 wherever the left side is real (then R &gt;= 0
 * or A = 0); a denominator D &gt; 0 leaves as 1/Sqrt(D). Powers of products are split first where
 * every factor is positive ({@link #splitPower}). Unlike PowerExpand, nothing is assumed.
 */
final class Radicals {
  private final SignReasoning signs;
  private final UnaryOperator<IExpr> eval;

  Radicals(SignReasoning signs, UnaryOperator<IExpr> eval) {
    this.signs = signs;
    this.eval = eval;
  }

  IExpr normalise(IExpr e) {
    IExpr split = e.replaceAll(this::splitPower).orElse(e);
    return eval.apply(split.replaceAll(x -> halfPower(x) ? root(x.base(), (IRational) x.exponent()) : F.NIL).orElse(split));
  }

  /**
   * (a b ...)^p = a^p b^p ... for any real p when every factor is &gt; 0 (and for p &gt; 0 when every
   * factor is &gt;= 0): the one PowerExpand rule used, and only where the signs give it.
   */
  private IExpr splitPower(IExpr x) {
    if (!x.isPower() || !x.base().isTimes() || x.exponent().isInteger()) {
      return F.NIL;
    }
    boolean positiveExponent = x.exponent() instanceof IRational q && q.isPositive();
    IAST factors = (IAST) x.base();
    IExpr product = F.C1;
    for (IExpr f : factors.copyFrom(1)) {
      Interval i = signs.bounds(f);
      if (!(i.positive() || positiveExponent && i.nonnegative())) {
        return F.NIL;
      }
      product = F.Times(product, F.Power(f, x.exponent()));
    }
    return product;
  }

  private static boolean halfPower(IExpr x) {
    return x.isPower() && x.exponent() instanceof IRational q && !q.isInteger() && q.denominator().toLong() == 2;
  }

  /** base^(k/2) with base's square root rewritten; F.NIL when nothing comes out. */
  private IExpr root(IExpr base, IRational exponent) {
    IExpr inner = normalise(base);
    IExpr together = eval.apply(F.Together(inner));
    IExpr num = eval.apply(F.Factor(eval.apply(F.Numerator(together))));
    IExpr den = eval.apply(F.Factor(eval.apply(F.Denominator(together))));
    if (!signs.bounds(den).positive()) {
      return F.NIL;
    }
    IExpr[] n = split(num);
    IExpr[] d = split(den);
    // d's inside part is > 0 too: the denominator is positive and its outside part is, by construction
    IExpr sqrt = F.Times(F.Divide(n[0], d[0]), F.Sqrt(F.Divide(n[1], d[1])));
    return F.Power(sqrt, exponent.multiply(F.C2));
  }

  /** {outside, inside} with product = Sqrt's argument split as Sqrt(p) = outside * Sqrt(inside). */
  private IExpr[] split(IExpr p) {
    IExpr outside = F.C1;
    IExpr inside = F.C1;
    for (IExpr f : p.isTimes() ? ((IAST) p).copyFrom(1) : F.List(p)) {
      Interval i = signs.bounds(f);
      if (f.isPower() && f.exponent().isInteger() && f.exponent().isPositive() && ((IRational) f.exponent()).toLong() % 2 == 0) {
        long m = ((IRational) f.exponent()).toLong() / 2;
        Interval b = signs.bounds(f.base());
        if (b.nonnegative() || b.nonpositive()) {
          outside = F.Times(outside, F.Power(b.nonnegative() ? f.base() : F.Negate(f.base()), F.ZZ(m)));
        } else {
          outside = F.Times(outside, F.Power(F.Abs(f.base()), F.ZZ(m)));
        }
      } else if (i.nonnegative()) {
        outside = F.Times(outside, F.Sqrt(f));
      } else {
        inside = F.Times(inside, f);
      }
    }
    return new IExpr[] {outside, inside};
  }

  /** The bases b of e's square roots known &gt; 0: multiplying by Sqrt(b) keeps e's zeros. */
  java.util.List<IExpr> positiveRootBases(IExpr e) {
    java.util.Set<IExpr> bases = new java.util.LinkedHashSet<>();
    collectRootBases(e, bases);
    return bases.stream().filter(b -> signs.bounds(b).positive()).toList();
  }

  /**
   * e times {@code Sqrt(b)} (b &gt; 0, so e = 0 exactly where the product is), expanded, with every
   * product's square roots of bases known &gt;= 0 combined into one, {@code Sqrt(a) Sqrt(c) = Sqrt(a c)},
   * and normalised: the relations between roots that only their signs give (Sqrt(R - z/2) Sqrt(R + z/2) = x).
   */
  IExpr combinedWithRoot(IExpr e, IExpr b) {
    IExpr expanded = eval.apply(F.Expand(F.Times(e, F.Sqrt(b))));
    return normalise(expanded.replaceAll(this::combineRoots).orElse(expanded));
  }

  private static void collectRootBases(IExpr e, java.util.Set<IExpr> bases) {
    if (e.isPower() && e.exponent().equals(F.C1D2)) {
      bases.add(e.base());
    }
    if (e instanceof IAST a) {
      for (IExpr x : a) {
        collectRootBases(x, bases);
      }
    }
  }

  /** A product with two or more square roots of bases known &gt;= 0: those roots as one. */
  private IExpr combineRoots(IExpr x) {
    if (!x.isTimes()) {
      return F.NIL;
    }
    IExpr inside = F.C1;
    IExpr rest = F.C1;
    int roots = 0;
    for (IExpr f : ((IAST) x).copyFrom(1)) {
      if (f.isPower() && f.exponent().equals(F.C1D2) && signs.bounds(f.base()).nonnegative()) {
        inside = F.Times(inside, f.base());
        roots++;
      } else {
        rest = F.Times(rest, f);
      }
    }
    return roots < 2 ? F.NIL : F.Times(rest, F.Sqrt(eval.apply(F.Expand(inside))));
  }
}
