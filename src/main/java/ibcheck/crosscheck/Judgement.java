package ibcheck.crosscheck;

import ibcheck.verdict.ClaimKind;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Figure;
import ibcheck.verdict.Verdict;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How one run of a cross-check becomes its {@link ClaimResult}: the clock starts when the judgement
 * does, evidence and figures gather as the check computes, and it ends in a verdict
 * ({@link #holds}: agrees or disagrees with the file's claim) or an {@link #error} (the check could
 * not be run, which says nothing about the mathematics). Every message names the cross-check.
 */
public final class Judgement {
  private final CheckKind.Header header;
  private final long start = System.nanoTime();
  private final Map<String, Object> evidence = new LinkedHashMap<>();

  private Judgement(CheckKind.Header header) {
    this.header = header;
  }

  /** Starts judging the check with this header now. */
  public static Judgement start(CheckKind.Header header) {
    return new Judgement(header);
  }

  /** Adds one item of evidence (in order). */
  public Judgement evidence(String key, Object value) {
    evidence.put(key, value);
    return this;
  }

  /** Adds a figure to the evidence. */
  public Judgement figure(Figure figure) {
    figure.addTo(evidence);
    return this;
  }

  /** The evidence so far, to add to in place. */
  public Map<String, Object> evidence() {
    return evidence;
  }

  /** Seconds since the judgement started. */
  public double seconds() {
    return (System.nanoTime() - start) / 1e9;
  }

  /** The verdict: the claim holds (agrees) or not (disagrees), with the evidence gathered. */
  public ClaimResult holds(boolean holds, String message) {
    return new ClaimResult(header.name(), ClaimKind.CROSSCHECK, holds ? Verdict.AGREES : Verdict.DISAGREES,
        seconds(), message, header.location(), evidence);
  }

  /** The verdict with this evidence instead of the gathered one. */
  public ClaimResult holds(boolean holds, String message, Map<String, Object> evidence) {
    return new ClaimResult(header.name(), ClaimKind.CROSSCHECK, holds ? Verdict.AGREES : Verdict.DISAGREES,
        seconds(), message, header.location(), evidence);
  }

  /** The check could not be run; {@code where} is the {@code file:line} the cause concerns. */
  public ClaimResult error(String cause, String where) {
    return error(cause, where, Map.of());
  }

  /** As {@link #error(String, String)}, keeping this evidence of how far it got. */
  public ClaimResult error(String cause, String where, Map<String, Object> evidence) {
    return new ClaimResult(header.name(), ClaimKind.CROSSCHECK, Verdict.ERROR, seconds(),
        "cross-check '" + header.name() + "': " + cause, where, evidence);
  }

  /** The check could not be run, for a cause that concerns it as a whole. */
  public ClaimResult error(String cause) {
    return error(cause, header.location());
  }
}
