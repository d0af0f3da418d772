package ibcheck.spec;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a symbol ranges over: the assumption handed to the CAS and the interval numeric witnesses
 * sample from. Written in a theorem file as {@code real}, {@code positive}, {@code nonnegative},
 * {@code negative}, {@code integer}, {@code positive integer}, optionally followed by
 * {@code in [a, b]} to narrow where witnesses look, and optionally by {@code , at most n} with n
 * another symbol: an assumption relating the two ({@code B <= n}), handed to the CAS and the prover.
 * The witness range must respect it (the witnesses sample each symbol on its own).
 *
 * @param kind the assumption
 * @param low lower end of the witness sampling interval
 * @param high upper end of the witness sampling interval
 * @param atMost the symbol this one is assumed not to exceed, or null
 */
public record Domain(Kind kind, double low, double high, String atMost) {

  public Domain(Kind kind, double low, double high) {
    this(kind, low, high, null);
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
          + "(?:\\s+in\\s*\\[\\s*([^,\\]]+)\\s*,\\s*([^\\]]+)\\s*\\])?"
          + "(?:\\s*,\\s*at\\s+most\\s+([A-Za-z][A-Za-z0-9]*))?\\s*", Pattern.CASE_INSENSITIVE);

  /** Parses an assumption as written in a theorem file; null when it is not one. */
  public static Domain parse(String text) {
    Matcher m = SYNTAX.matcher(text);
    if (!m.matches()) {
      return null;
    }
    Kind kind = Kind.valueOf(m.group(1).toLowerCase(Locale.ROOT).replaceAll("\\s+", "_").toUpperCase(Locale.ROOT));
    double low = kind.defaultLow;
    double high = kind.defaultHigh;
    if (m.group(2) != null) {
      try {
        low = Double.parseDouble(m.group(2).trim());
        high = Double.parseDouble(m.group(3).trim());
      } catch (NumberFormatException e) {
        return null;
      }
      if (!(low < high)) {
        return null;
      }
    }
    return new Domain(kind, low, high, m.group(4));
  }

  /** The assumption in Symja syntax, e.g. {@code z > 0}. */
  public String assumption(String symbol) {
    String own = kind.assumption.replace("%s", symbol);
    return atMost == null ? own : own + " && " + symbol + " <= " + atMost;
  }

  /** Whether witnesses should draw log-uniformly (a positive range spanning decades). */
  public boolean logScale() {
    return low > 0 && high / low >= 100;
  }
}
