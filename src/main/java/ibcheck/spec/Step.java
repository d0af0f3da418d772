package ibcheck.spec;

/**
 * One named step of a derivation: a claim in Symja syntax ({@code lhs == rhs}, an inequality, a
 * {@code Limit(...) == L} or a series {@code f == p + O(z^n)}).
 *
 * @param name what the step establishes, in words
 * @param show the claim, Symja syntax
 * @param holds whether the file asserts the claim ({@code true}) or asserts that it is FALSE
 *     ({@code expect: false}): a claim printed in a source that the suite must expose as wrong
 * @param timeoutSeconds the step's time limit
 * @param witnesses how many random points the numeric witness evaluates
 * @param note free text shown in the report
 * @param location {@code file:line}
 * @param cas whether the CAS is asked ({@code cas: off} in the file: a claim the CAS is known not to
 *     close, such as an identity between nested radicals, is witnessed only and is at best
 *     checked-numerically; the step does not spend its time limit on a hopeless Simplify)
 */
public record Step(
    String name,
    String show,
    boolean holds,
    double timeoutSeconds,
    int witnesses,
    String note,
    String location,
    boolean cas) {

  public Step(String name, String show, boolean holds, double timeoutSeconds, int witnesses, String note, String location) {
    this(name, show, holds, timeoutSeconds, witnesses, note, location, true);
  }
}
