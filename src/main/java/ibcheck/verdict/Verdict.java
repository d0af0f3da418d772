package ibcheck.verdict;

/**
 * What a check established about one claim. The vocabulary is the user's: a verdict is a claim
 * about mathematics, so "proved" is reserved for what a computer-algebra system closed AND numeric
 * witnesses confirmed; what was only sampled is visibly weaker.
 */
public enum Verdict {
  /** The CAS closed the claim and every high-precision witness agrees. */
  PROVED("proved", true),
  /** The CAS could not close the claim; every high-precision witness agrees. Weaker than proved. */
  CHECKED_NUMERICALLY("checked-numerically", true),
  /** A numeric cross-check is within its stated tolerance. */
  AGREES("agrees", true),
  /** A property held on every try. */
  HELD("held", true),
  /**
   * A cross-check of a conjecture (or of a statement whose conditions the check cannot confirm)
   * agrees: numeric evidence, visibly weaker than a checked theorem.
   */
  EVIDENCE("evidence", true),
  /** A counterexample to a symbolic claim was found. */
  REFUTED("refuted", false),
  /** A numeric cross-check exceeded its tolerance. */
  DISAGREES("disagrees", false),
  /** A property failed on some try (shrunk counterexample shown). */
  FALSIFIED("falsified", false),
  /** The CAS and the numeric witnesses disagree: the CAS is not trusted. */
  CONFLICT("conflict", false),
  /** Bad input or an exception: the claim could not be checked. */
  ERROR("error", false),
  /** The check ran past its time limit. */
  TIMEOUT("timeout", false);

  private final String label;
  private final boolean passes;

  Verdict(String label, boolean passes) {
    this.label = label;
    this.passes = passes;
  }

  /** The word used in reports and summary.json. */
  public String label() {
    return label;
  }

  /** A pass that is weaker than a proof or a checked statement: sampled, or evidence for a conjecture. */
  public boolean weak() {
    return this == CHECKED_NUMERICALLY || this == EVIDENCE;
  }

  /** Whether the gate lets this verdict through. */
  public boolean passes() {
    return passes;
  }

  /**
   * The verdict of a whole theorem: the worst of its claims. A failure outranks every pass, and among
   * failures what was established about the mathematics comes first: a counterexample (refuted,
   * disagrees, falsified) over a conflict between the CAS and the witnesses, over an input error,
   * over a time-out. One refuted step is the news, whatever else went wrong.
   */
  public static Verdict worst(Iterable<Verdict> verdicts) {
    Verdict worst = null;
    for (Verdict v : verdicts) {
      if (worst == null || rank(v) > rank(worst)) {
        worst = v;
      }
    }
    return worst == null ? ERROR : worst;
  }

  private static int rank(Verdict v) {
    return switch (v) {
      case PROVED, AGREES, HELD -> 0;
      case CHECKED_NUMERICALLY -> 1;
      case EVIDENCE -> 2;
      case TIMEOUT -> 3;
      case ERROR -> 4;
      case CONFLICT -> 5;
      case REFUTED, DISAGREES, FALSIFIED -> 6;
    };
  }

  @Override
  public String toString() {
    return label;
  }
}
