package ibcheck.symbolic.prove;

import edu.jas.arith.BigRational;
import edu.jas.poly.ExpVector;
import edu.jas.poly.GenPolynomial;
import edu.jas.poly.GenPolynomialRing;
import java.util.HashMap;
import java.util.Map;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IRational;

/**
 * A rational function over Q in sparse polynomials of JAS (the Java Algebra System Symja itself
 * computes with): a numerator over a product of monic denominator factors, kept apart so that a sum
 * of terms over shared denominators does not multiply them out. Nothing is cancelled, so the
 * denominator is a product of the expression's own denominators: nonzero wherever the expression is
 * defined, and there the expression is 0 exactly where the numerator is. That is the arithmetic of
 * Symja's {@code Together} without its gcds, at a fraction of its cost.
 *
 * @param numerator N
 * @param denominator each monic factor f of D with its exponent (D = product of f^k)
 */
record PolynomialFraction(GenPolynomial<BigRational> numerator, Map<GenPolynomial<BigRational>, Integer> denominator) {
  /** The expression is not a rational function of the ring's variables, or is undefined (1/0). */
  static final class NotRational extends Exception {
    NotRational(String what) {
      super(what, null, false, false);
    }
  }

  /** A polynomial or a product grew past the limits: the computation is left to slower, interruptible routes. */
  static final class TooLarge extends Exception {
    TooLarge() {
      super("more than " + MAX_TERMS + " terms or " + MAX_TERM_PRODUCTS + " term products", null, false, false);
    }
  }

  /** Past this many terms a polynomial's arithmetic is no longer small next to a step's time limit. */
  static final int MAX_TERMS = 40_000;
  /** A product of polynomials with m and n terms costs m n term products; past this, about a second. */
  static final long MAX_TERM_PRODUCTS = 5_000_000;

  /**
   * e (symbols of the ring, rationals, sums, products, integer powers) as a fraction.
   *
   * @throws NotRational for anything else, or a division by the zero polynomial
   */
  static PolynomialFraction of(IExpr e, GenPolynomialRing<BigRational> ring) throws NotRational, TooLarge {
    if (e instanceof IRational q) {
      return constant(new BigRational(new edu.jas.arith.BigInteger(q.toBigNumerator()),
          new edu.jas.arith.BigInteger(q.toBigDenominator())), ring);
    }
    if (e.isSymbol()) {
      String name = e.toString();
      if (!java.util.Arrays.asList(ring.getVars()).contains(name)) {
        throw new NotRational("symbol " + name + " outside the ring");
      }
      return new PolynomialFraction(ring.univariate(name), Map.of());
    }
    if (e.isPlus()) {
      PolynomialFraction sum = null;
      for (IExpr term : (IAST) e) {
        sum = sum == null ? of(term, ring) : sum.plus(of(term, ring));
      }
      return sum;
    }
    if (e.isTimes()) {
      PolynomialFraction product = null;
      for (IExpr factor : (IAST) e) {
        product = product == null ? of(factor, ring) : product.times(of(factor, ring));
      }
      return product;
    }
    if (e.isPower() && e.exponent() instanceof IRational q && q.isInteger()) {
      long k = q.toLong();
      PolynomialFraction base = of(e.base(), ring);
      return k >= 0 ? base.power(k) : base.reciprocal().power(-k);
    }
    throw new NotRational(e.toString());
  }

  private static PolynomialFraction constant(BigRational c, GenPolynomialRing<BigRational> ring) {
    return new PolynomialFraction(ring.valueOf(c), Map.of());
  }

  static PolynomialFraction one(GenPolynomialRing<BigRational> ring) {
    return new PolynomialFraction(ring.getONE(), Map.of());
  }

  PolynomialFraction negate() {
    return new PolynomialFraction(numerator.negate(), denominator);
  }

  /** Where a variable's exponent sits in the ring's exponent vectors. */
  static int position(GenPolynomialRing<BigRational> ring, String name) {
    ExpVector e = ring.univariate(name).leadingExpVector();
    for (int i = 0; i < e.length(); i++) {
      if (e.getVal(i) == 1) {
        return i;
      }
    }
    throw new IllegalStateException(name + " is not a variable of the ring");
  }

  /** The denominator multiplied out. */
  GenPolynomial<BigRational> denominatorProduct() throws TooLarge {
    GenPolynomial<BigRational> d = numerator.ring.getONE();
    for (Map.Entry<GenPolynomial<BigRational>, Integer> f : denominator.entrySet()) {
      d = product(d, power(f.getKey(), f.getValue()));
    }
    return d;
  }

  PolynomialFraction plus(PolynomialFraction o) throws TooLarge {
    Map<GenPolynomial<BigRational>, Integer> common = new HashMap<>(denominator);
    o.denominator.forEach((f, k) -> common.merge(f, k, Math::max));
    return new PolynomialFraction(checked(expandedOver(common).sum(o.expandedOver(common))), common);
  }

  /** The numerator over the larger denominator {@code common}: multiplied by the factors it lacks. */
  private GenPolynomial<BigRational> expandedOver(Map<GenPolynomial<BigRational>, Integer> common) throws TooLarge {
    GenPolynomial<BigRational> n = numerator;
    for (Map.Entry<GenPolynomial<BigRational>, Integer> f : common.entrySet()) {
      int missing = f.getValue() - denominator.getOrDefault(f.getKey(), 0);
      if (missing > 0) {
        n = product(n, power(f.getKey(), missing));
      }
    }
    return n;
  }

  PolynomialFraction times(PolynomialFraction o) throws TooLarge {
    Map<GenPolynomial<BigRational>, Integer> merged = new HashMap<>(denominator);
    o.denominator.forEach((f, k) -> merged.merge(f, k, Integer::sum));
    return new PolynomialFraction(product(numerator, o.numerator), merged);
  }

  PolynomialFraction power(long k) throws TooLarge {
    Map<GenPolynomial<BigRational>, Integer> raised = new HashMap<>();
    denominator.forEach((f, e) -> raised.put(f, Math.toIntExact(e * k)));
    return new PolynomialFraction(power(numerator, k), raised);
  }

  /** 1/this: the numerator becomes a (monic) denominator factor, its leading coefficient a constant. */
  PolynomialFraction reciprocal() throws NotRational, TooLarge {
    if (numerator.isZERO()) {
      throw new NotRational("1/0");
    }
    GenPolynomial<BigRational> ring1 = numerator.ring.getONE();
    PolynomialFraction inverse = new PolynomialFraction(ring1.multiply(numerator.leadingBaseCoefficient().inverse()),
        numerator.isConstant() ? Map.of() : Map.of(numerator.monic(), 1));
    PolynomialFraction denominatorUp = new PolynomialFraction(denominatorProduct(), Map.of());
    return inverse.times(denominatorUp);
  }

  /** a b, refused before it starts when it would cost too much. */
  static GenPolynomial<BigRational> product(GenPolynomial<BigRational> a, GenPolynomial<BigRational> b) throws TooLarge {
    if ((long) a.length() * b.length() > MAX_TERM_PRODUCTS) {
      throw new TooLarge();
    }
    return checked(a.multiply(b));
  }

  /** p^k by repeated squaring, each product refused past the limits. */
  static GenPolynomial<BigRational> power(GenPolynomial<BigRational> p, long k) throws TooLarge {
    GenPolynomial<BigRational> result = p.ring.getONE();
    GenPolynomial<BigRational> square = p;
    for (long e = k; e > 0; e >>= 1) {
      if ((e & 1) == 1) {
        result = product(result, square);
      }
      if (e > 1) {
        square = product(square, square);
      }
    }
    return result;
  }

  static GenPolynomial<BigRational> checked(GenPolynomial<BigRational> p) throws TooLarge {
    if (p.length() > MAX_TERMS) {
      throw new TooLarge();
    }
    return p;
  }

  /**
   * n with every power t^e (t at exponent position {@code pos}) of degree e &gt;= m replaced by
   * t^(e mod m) (P/Q)^(e div m), times Q^M (M the largest e div m) so that it stays a polynomial:
   * at any point where t^m = P/Q and Q != 0 the result is Q^M n. Grouped by e div m and summed by
   * Horner's rule in P.
   */
  static GenPolynomial<BigRational> reduce(GenPolynomial<BigRational> n, int pos, long m, GenPolynomial<BigRational> p,
      GenPolynomial<BigRational> q) throws TooLarge {
    Map<Long, GenPolynomial<BigRational>> byQuotient = new HashMap<>();
    long top = 0;
    for (Map.Entry<ExpVector, BigRational> term : n.getMap().entrySet()) {
      long e = term.getKey().getVal(pos);
      long quotient = e / m;
      top = Math.max(top, quotient);
      byQuotient.computeIfAbsent(quotient, x -> n.ring.getZERO().copy()).doPutToMap(term.getKey().subst(pos, e % m),
          term.getValue());
    }
    if (top == 0) {
      return n;
    }
    GenPolynomial<BigRational> zero = n.ring.getZERO();
    GenPolynomial<BigRational> result = byQuotient.getOrDefault(top, zero);
    GenPolynomial<BigRational> qPower = n.ring.getONE();
    for (long k = top - 1; k >= 0; k--) {
      qPower = product(qPower, q);
      result = checked(product(result, p).sum(product(byQuotient.getOrDefault(k, zero), qPower)));
    }
    return result;
  }
}
