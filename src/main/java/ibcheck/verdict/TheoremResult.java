package ibcheck.verdict;

import java.util.List;

/**
 * The outcome of checking one theorem file: every claim's result and the theorem's overall verdict
 * (the worst claim verdict).
 */
public record TheoremResult(
    String id, String title, String source, String file, double seconds, List<ClaimResult> claims) {

  public TheoremResult {
    claims = List.copyOf(claims);
  }

  public Verdict verdict() {
    return Verdict.worst(claims.stream().map(ClaimResult::verdict).toList());
  }

  public boolean passes() {
    return verdict().passes();
  }
}
