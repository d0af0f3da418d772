package ibcheck.flow;

/**
 * The flow diverged or did not meet its stopping rule within its budget. The message names the
 * model, the cause and the last certificate; {@link #last()} carries it for reports.
 */
public final class FlowFailedException extends RuntimeException {
  private final String model;
  private final transient Certificate last;

  public FlowFailedException(String model, String cause, Certificate last) {
    super("gradient flow of model '" + model + "' " + cause
        + (last == null ? " before its first step" : "; last certificate: " + last));
    this.model = model;
    this.last = last;
  }

  public String model() {
    return model;
  }

  /** The state after the last accepted step, or null when none was accepted. */
  public Certificate last() {
    return last;
  }
}
