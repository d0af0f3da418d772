package ibcheck.crosscheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibcheck.TheoremFiles;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutated copies of the shipped Wu-Ma-E files run through the gate: each plausible slip turns the gate
 * red on the claim that should catch it, symbolically and in the numeric cross-check.
 */
class SgdStabilityMutantsTest {
  static final String ONE_D = "wu2018-sgd-stability-1d";
  static final String HIGH_D = "wu2018-sgd-stability-highdim";
  static final String MOMENT_1D = "E x_{t+1} and E x_{t+1}^2 from the file's factors equal the exact averages over all batches (random a_i, n = 6 and 9, every B)";
  static final String STABILITY_1D = "the critical learning rate where secm reaches 1 is the exact one, and 0 <= a <= 2/eta, s <= sqrt(B(n-1)/(n-B))/eta hold just below it";
  static final String MINIBATCH = "the minibatch identity E[a_xi^2] = a^2 + s^2 (n-B)/(B(n-1)) holds exactly for every n <= 6 and B <= n (all C(n, B) batches enumerated)";
  static final String RECURSION = "hence E x_{t+1}^2 = E[(1 - eta a_xi)^2] E x_t^2 = secm E x_t^2 (n = 6, every B, all batches enumerated; smaller n follow from the identity above)";
  static final String RIGHT_EDGE = "the right edge a = 2/eta of the stability rectangle is where the mean part reaches 1";

  @TempDir Path dir;

  /** The shipped file with {@code from} replaced by {@code to} in formulas only (show, define, predicts), never in names. */
  private TheoremFiles.Run mutate(String id, String from, String to) throws IOException {
    String shipped = Files.readString(Path.of("theorems/" + id + ".yaml"));
    StringBuilder out = new StringBuilder();
    boolean changed = false;
    for (String line : shipped.split("\n", -1)) {
      boolean formula = !line.trim().startsWith("- name:") && !line.trim().startsWith("name:");
      if (formula && line.contains(from)) {
        line = line.replace(from, to);
        changed = true;
      }
      out.append(line).append('\n');
    }
    assertTrue(changed, "the shipped file no longer contains '" + from + "' in a formula");
    return TheoremFiles.check(dir, Map.of(id + ".yaml", out.toString()));
  }

  @Test
  void theShippedOneDimensionalFilePasses() throws IOException {
    TheoremFiles.Run run = TheoremFiles.check(dir, Map.of("t.yaml", Files.readString(Path.of("theorems/" + ONE_D + ".yaml"))));
    assertTrue(run.theorem(ONE_D).claims().stream().allMatch(c -> c.verdict().passes()), run.output());
  }

  @Test
  void oneOverEtaInsteadOfTwoOverEtaIsCaught() throws IOException {
    TheoremFiles.Run run = mutate(ONE_D, "2/eta", "1/eta");
    ClaimResult edge = run.claim(ONE_D, RIGHT_EDGE);
    assertEquals(Verdict.REFUTED, edge.verdict(), edge.message());
    ClaimResult stability = run.claim(ONE_D, STABILITY_1D);
    assertEquals(Verdict.DISAGREES, stability.verdict(), stability.message());
    assertTrue(stability.message().contains("necessary condition"), stability.message());
  }

  @Test
  void batchFactorOverBnInsteadOfBnMinusOneIsCaught() throws IOException {
    TheoremFiles.Run run = mutate(ONE_D, "vb(n_, B_): (n - B)/(B*(n - 1))", "vb(n_, B_): (n - B)/(B*n)");
    ClaimResult identity = run.claim(ONE_D, MINIBATCH);
    assertEquals(Verdict.REFUTED, identity.verdict(), identity.message());
    ClaimResult moment = run.claim(ONE_D, MOMENT_1D);
    assertEquals(Verdict.DISAGREES, moment.verdict(), moment.message());
    assertTrue(moment.message().contains("second-moment formula"), moment.message());
  }

  @Test
  void sInsteadOfSSquaredIsCaught() throws IOException {
    TheoremFiles.Run run = mutate(ONE_D, "eta^2*vb(n, B)*s^2", "eta^2*vb(n, B)*s");
    ClaimResult recursion = run.claim(ONE_D, RECURSION);
    assertEquals(Verdict.REFUTED, recursion.verdict(), recursion.message());
    ClaimResult moment = run.claim(ONE_D, MOMENT_1D);
    assertEquals(Verdict.DISAGREES, moment.verdict(), moment.message());
  }

  @Test
  void highDimensionalBatchFactorMutantIsCaughtByEnumerationAndCrosschecks() throws IOException {
    TheoremFiles.Run run = mutate(HIGH_D, "vb(n_, B_): (n - B)/(B*(n - 1))", "vb(n_, B_): (n - B)/(B*n)");
    ClaimResult operator = run.claim(HIGH_D, "the variance of the batch mean without replacement — E[H_xi^2] = H^2 + (n-B)/(B(n-1)) Sigma for B = 1, 2, 3 (n = 3, all batches, non-commuting H_i)");
    assertEquals(Verdict.REFUTED, operator.verdict(), operator.message());
    ClaimResult moment = run.claim(HIGH_D, "the file's operator equals E[(I - eta H_xi)^2] averaged over all batches (random PSD H_i, d = 3, n = 6, every B)");
    assertEquals(Verdict.DISAGREES, moment.verdict(), moment.message());
    ClaimResult critical = run.claim(HIGH_D, "the critical eta where lambda_max of the operator reaches 1 is the exact one, and 0 <= a <= 2/eta, s <= sqrt(B(n-1)/(n-B))/eta hold below it (d = 3)");
    assertEquals(Verdict.DISAGREES, critical.verdict(), critical.message());
    assertTrue(critical.message().contains("reaches 1 at eta"), critical.message());
  }

  @Test
  void aSharpnessBoundOfOneOverEtaIsCaughtByGradientDescentOnTheNetwork() throws IOException {
    TheoremFiles.Run run = mutate(HIGH_D, "bound: 2/eta", "bound: 1/eta");
    ClaimResult r = run.claim(HIGH_D, "GD on a two-layer tanh network (20 points, 5 inputs, 20 hidden; MSE) — the sharpness of the minimum found is <= 2/eta, and close to it at the largest eta");
    assertEquals(Verdict.DISAGREES, r.verdict(), r.message());
    assertTrue(r.message().contains("GD converged to a minimum of sharpness"), r.message());
  }

  @Test
  void aSettingTheModelDoesNotHaveIsAnErrorWithALine() throws IOException {
    TheoremFiles.Run run = mutate(ONE_D, "init: {dim: 1, seed: 11}", "init: {dim: 1, seed: 11, alpha: 2}");
    ClaimResult r = run.theorem(ONE_D).claims().get(0);
    assertEquals(Verdict.ERROR, r.verdict(), r.message());
    assertTrue(r.message().contains("'alpha' is not a setting of model 'sgd-quadratic'"), r.message());
    assertNotEquals(null, r.location());
  }
}
