package ibcheck.symbolic;

import ibcheck.spec.Step;
import ibcheck.symbolic.CasOutcome.Status;
import ibcheck.verdict.ClaimKind;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Verdict;
import java.util.LinkedHashMap;
import java.util.Map;
import org.matheclipse.core.interfaces.IExpr;

/**
 * Checks one derivation step: parse, sandbox, classify, ask the CAS, run the numeric witness, and
 * combine the two into a verdict.
 *
 * <p>For a step the file asserts ({@code expect: true}): CAS closed + witnesses agree = proved; CAS
 * open + witnesses agree = checked-numerically; a witness counterexample = refuted (conflict if the
 * CAS had closed it); CAS says false but witnesses agree = conflict. For a step the file asserts to
 * be FALSE ({@code expect: false}) the roles swap: a counterexample proves the assertion (proved if
 * the CAS also finds the claim false, else checked-numerically), and a claim that holds at every
 * witness refutes it.
 */
public final class StepChecker {
  private final TheoremSession theorem;

  public StepChecker(TheoremSession theorem) {
    this.theorem = theorem;
  }

  public ClaimResult check(Step step, long seed) {
    long start = System.nanoTime();
    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put("claim", step.show());
    evidence.put("expect", step.holds() ? "holds" : "fails");
    Claim claim;
    theorem.session().drainMessages();
    try {
      IExpr parsed = theorem.session().parse(step.show());
      Sandbox.check(parsed, theorem.known());
      claim = ClaimParser.parse(parsed);
      if (claim instanceof Claim.HessianMap h) {
        claim = HessianMaps.expand(h, theorem.session());
      }
    } catch (InvalidExpressionException e) {
      return result(step, Verdict.ERROR, start, e.getMessage(), evidence);
    }
    evidence.put("claimType", claim.getClass().getSimpleName());

    long casStart = System.nanoTime();
    CasOutcome cas = new CasProver(theorem.session(), theorem.assumptions()).prove(claim);
    double casSeconds = (System.nanoTime() - casStart) / 1e9;
    Map<String, Object> casEvidence = new LinkedHashMap<>();
    casEvidence.put("method", cas.method());
    casEvidence.put("outcome", cas.status().name().toLowerCase());
    casEvidence.put("result", cas.result());
    casEvidence.put("seconds", casSeconds);
    evidence.put("cas", casEvidence);

    long witnessStart = System.nanoTime();
    WitnessOutcome w = new NumericWitness(theorem.session(), theorem.spec().symbols())
        .check(claim, step.witnesses(), seed);
    double witnessSeconds = (System.nanoTime() - witnessStart) / 1e9;
    Map<String, Object> wEvidence = new LinkedHashMap<>();
    wEvidence.put("method", w.method());
    wEvidence.put("outcome", w.status().name().toLowerCase());
    wEvidence.put("maxError", w.maxError());
    wEvidence.put("tolerance", w.tolerance());
    wEvidence.put("seed", seed);
    wEvidence.put("seconds", witnessSeconds);
    wEvidence.put("points", w.points());
    if (w.counterexample() != null) {
      wEvidence.put("counterexample", w.counterexample());
    }
    evidence.put("witness", wEvidence);

    String messages = theorem.session().drainMessages();
    if (!messages.isEmpty()) {
      evidence.put("symjaMessages", messages);
    }
    if (w.status() == WitnessOutcome.Status.NOT_NUMERIC) {
      return result(step, Verdict.ERROR, start, "the numeric witness " + w.message(), evidence);
    }
    boolean counterexample = w.status() == WitnessOutcome.Status.COUNTEREXAMPLE;
    Verdict verdict;
    String message;
    if (step.holds()) {
      if (counterexample) {
        verdict = cas.status() == Status.TRUE ? Verdict.CONFLICT : Verdict.REFUTED;
        message = (verdict == Verdict.CONFLICT ? "CAS closed the claim but the witness disagrees: " : "counterexample: ")
            + w.message();
      } else if (cas.status() == Status.TRUE) {
        verdict = Verdict.PROVED;
        message = "CAS closed it (" + cas.method() + "); " + w.message();
      } else if (cas.status() == Status.FALSE) {
        verdict = Verdict.CONFLICT;
        message = "CAS says false (" + cas.result() + ") but " + w.message() + ": the CAS is not trusted";
      } else {
        verdict = Verdict.CHECKED_NUMERICALLY;
        message = "CAS could not close it; " + w.message();
      }
    } else {
      if (counterexample) {
        verdict = switch (cas.status()) {
          case FALSE -> Verdict.PROVED;
          case OPEN -> Verdict.CHECKED_NUMERICALLY;
          case TRUE -> Verdict.CONFLICT;
        };
        message = "the claim is false, as the file states: " + w.message();
      } else if (cas.status() == Status.FALSE) {
        verdict = Verdict.CONFLICT;
        message = "CAS says false (" + cas.result() + ") but no witness found a counterexample";
      } else {
        verdict = Verdict.REFUTED;
        message = "the file states this claim is false, but " + w.message()
            + (cas.status() == Status.TRUE ? " and the CAS closed it" : "");
      }
    }
    return result(step, verdict, start, message, evidence);
  }

  private static ClaimResult result(Step step, Verdict v, long start, String message, Map<String, Object> evidence) {
    return new ClaimResult(step.name(), ClaimKind.SYMBOLIC, v, (System.nanoTime() - start) / 1e9,
        message, step.location(), evidence);
  }
}
