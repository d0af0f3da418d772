package ibcheck.report;

import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Verdict;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** How a verdict looks: a coloured badge, and the plain words a failed claim's page opens with. */
final class Badges {
  private Badges() {}

  static void badge(Html h, Verdict v) {
    h.element("span", v.label(), "class", "badge " + tone(v));
  }

  private static String tone(Verdict v) {
    return !v.passes() ? "fail" : v.weak() ? "weak" : "pass";
  }

  /**
   * How many claims got each verdict, as badges in the verdicts' declared order (strongest pass
   * first), e.g. "13 proved · 4 checked-numerically": the theorem's own badge shows only the worst.
   */
  static void counts(Html h, List<ClaimResult> claims) {
    Map<Verdict, Integer> n = byVerdict(claims);
    h.open("span", "class", "counts");
    boolean first = true;
    for (Map.Entry<Verdict, Integer> e : n.entrySet()) {
      h.text(first ? "" : " ");
      h.element("span", e.getValue() + " " + e.getKey().label(), "class", "badge " + tone(e.getKey()), "data-verdict",
          e.getKey().label());
      first = false;
    }
    h.close("span");
  }

  static Map<Verdict, Integer> byVerdict(List<ClaimResult> claims) {
    Map<Verdict, Integer> n = new EnumMap<>(Verdict.class);
    claims.forEach(c -> n.merge(c.verdict(), 1, Integer::sum));
    return n;
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
