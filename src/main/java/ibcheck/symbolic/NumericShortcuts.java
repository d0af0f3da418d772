package ibcheck.symbolic;

import java.math.BigInteger;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apfloat.Apfloat;
import org.apfloat.FixedPrecisionApfloatHelper;
import org.matheclipse.core.builtin.Arithmetic;
import org.matheclipse.core.eval.EvalEngine;
import org.matheclipse.core.eval.interfaces.AbstractSymbolEvaluator;
import org.matheclipse.core.eval.interfaces.IRealConstant;
import org.matheclipse.core.eval.interfaces.ISymbolEvaluator;
import org.matheclipse.core.expression.ApfloatNum;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IRational;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * Two shortcuts in Symja's high-precision arithmetic, which the numeric witnesses spend most of
 * their time in; each gives the same number to the working precision.
 *
 * <p>{@link Powers}: in {@code N(..., 60)} Symja turns every exponent into a float and takes
 * {@code x^y = exp(y log x)}, even for {@code x^2} and {@code Sqrt(x)}; at 60 digits apfloat needs
 * 1.5 ms for that, against 0.4 us for {@code pow(x, 2)} and 7 us for {@code sqrt(x)}.
 * {@link ConstantE}: Symja computes {@code E} afresh, {@code exp(1)}, about 1 ms, wherever it appears
 * in a numeric evaluation; here once per precision. Together these were more than half of the
 * witnesses' time on the shipped theorems.
 */
final class NumericShortcuts {
  private NumericShortcuts() {}

  /** Installs both, once for the JVM (Symja's built-in symbols are shared by every evaluator). */
  static synchronized void install() {
    if (!(S.Power.getEvaluator() instanceof Powers)) {
      S.Power.setEvaluator(new Powers());
    }
    if (!(S.E.getEvaluator() instanceof ConstantE) && S.E.getEvaluator() instanceof ISymbolEvaluator e
        && e instanceof IRealConstant) {
      S.E.setEvaluator(new ConstantE(e));
    }
  }

  /**
   * Symja's {@code Power}, with integer and half-integer powers of a high-precision number taken as
   * such: {@code x^n} by repeated multiplication and {@code x^(n/2)} through {@code Sqrt(x)}, in the
   * engine's working precision. A negative base under a half-integer power (complex) and a zero base
   * under a power of at most 0 (a pole, or 0^0) stay with Symja, as does every other power.
   */
  static final class Powers extends Arithmetic.Power {
    /** Exponents beyond this stay with Symja (and repeated squaring stays a few dozen products). */
    private static final long MAX_EXPONENT = 1L << 20;

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
        BigInteger den = q.toBigDenominator();
        BigInteger num = q.toBigNumerator();
        if ((den.equals(BigInteger.ONE) || den.equals(BigInteger.TWO)) && num.bitLength() < 21) {
          return den.equals(BigInteger.ONE) ? 2 * num.longValue() : num.longValue();
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

  /**
   * Symja's {@code E}, its high-precision value computed once per precision (as Symja computes it,
   * {@code exp(1)}) instead of at each occurrence; everything else is Symja's own constant's.
   */
  static final class ConstantE extends AbstractSymbolEvaluator implements IRealConstant {
    private final ISymbolEvaluator symja;
    private final Map<Long, IExpr> byPrecision = new ConcurrentHashMap<>();

    ConstantE(ISymbolEvaluator symja) {
      this.symja = symja;
    }

    @Override
    public IExpr evaluate(ISymbol symbol, EvalEngine engine) {
      return symja.evaluate(symbol, engine);
    }

    @Override
    public IExpr numericEval(ISymbol symbol, EvalEngine engine) {
      return symja.numericEval(symbol, engine);
    }

    @Override
    public IExpr apfloatEval(ISymbol symbol, EvalEngine engine) {
      FixedPrecisionApfloatHelper digits = EvalEngine.getApfloat();
      return byPrecision.computeIfAbsent(digits.precision(), p -> F.num(digits.exp(new Apfloat(1))));
    }

    @Override
    public double evalReal() {
      return ((IRealConstant) symja).evalReal();
    }

    @Override
    public boolean isNegative() {
      return ((IRealConstant) symja).isNegative();
    }

    @Override
    public boolean isPositive() {
      return ((IRealConstant) symja).isPositive();
    }
  }
}
