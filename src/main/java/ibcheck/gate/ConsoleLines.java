package ibcheck.gate;

import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.TheoremResult;
import ibcheck.verdict.Verdict;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the gate prints as each theorem finishes: {@code [k/N]} progress, the id, the verdict, the
 * seconds, then one indented line per failing claim ({@code file:line: claim: cause}), with what the
 * CAS was left holding when it could not close the claim. Colours only where a person reads a
 * terminal: a log file or a pipe gets plain text.
 */
final class ConsoleLines {
  private static final String RESET = "\u001B[0m";
  private static final int MAX_RESIDUAL = 200;
  private final boolean colour;

  /** @param colour ANSI colours for the verdict (a terminal only) */
  ConsoleLines(boolean colour) {
    this.colour = colour;
  }

  /** Whether standard output is a terminal that wants colours ({@code NO_COLOR} set: no). */
  static boolean terminalWantsColour() {
    return System.console() != null && System.getenv("NO_COLOR") == null;
  }

  /** The lines of the {@code k}-th of {@code n} results (progress shown once there is more than one). */
  String theorem(TheoremResult r, int k, int n) {
    String progress = n > 1 ? String.format(Locale.ROOT, "[%" + digits(n) + "d/%d] ", k, n) : "";
    StringBuilder b = new StringBuilder(progress).append(String.format(Locale.ROOT, "%-40s ", r.id()))
        .append(paint(r.verdict(), String.format(Locale.ROOT, "%-20s", r.verdict().label())))
        .append(String.format(Locale.ROOT, " %6.2f s", r.seconds()));
    for (ClaimResult c : r.claims()) {
      if (!c.verdict().passes()) {
        b.append(System.lineSeparator()).append("    ").append(c.location()).append(": ").append(c.name())
            .append(": ").append(paint(c.verdict(), c.verdict().label())).append(": ").append(c.message())
            .append(casResidual(c));
      }
    }
    return b.toString();
  }

  /**
   * What the CAS reduced the claim to when it did not close it (e.g. the simplified difference
   * {@code lhs - rhs}), cut to one readable length; empty when it closed it, gave none, was never
   * asked, or the message already says it.
   */
  static String casResidual(ClaimResult c) {
    if (!(c.evidence().get("cas") instanceof Map<?, ?> cas) || "true".equals(cas.get("outcome"))) {
      return "";
    }
    String text = String.valueOf(cas.get("result")).trim();
    if (Set.of("", "null", "not attempted", "not finished").contains(text) || c.message().contains(text)) {
      return "";
    }
    return " [CAS left: " + (text.length() > MAX_RESIDUAL ? text.substring(0, MAX_RESIDUAL) + "..." : text) + "]";
  }

  private String paint(Verdict v, String text) {
    if (!colour) {
      return text;
    }
    String code = !v.passes() ? "\u001B[31m" : v.weak() ? "\u001B[33m" : "\u001B[32m";
    return code + text + RESET;
  }

  private static int digits(int n) {
    return String.valueOf(n).length();
  }
}
