package ibcheck.symbolic;

/**
 * What the computer-algebra system said about a claim.
 *
 * @param status whether Symja closed the claim, found it false, or could not decide
 * @param method what was asked of Symja, e.g. {@code Simplify(lhs - rhs, assumptions)}
 * @param result what Symja answered, as text
 */
public record CasOutcome(Status status, String method, String result) {
  public enum Status {
    TRUE("closed the claim"),
    FALSE("says the claim is false"),
    OPEN("could not decide");

    public final String words;

    Status(String words) {
      this.words = words;
    }
  }

  /** A result cut to 400 characters for the evidence: an exact value can run to pages. */
  static String shorten(String value) {
    return value.length() > 400 ? value.substring(0, 400) + "..." : value;
  }
}
