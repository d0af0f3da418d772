package ibcheck.symbolic;

/** An expression in a theorem file that cannot be checked as written: syntax, sandbox, undefined symbol. */
public class InvalidExpressionException extends Exception {
  public InvalidExpressionException(String message) {
    super(message);
  }
}
