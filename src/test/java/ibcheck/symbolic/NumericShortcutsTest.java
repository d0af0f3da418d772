package ibcheck.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.matheclipse.core.expression.ApfloatNum;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IExpr;

/**
 * Integer and half-integer powers of high-precision numbers, taken as such (not as exp(y log x)),
 * and E computed once per precision give the same numbers to the working precision; what they do
 * not cover keeps Symja's meaning.
 */
class NumericShortcutsTest {
  private final SymjaSession session = new SymjaSession();

  private IExpr n60(String input) {
    return session.evalInternal("N(" + input + ", 60)");
  }

  @Test
  void everySessionUsesThem() {
    assertInstanceOf(NumericShortcuts.Powers.class, S.Power.getEvaluator());
    assertInstanceOf(NumericShortcuts.ConstantE.class, S.E.getEvaluator());
  }

  /** E and E^x to 60 digits, against apfloat's exp at 80; E stays a symbol outside N, and positive. */
  @Test
  void theConstantEIsEToSixtyDigitsAndStillASymbol() {
    for (String x : new String[] {"1", "3/7", "-5/2"}) {
      IExpr got = n60("E^(" + x + ")");
      Apfloat want = ApfloatMath.exp(new org.apfloat.Aprational(x.replace("(", "").replace(")", "")).precision(80));
      Apfloat error = ApfloatMath.abs(((ApfloatNum) got).apfloatValue().subtract(want));
      assertTrue(error.compareTo(new Apfloat("1e-57", 80)) < 0, "E^" + x + " = " + got);
    }
    assertEquals("E", session.evalInternal("E").toString());
    assertTrue(session.evalInternal("Positive(E - 2)").isTrue());
    assertEquals(Math.E, n60("E").evalf(), 1e-15);
  }

  /** x^(p/q) at x = 3/7 against apfloat at 80 digits, computed as a root then a power. */
  @ParameterizedTest(name = "(3/7)^({0}/{1})")
  @CsvSource({"2, 1", "-3, 1", "17, 1", "1, 2", "-1, 2", "3, 2", "-7, 2", "0, 1"})
  void rootsAndPowersAgreeWithApfloatToSixtyDigits(long p, long q) {
    IExpr got = n60("Block({x = 3/7}, x^(" + p + "/" + q + "))");
    Apfloat x = new Apfloat(3, 80).divide(new Apfloat(7, 80));
    Apfloat want = ApfloatMath.pow(q == 1 ? x : ApfloatMath.sqrt(x), p);
    Apfloat error = ApfloatMath.abs(((ApfloatNum) got).apfloatValue().subtract(want));
    assertTrue(error.compareTo(new Apfloat("1e-57", 80)) < 0, got + " against " + want);
  }

  @Test
  void whatIsNotARealPowerStaysWithSymja() {
    assertTrue(n60("(-2)^(1/2)").toString().contains("I"), "a negative base under a half power is imaginary");
    assertTrue(n60("Block({x = 0}, x^(-1))").isComplexInfinity(), "a pole");
    assertTrue(n60("Block({x = 0, y = 0}, x^y)").isIndeterminate(), "0^0");
    assertTrue(n60("(-8)^(1/3)").toString().contains("I"), "a cube root of a negative number is Symja's principal value");
    assertEquals(-8.0, n60("(-2)^3").evalf(), 0.0);
  }
}
