package ibcheck.report;

import ibcheck.verdict.Verdict;

/** How a verdict looks: a coloured badge, and the plain words a failed claim's page opens with. */
final class Badges {
  private Badges() {}

  static void badge(Html h, Verdict v) {
    String tone = !v.passes() ? "fail" : v.weak() ? "weak" : "pass";
    h.element("span", v.label(), "class", "badge " + tone);
  }

  /** What a failing verdict means, in words a reader who has not read the README understands. */
  static String plainWords(Verdict v) {
    return switch (v) {
      case REFUTED -> "is false: a numeric witness found a counterexample";
      case DISAGREES -> "does not hold numerically: the measured error is outside the stated tolerance";
      case FALSIFIED -> "failed on a random instance (counterexample below)";
      case CONFLICT -> "could not be settled: the computer-algebra system and the numeric witnesses disagree, so the CAS is not trusted";
      case ERROR -> "could not be checked: bad input or an internal error";
      case TIMEOUT -> "ran past its time limit";
      default -> "passed";
    };
  }
}
