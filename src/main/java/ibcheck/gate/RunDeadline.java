package ibcheck.gate;

/**
 * The whole run's time limit as an instant of {@link System#nanoTime()}. Every claim runs under the
 * smaller of its own limit and what is left of the run, so a theorem of never-ending steps cannot
 * carry the run past its limit.
 *
 * @param nanos the instant the run must end by
 * @param limitSeconds the limit as the user gave it, for messages
 */
record RunDeadline(long nanos, double limitSeconds) {
  /** No limit in practice: for checking one theorem outside a run. */
  static final RunDeadline NONE = new RunDeadline(Long.MAX_VALUE, Double.POSITIVE_INFINITY);

  /** The deadline {@code seconds} from now. */
  static RunDeadline after(double seconds) {
    return new RunDeadline(System.nanoTime() + (long) (seconds * 1e9), seconds);
  }

  /** Seconds left, 0 once the limit has passed. */
  double remainingSeconds() {
    if (nanos == Long.MAX_VALUE) {
      return Double.POSITIVE_INFINITY;
    }
    return Math.max(0, (nanos - System.nanoTime()) / 1e9);
  }

  /** A claim's own limit, cut to what is left of the run. */
  double bound(double ownLimitSeconds) {
    return Math.min(ownLimitSeconds, remainingSeconds());
  }

  /** Why a check stopped or never started once the run's limit is what cut it. */
  String ranOut(String when) {
    return "the run's time limit of " + limitSeconds + " s ran out " + when + " (raise --time-limit or -Dibcheck.timeLimit)";
  }
}
