package ibcheck.report;

import java.util.Locale;

/** Number formatting for the reports: locale-independent, so the bytes do not depend on the machine. */
final class Numbers {
  private Numbers() {}

  /** A measured quantity: 4 significant digits (trailing zeros dropped), scientific when small or large. */
  static String format(Object value) {
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (d == 0) {
        return "0";
      }
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        return String.valueOf(d);
      }
      double a = Math.abs(d);
      if (a >= 1e-3 && a < 1e4) {
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.4g", d)).stripTrailingZeros().toPlainString();
      }
      return String.format(Locale.ROOT, "%.3e", d);
    }
    return String.valueOf(value);
  }

  static String seconds(double s) {
    return String.format(Locale.ROOT, "%.2f s", s);
  }

  /** A number from evidence, or NaN if it is not one. */
  static double value(Object o) {
    if (o instanceof Number n) {
      return n.doubleValue();
    }
    try {
      return o == null ? Double.NaN : Double.parseDouble(o.toString());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
