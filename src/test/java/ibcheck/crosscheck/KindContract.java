package ibcheck.crosscheck;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Verdict;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What every kind's test class asserts, on its {@link KindFixture}: a true claim on a small instance
 * passes (the verdict the gate gives), a wrong variant is rejected, and one bad field gives its exact
 * {@code file:line} and message. A kind's test extends this with its cross-check written once as a
 * template with one slot, the slot's right and wrong values, and the bad field; it may add assertions
 * on the results ({@link #passes}, {@link #rejected}) and tests of its own.
 */
public abstract class KindContract {
  @RegisterExtension protected final KindFixture fixture;
  private final Claims claims;

  /**
   * The template's slot filled with a right value, a wrong one, and a bad field written into the right
   * claim.
   *
   * @param slot the placeholder in the template
   * @param badFrom text of the right claim that the bad field replaces
   * @param badTo what replaces it
   * @param badAt text of the line the error must name
   * @param message the error's exact message
   */
  public record Claims(String template, String slot, String right, String wrong, Verdict wrongVerdict,
      String badFrom, String badTo, String badAt, String message) {
    public String rightClaim() {
      return fill(right);
    }

    public String fill(String value) {
      if (!template.contains(slot)) {
        throw new AssertionError("the template has no " + slot);
      }
      return template.replace(slot, value);
    }
  }

  protected KindContract(KindFixture fixture, Claims claims) {
    this.fixture = fixture;
    this.claims = claims;
  }

  /** The right claim: passes, and then the kind's own assertions on it. */
  @Test
  void aTrueClaimOnASmallInstancePasses() {
    passes(fixture.assertVerdict(Verdict.AGREES, claims.rightClaim()));
  }

  /** The wrong variant: rejected with the verdict the contract states, and then the kind's own assertions. */
  @Test
  void aWrongVariantIsRejected() {
    rejected(fixture.assertVerdict(claims.wrongVerdict(), claims.fill(claims.wrong())));
  }

  @Test
  void aBadFieldNamesItsLineAndCause() {
    String right = claims.rightClaim();
    if (!right.contains(claims.badFrom())) {
      throw new AssertionError("the right claim has no '" + claims.badFrom() + "'");
    }
    fixture.assertReadingError(right.replace(claims.badFrom(), claims.badTo()), claims.badAt(), claims.message());
  }

  /**
   * A property's draw of a quantity the check has no setting for is refused alike by every kind,
   * naming the quantity, the check and the settings it has.
   */
  @Test
  void aPropertyDrawsOnlyTheChecksSettings() {
    NumericCheck check = fixture.read(claims.rightClaim());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> check.instantiate(Map.of("nosuchsetting", 1.0)));
    String expected = "'nosuchsetting' is not a setting of cross-check '" + check.name() + "' (settings: ";
    assertTrue(e.getMessage().startsWith(expected), e.getMessage());
  }

  /** Further assertions on the right claim's result. */
  protected void passes(ClaimResult r) {}

  /** Further assertions on the wrong variant's result. */
  protected void rejected(ClaimResult r) {}
}
