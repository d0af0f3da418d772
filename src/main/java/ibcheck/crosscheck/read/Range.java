package ibcheck.crosscheck.read;

/**
 * The values a numeric field of a cross-check allows: an interval whose ends may be open, closed or
 * absent (infinite). It states the bounds once, for the reader's check, the JSON schema and the docs.
 *
 * @param low the lower end, or negative infinity
 * @param lowOpen whether {@code low} itself is excluded
 * @param high the upper end, or positive infinity
 * @param highOpen whether {@code high} itself is excluded
 */
public record Range(double low, boolean lowOpen, double high, boolean highOpen) {
  /** Any finite number. */
  public static final Range ANY = new Range(Double.NEGATIVE_INFINITY, true, Double.POSITIVE_INFINITY, true);

  /** {@code (low, high)}. */
  public static Range open(double low, double high) {
    return new Range(low, true, high, true);
  }

  /** {@code [low, high]}. */
  public static Range closed(double low, double high) {
    return new Range(low, false, high, false);
  }

  /** {@code (low, high]}. */
  public static Range openClosed(double low, double high) {
    return new Range(low, true, high, false);
  }

  /** {@code (low, infinity)}. */
  public static Range above(double low) {
    return new Range(low, true, Double.POSITIVE_INFINITY, true);
  }

  /** {@code [low, infinity)}. */
  public static Range atLeast(double low) {
    return new Range(low, false, Double.POSITIVE_INFINITY, true);
  }

  public boolean hasLow() {
    return low != Double.NEGATIVE_INFINITY;
  }

  public boolean hasHigh() {
    return high != Double.POSITIVE_INFINITY;
  }

  public boolean contains(double v) {
    boolean aboveLow = !hasLow() || (lowOpen ? v > low : v >= low);
    boolean belowHigh = !hasHigh() || (highOpen ? v < high : v <= high);
    return aboveLow && belowHigh; // NaN is in no range
  }

  /** The range in words, for messages and docs: {@code in (0, 1)}, {@code at least 10}, {@code above 0}. */
  public String describe() {
    if (hasLow() && hasHigh()) {
      return "in " + (lowOpen ? "(" : "[") + plain(low) + ", " + plain(high) + (highOpen ? ")" : "]");
    }
    if (hasLow()) {
      return (lowOpen ? "above " : "at least ") + plain(low);
    }
    if (hasHigh()) {
      return (highOpen ? "below " : "at most ") + plain(high);
    }
    return "any number";
  }

  /** A bound as a reader would write it: 10, not 10.0; 1.0E-6 stays as Java prints it. */
  static String plain(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
