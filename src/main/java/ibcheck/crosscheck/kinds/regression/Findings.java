package ibcheck.crosscheck.kinds.regression;

import java.util.ArrayList;
import java.util.List;

/**
 * What the comparisons of one check found, in order: the claim holds when nothing failed, and the
 * message lists the failures if there are any, else the passes.
 */
final class Findings {
  private final List<String> passes = new ArrayList<>();
  private final List<String> failures = new ArrayList<>();

  void pass(String finding) {
    passes.add(finding);
  }

  void fail(String finding) {
    failures.add(finding);
  }

  /** {@code pass(finding)} when ok, else {@code fail(failure)}. */
  void add(boolean ok, String finding, String failure) {
    if (ok) {
      pass(finding);
    } else {
      fail(failure);
    }
  }

  boolean ok() {
    return failures.isEmpty();
  }

  String message() {
    return String.join("; ", ok() ? passes : failures);
  }
}
