package ibcheck.spec;

/**
 * One entry of a theorem's {@code define:} block: {@code q(z_): 2 - Sqrt(4 + z^2) + ...} becomes
 * the Symja delayed definition {@code q(z_) := ...}.
 *
 * @param lhs the defined name with its pattern arguments, e.g. {@code q(z_)}, or a bare name
 * @param rhs the defining expression, Symja syntax
 * @param location {@code file:line}
 */
public record Definition(String lhs, String rhs, String location) {

  /** The name being defined: {@code q} for {@code q(z_)}. */
  public String name() {
    int paren = lhs.indexOf('(');
    return (paren < 0 ? lhs : lhs.substring(0, paren)).trim();
  }

  /** The Symja input that makes the definition. */
  public String symja() {
    return lhs + " := (" + rhs + ")";
  }
}
