package ibcheck.property;

/**
 * One quantity a property ranges over, as written under {@code forall:}. Bounds are expressions that
 * may use quantities declared before this one ({@code cols: int in [rows + 1, 20]}).
 *
 * @param name the quantity's name in the predicate
 * @param distribution how it is drawn
 * @param low lower bound, Symja syntax
 * @param high upper bound, Symja syntax
 * @param location {@code file:line}
 */
public record Quantity(String name, Distribution distribution, String low, String high, String location) {

  /** How a quantity is drawn. */
  public enum Distribution {
    /** Uniform on [low, high]. */
    REAL("real"),
    /** exp of a uniform on [log low, log high]: scales spanning decades, e.g. alpha. */
    LOG_UNIFORM("log-uniform"),
    /** Uniform integer in [low, high]. */
    INT("int");

    public final String word;

    Distribution(String word) {
      this.word = word;
    }
  }
}
