package ibcheck.symbolic.prove;

import edu.jas.arith.BigRational;
import edu.jas.poly.ExpVector;
import edu.jas.poly.GenPolynomial;
import edu.jas.poly.GenPolynomialRing;
import java.util.Map;
import java.util.TreeMap;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IASTAppendable;
import org.matheclipse.core.interfaces.IExpr;

/**
 * The inverse of a small square matrix of rational functions, {@code adj(M)/det(M)} by cofactors,
 * in exact sparse polynomials ({@link PolynomialFraction}). Symja's Inverse pivots with a
 * Together-based zero test at every step; here a zero is the zero polynomial, and a 3 x 3 inverse
 * takes milliseconds where Symja takes seconds. Nothing is cancelled, so each entry is defined
 * wherever M is and det(M) is not 0, which is where the inverse exists.
 */
public final class FractionMatrix {
  /** Cofactor expansion costs d!; past this the caller's general route is the better one. */
  private static final int MAX_DIMENSION = 4;

  private FractionMatrix() {}

  /**
   * M's inverse as a matrix of expressions {@code N/D}, or null when M is not a square matrix
   * (d &lt;= 4) of rational functions of symbols, is singular as a rational matrix, or grows too large.
   */
  public static IExpr inverse(IExpr m) {
    if (!m.isList() || m.argSize() < 1 || m.argSize() > MAX_DIMENSION) {
      return null;
    }
    int d = m.argSize();
    Map<String, IExpr> symbols = new TreeMap<>();
    collectSymbols(m, symbols);
    if (symbols.isEmpty()) {
      return null;
    }
    GenPolynomialRing<BigRational> ring = new GenPolynomialRing<>(BigRational.ZERO, symbols.keySet().toArray(new String[0]));
    try {
      PolynomialFraction[][] a = new PolynomialFraction[d][d];
      for (int i = 0; i < d; i++) {
        IExpr row = m.getAt(i + 1);
        if (!row.isList() || row.argSize() != d) {
          return null;
        }
        for (int j = 0; j < d; j++) {
          a[i][j] = PolynomialFraction.of(row.getAt(j + 1), ring);
        }
      }
      PolynomialFraction inverseDeterminant = determinant(a, ring).reciprocal();
      IASTAppendable rows = F.ListAlloc(d);
      for (int i = 0; i < d; i++) {
        IASTAppendable row = F.ListAlloc(d);
        for (int j = 0; j < d; j++) {
          PolynomialFraction cofactor = determinant(minor(a, j, i), ring);
          row.append(toExpr((j + i) % 2 == 0 ? cofactor.times(inverseDeterminant)
              : cofactor.times(inverseDeterminant).negate(), ring, symbols));
        }
        rows.append(row);
      }
      return rows;
    } catch (PolynomialFraction.NotRational | PolynomialFraction.TooLarge e) {
      return null;
    }
  }

  private static PolynomialFraction determinant(PolynomialFraction[][] a, GenPolynomialRing<BigRational> ring)
      throws PolynomialFraction.TooLarge {
    int d = a.length;
    if (d == 0) {
      return PolynomialFraction.one(ring);
    }
    if (d == 1) {
      return a[0][0];
    }
    PolynomialFraction sum = null;
    for (int j = 0; j < d; j++) {
      PolynomialFraction term = a[0][j].times(determinant(minor(a, 0, j), ring));
      term = j % 2 == 0 ? term : term.negate();
      sum = sum == null ? term : sum.plus(term);
    }
    return sum;
  }

  /** a without row r and column c. */
  private static PolynomialFraction[][] minor(PolynomialFraction[][] a, int r, int c) {
    int d = a.length;
    PolynomialFraction[][] out = new PolynomialFraction[d - 1][d - 1];
    for (int i = 0, oi = 0; i < d; i++) {
      if (i == r) {
        continue;
      }
      for (int j = 0, oj = 0; j < d; j++) {
        if (j != c) {
          out[oi][oj++] = a[i][j];
        }
      }
      oi++;
    }
    return out;
  }

  /** The fraction as Symja's {@code N * f1^-k1 * ...}, each variable back as its symbol. */
  static IExpr toExpr(PolynomialFraction f, GenPolynomialRing<BigRational> ring, Map<String, IExpr> symbols) {
    IASTAppendable product = F.TimesAlloc(1 + f.denominator().size());
    product.append(toExpr(f.numerator(), ring, symbols));
    f.denominator().forEach((factor, k) -> product.append(F.Power(toExpr(factor, ring, symbols), F.ZZ(-k))));
    return product.oneIdentity1();
  }

  private static IExpr toExpr(GenPolynomial<BigRational> p, GenPolynomialRing<BigRational> ring, Map<String, IExpr> symbols) {
    String[] names = ring.getVars();
    int[] position = new int[names.length];
    for (int v = 0; v < names.length; v++) {
      position[v] = PolynomialFraction.position(ring, names[v]);
    }
    IASTAppendable sum = F.PlusAlloc(p.length());
    for (Map.Entry<ExpVector, BigRational> term : p.getMap().entrySet()) {
      BigRational c = term.getValue();
      IASTAppendable monomial = F.TimesAlloc(1 + names.length);
      monomial.append(F.QQ(F.ZZ(c.numerator()), F.ZZ(c.denominator())));
      for (int v = 0; v < names.length; v++) {
        long e = term.getKey().getVal(position[v]);
        if (e > 0) {
          monomial.append(e == 1 ? symbols.get(names[v]) : F.Power(symbols.get(names[v]), F.ZZ(e)));
        }
      }
      sum.append(monomial.oneIdentity1());
    }
    return sum.oneIdentity0();
  }

  private static void collectSymbols(IExpr e, Map<String, IExpr> symbols) {
    if (e.isSymbol() && !e.isBuiltInSymbol()) {
      symbols.put(e.toString(), e);
    } else if (e instanceof IAST a) {
      for (IExpr x : a) {
        collectSymbols(x, symbols);
      }
    }
  }
}
