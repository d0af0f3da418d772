package ibcheck.gate;

import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;

/**
 * Fixes the digits of the constants that Symja's arbitrary-precision arithmetic (apfloat) caches for
 * the whole JVM: pi and log(10). apfloat computes them on first use at the precision asked for and
 * later extends the cached value when more digits are wanted, so their trailing digits, and with them
 * the last digits of a 60-digit witness residual, depended on which theorems had run before and on
 * which thread got there first. Computed once here, far beyond any precision the gate asks for, every
 * later use takes the same rounded value whatever the order of theorems or the number of threads.
 */
final class HighPrecisionConstants {
  /** Well above the witnesses' 60 digits and the few guard digits Symja adds. */
  static final long DIGITS = 1000;

  private HighPrecisionConstants() {}

  /** Runs once per JVM (class initialisation is thread-safe). */
  static void fix() {
    Once.DONE.hashCode();
  }

  private enum Once {
    DONE;

    Once() {
      ApfloatMath.pi(DIGITS);
      // a number with a non-zero exponent: its logarithm caches log of the radix as well
      ApfloatMath.log(new Apfloat("123.456", DIGITS));
    }
  }
}
