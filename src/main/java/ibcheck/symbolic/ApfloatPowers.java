package ibcheck.symbolic;

import org.apfloat.Apfloat;
import org.apfloat.FixedPrecisionApfloatHelper;
import org.matheclipse.core.builtin.Arithmetic;
import org.matheclipse.core.eval.EvalEngine;
import org.matheclipse.core.expression.ApfloatNum;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IRational;

/**
 * Symja's {@code Power}, with integer and half-integer powers of a high-precision number taken as
 * such: {@code x^n} by repeated multiplication and {@code x^(n/2)} through {@code Sqrt(x)}, in the
 * engine's working precision; everything else is Symja's own {@code Power}.
 *
 * <p>Why: in {@code N(..., 60)} Symja turns every exponent into a float and takes
 * {@code x^y = exp(y log x)} even for {@code x^2} and {@code Sqrt(x)}. At 60 digits apfloat needs
 * 1.5 ms for that, against 0.4 us for {@code pow(x, 2)} and 7 us for {@code sqrt(x)}, and it was
 * half of the numeric witnesses' time. The values are the same numbers (closer to exact, since no
 * logarithm's rounding enters); a negative base under a half-integer power (complex) and a zero base
 * under a power of at most 0 (a pole, or 0^0) stay with Symja.
 */
final class ApfloatPowers extends Arithmetic.Power {
  /** Exponents beyond this stay with Symja (and repeated squaring stays a few dozen products). */
  private static final long MAX_EXPONENT = 1L << 20;

  private ApfloatPowers() {}

  /** Installs it as the evaluator of {@code Power}, once for the JVM (Symja's built-ins are shared). */
  static synchronized void install() {
    if (!(S.Power.getEvaluator() instanceof ApfloatPowers)) {
      S.Power.setEvaluator(new ApfloatPowers());
    }
  }

  @Override
  public IExpr evaluate(IAST ast, EvalEngine engine) {
    if (ast.argSize() == 2 && ast.arg1() instanceof ApfloatNum base) {
      long twice = twiceExponent(ast.arg2());
      Apfloat b = base.apfloatValue();
      if (twice != Long.MIN_VALUE && (twice > 0 || b.signum() != 0) && (twice % 2 == 0 || b.signum() > 0)) {
        FixedPrecisionApfloatHelper digits = EvalEngine.getApfloat();
        return F.num(twice % 2 == 0 ? digits.pow(b, twice / 2) : digits.pow(digits.sqrt(b), twice));
      }
    }
    return super.evaluate(ast, engine);
  }

  /** Twice the exponent when that is an integer of modest size, else {@code Long.MIN_VALUE}. */
  private static long twiceExponent(IExpr exponent) {
    if (exponent instanceof IRational q) {
      java.math.BigInteger den = q.toBigDenominator();
      java.math.BigInteger num = q.toBigNumerator();
      if ((den.equals(java.math.BigInteger.ONE) || den.equals(java.math.BigInteger.TWO)) && num.bitLength() < 21) {
        return den.equals(java.math.BigInteger.ONE) ? 2 * num.longValue() : num.longValue();
      }
      return Long.MIN_VALUE;
    }
    if (exponent instanceof ApfloatNum e) {
      Apfloat twice = e.apfloatValue().multiply(new Apfloat(2));
      if (twice.isInteger() && twice.scale() <= 7) {
        long t = twice.longValue();
        return Math.abs(t) <= MAX_EXPONENT ? t : Long.MIN_VALUE;
      }
    }
    return Long.MIN_VALUE;
  }
}
