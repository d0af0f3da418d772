package ibcheck.spec;

/**
 * A theorem or property file that cannot be read as written. The message always names the file,
 * the line where known, and the cause, in one line.
 */
public class SpecException extends RuntimeException {
  private final String location;

  public SpecException(String location, String cause) {
    super(location + ": " + cause);
    this.location = location;
  }

  /** {@code file:line}, or just the file when no line is known. */
  public String location() {
    return location;
  }
}
