package ibcheck.spec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a symbol ranges over: the assumption handed to the CAS and the interval numeric witnesses
 * sample from. Written in a theorem file as {@code real}, {@code positive}, {@code nonnegative},
 * {@code negative}, {@code integer}, {@code positive integer}, optionally followed by
 * {@code in [a, b]} to narrow where witnesses look, then by any of these comma-separated bounds:
 * {@code at least a}, {@code above a}, {@code at most b}, {@code below b} with numbers a, b (an
 * assumption: handed to the CAS and the prover, and the witness range must lie inside it), and
 * {@code at most n} with n another symbol: an assumption relating the two ({@code B <= n}). The
 * witness range must respect that one too (the witnesses sample each symbol on its own).
 *
 * @param kind the assumption
 * @param low lower end of the witness sampling interval
 * @param high upper end of the witness sampling interval
 * @param atMost the symbol this one is assumed not to exceed, or null
 * @param lower an assumed numeric lower bound, or null
 * @param upper an assumed numeric upper bound, or null
 */
public record Domain(Kind kind, double low, double high, String atMost, Bound lower, Bound upper) {

  public Domain(Kind kind, double low, double high) {
    this(kind, low, high, null, null, null);
  }

  /**
   * A numeric bound assumed of a symbol: {@code >= exact} ({@code > exact} when strict) or the
   * reverse; {@code exact} is the decimal as written, so the CAS and the prover see it exactly.
   */
  public record Bound(BigDecimal exact, boolean strict) {
    public double value() {
      return exact.doubleValue();
    }

    /** The bound as numerator / denominator in lowest terms (0.5 is 1/2, not a 16-digit float). */
    public BigInteger[] ratio() {
      BigDecimal d = exact.stripTrailingZeros();
      if (d.scale() <= 0) {
        return new BigInteger[] {d.toBigIntegerExact(), BigInteger.ONE};
      }
      BigInteger num = d.unscaledValue();
      BigInteger den = BigInteger.TEN.pow(d.scale());
      BigInteger g = num.gcd(den);
      return new BigInteger[] {num.divide(g), den.divide(g)};
    }

    /** The bound as written, without trailing zeros (for reports). */
    public String plain() {
      return exact.stripTrailingZeros().toPlainString();
    }

    boolean admitsAbove(double x) {
      return strict ? x > value() : x >= value();
    }

    boolean admitsBelow(double x) {
      return strict ? x < value() : x <= value();
    }
  }

  /** The assumptions a symbol can carry. */
  public enum Kind {
    REAL("Element(%s, Reals)", -20, 20),
    POSITIVE("%s > 0", 1e-3, 1e3),
    NONNEGATIVE("%s >= 0", 0, 1e3),
    NEGATIVE("%s < 0", -1e3, -1e-3),
    INTEGER("Element(%s, Integers)", -50, 50),
    POSITIVE_INTEGER("Element(%s, Integers) && %s > 0", 1, 50);

    private final String assumption;
    private final double defaultLow;
    private final double defaultHigh;

    Kind(String assumption, double defaultLow, double defaultHigh) {
      this.assumption = assumption;
      this.defaultLow = defaultLow;
      this.defaultHigh = defaultHigh;
    }

    public boolean isInteger() {
      return this == INTEGER || this == POSITIVE_INTEGER;
    }
  }

  private static final Pattern SYNTAX = Pattern.compile(
      "\\s*(real|positive|nonnegative|negative|integer|positive\\s+integer)"
          + "(?:\\s+in\\s*\\[\\s*([^,\\]]+)\\s*,\\s*([^\\]]+)\\s*\\])?((?:\\s*,[^,]+)*)\\s*", Pattern.CASE_INSENSITIVE);
  private static final Pattern BOUND = Pattern.compile(
      "\\s*(at\\s+least|above|at\\s+most|below)\\s+([A-Za-z][A-Za-z0-9]*|[-+]?[0-9][0-9.eE+-]*)\\s*", Pattern.CASE_INSENSITIVE);

  /**
   * Parses an assumption as written in a theorem file.
   *
   * @throws IllegalArgumentException naming what is wrong when the text is not an assumption
   */
  public static Domain parse(String text) {
    Matcher m = SYNTAX.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("unknown assumption '" + text.trim() + "'");
    }
    Kind kind = Kind.valueOf(m.group(1).toLowerCase(Locale.ROOT).replaceAll("\\s+", "_").toUpperCase(Locale.ROOT));
    String atMost = null;
    Bound lower = null;
    Bound upper = null;
    for (String clause : m.group(4).split(",")) {
      if (clause.isBlank()) {
        continue;
      }
      Matcher b = BOUND.matcher(clause);
      if (!b.matches()) {
        throw new IllegalArgumentException("'" + clause.trim() + "' is not a bound: write at least a, above a, at most b,"
            + " below b (numbers) or at most n (a symbol)");
      }
      String word = b.group(1).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
      String value = b.group(2);
      if (Character.isLetter(value.charAt(0))) {
        if (!word.equals("at most") || atMost != null) {
          throw new IllegalArgumentException("'" + clause.trim() + "': only 'at most n' may name a symbol, once");
        }
        atMost = value;
        continue;
      }
      Bound bound = new Bound(exactNumber(value), word.equals("above") || word.equals("below"));
      boolean isLower = word.equals("at least") || word.equals("above");
      if (isLower ? lower != null : upper != null) {
        throw new IllegalArgumentException("'" + clause.trim() + "': a second " + (isLower ? "lower" : "upper") + " bound");
      }
      if (isLower) {
        lower = bound;
      } else {
        upper = bound;
      }
    }
    if (lower != null && upper != null && !(lower.value() < upper.value())) {
      throw new IllegalArgumentException("the bounds admit no value: lower " + lower.value() + ", upper " + upper.value());
    }
    double[] range = witnessRange(m, kind, lower, upper);
    return new Domain(kind, range[0], range[1], atMost, lower, upper);
  }

  /**
   * The witness range {@code [low, high]}: the one written in the assumption, which must lie inside the
   * bounds, or the kind's default range clipped to them (a strict end moved 1 % inside).
   */
  private static double[] witnessRange(Matcher m, Kind kind, Bound lower, Bound upper) {
    double low;
    double high;
    if (m.group(2) != null) {
      low = number(m.group(2).trim());
      high = number(m.group(3).trim());
      if (!(low < high)) {
        throw new IllegalArgumentException("the witness range [" + low + ", " + high + "] is empty");
      }
      if (lower != null && !lower.admitsAbove(low) || upper != null && !upper.admitsBelow(high)) {
        throw new IllegalArgumentException("the witness range [" + m.group(2).trim() + ", " + m.group(3).trim()
            + "] must lie inside the assumed bounds (the witnesses would test points the claim does not cover)");
      }
    } else {
      // the kind's default range, clipped to the bounds; a strict end moved 1 % inside
      low = kind.defaultLow;
      high = kind.defaultHigh;
      if (lower != null && lower.value() >= low) {
        low = lower.value();
      }
      if (upper != null && upper.value() <= high) {
        high = upper.value();
      }
      if (!(low < high)) {
        throw new IllegalArgumentException("the bounds leave no witness range inside the " + m.group(1) + " numbers");
      }
      double inset = 0.01 * (high - low);
      low += lower != null && lower.strict() && low == lower.value() ? inset : 0;
      high -= upper != null && upper.strict() && high == upper.value() ? inset : 0;
    }
    return new double[] {low, high};
  }

  private static BigDecimal exactNumber(String text) {
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not a number");
    }
  }

  private static double number(String text) {
    try {
      double v = Double.parseDouble(text);
      if (Double.isFinite(v)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("'" + text + "' is not a number");
  }

  /** The assumption in Symja syntax, e.g. {@code z > 0}. */
  public String assumption(String symbol) {
    StringBuilder a = new StringBuilder(kind.assumption.replace("%s", symbol));
    if (lower != null) {
      a.append(" && ").append(symbol).append(lower.strict() ? " > " : " >= ").append(exact(lower));
    }
    if (upper != null) {
      a.append(" && ").append(symbol).append(upper.strict() ? " < " : " <= ").append(exact(upper));
    }
    if (atMost != null) {
      a.append(" && ").append(symbol).append(" <= ").append(atMost);
    }
    return a.toString();
  }

  private static String exact(Bound b) {
    BigInteger[] q = b.ratio();
    return "(" + q[0] + "/" + q[1] + ")";
  }

  /** Whether witnesses should draw log-uniformly (a positive range spanning decades). */
  public boolean logScale() {
    return low > 0 && high / low >= 100;
  }
}
