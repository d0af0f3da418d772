package ibcheck.symbolic.prove;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.jas.arith.BigRational;
import edu.jas.poly.GenPolynomialRing;
import ibcheck.symbolic.SymjaSession;
import org.junit.jupiter.api.Test;
import org.matheclipse.core.interfaces.IExpr;

/**
 * Rational functions in exact sparse polynomials: sums over shared denominators, reciprocals,
 * reduction modulo t^n = P/Q, the limits that hand a computation back to Symja, and matrix inverses.
 */
class PolynomialFractionTest {
  private static final SymjaSession CAS = new SymjaSession();
  private static final GenPolynomialRing<BigRational> RING = new GenPolynomialRing<>(BigRational.ZERO,
      new String[] {"x", "y", "t"});

  private static PolynomialFraction of(String text) throws Exception {
    return PolynomialFraction.of(CAS.parse(text), RING);
  }

  @Test
  void aRationalIdentityHasTheZeroNumeratorAndAnotherDoesNot() throws Exception {
    assertTrue(of("(x^2 - 1)/(x - 1) - (x + 1)").numerator().isZERO());
    assertTrue(of("1/(x*(x + 1)) - 1/x + 1/(x + 1)").numerator().isZERO());
    assertFalse(of("1/(x*(x + 1)) - 1/x - 1/(x + 1)").numerator().isZERO());
    // shared denominators stay shared: 1/(x+y)^2 + 1/(x+y)^2 has the one factor (x+y) squared
    assertEquals(java.util.Map.of(RING.parse("x + y"), 2), of("1/(x + y)^2 + 1/(x + y)^2").denominator());
  }

  @Test
  void aDivisionByTheZeroPolynomialIsNotARationalFunction() {
    assertThrows(PolynomialFraction.NotRational.class, () -> of("1/(x - x)"));
    assertThrows(PolynomialFraction.NotRational.class, () -> of("Sin(x)"));
    assertThrows(PolynomialFraction.NotRational.class, () -> of("z + 1"));
  }

  @Test
  void powersOfTAtOrAboveTheDegreeAreReplacedByTheRelation() throws Exception {
    int t = PolynomialFraction.position(RING, "t");
    // t^3 - x t with t^2 = x: t x - x t = 0
    assertTrue(PolynomialFraction.reduce(RING.parse("t^3 - x*t"), t, 2, RING.parse("x"), RING.getONE()).isZERO());
    // t^2 = x/y: y (t^2 - x/y) -> x - x = 0 once multiplied by Q = y
    assertTrue(PolynomialFraction.reduce(RING.parse("y*t^2 - x"), t, 2, RING.parse("x"), RING.parse("y")).isZERO());
    // t^3 + t with t^2 = x: t (x + 1), not 0
    assertEquals(RING.parse("x*t + t"), PolynomialFraction.reduce(RING.parse("t^3 + t"), t, 2, RING.parse("x"), RING.getONE()));
  }

  @Test
  void aProductPastTheLimitsIsRefusedBeforeItIsComputed() {
    assertThrows(PolynomialFraction.TooLarge.class, () -> of("(1 + x + y + t)^60*(2 + x + y + t)^60"));
  }

  @Test
  void theInverseByCofactorsTimesTheMatrixIsTheIdentity() throws Exception {
    IExpr m = CAS.parse("{{x, y, 1}, {1, x + 1/y, t}, {t, 0, x*y}}");
    IExpr inverse = FractionMatrix.inverse(m);
    assertNotNull(inverse);
    assertEquals("{{1,0,0},{0,1,0},{0,0,1}}",
        CAS.eval(CAS.parse("Together(" + inverse + " . " + m + ")")).toString().replace("\n", ""));
    assertNull(FractionMatrix.inverse(CAS.parse("{{x, y}, {2*x, 2*y}}")), "singular: det is the zero polynomial");
  }
}
