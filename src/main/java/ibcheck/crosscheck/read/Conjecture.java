package ibcheck.crosscheck.read;

import ibcheck.crosscheck.CheckKind;
import ibcheck.crosscheck.NumericCheck;
import ibcheck.symbolic.TheoremSession;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Verdict;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A cross-check of a statement that is a conjecture, or holds only under conditions the check cannot
 * confirm ({@code conjecture: true} in the file): a pass is numeric {@link Verdict#EVIDENCE}, never
 * a checked theorem; a failure stays a failure.
 */
record Conjecture(NumericCheck check) implements NumericCheck {
  @Override
  public CheckKind.Header header() {
    return check.header();
  }

  @Override
  public ClaimResult run(TheoremSession session) {
    ClaimResult r = check.run(session);
    if (!r.verdict().passes()) {
      return r;
    }
    Map<String, Object> evidence = new LinkedHashMap<>(r.evidence());
    evidence.put("conjecture", true);
    return new ClaimResult(r.name(), r.kind(), Verdict.EVIDENCE, r.seconds(),
        "numeric evidence for a conjecture, not a proof: " + r.message(), r.location(), evidence);
  }

  @Override
  public NumericCheck instantiate(Map<String, Double> drawn) {
    return new Conjecture(check.instantiate(drawn));
  }
}
