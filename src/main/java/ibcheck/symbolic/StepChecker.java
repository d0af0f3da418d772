package ibcheck.symbolic;

import ibcheck.spec.Step;
import ibcheck.symbolic.CasOutcome.Status;
import ibcheck.symbolic.claim.Claim;
import ibcheck.verdict.ClaimKind;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Verdict;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.matheclipse.core.interfaces.IExpr;

/**
 * Checks one derivation step: parse, sandbox, classify, run the numeric witness, ask the CAS, and
 * combine the two into a verdict.
 *
 * <p>For a step the file asserts ({@code expect: true}): CAS closed + witnesses agree = proved; CAS
 * open + witnesses agree = checked-numerically; a witness counterexample = refuted (conflict if the
 * CAS had closed it); CAS says false but witnesses agree = conflict. For a step the file asserts to
 * be FALSE ({@code expect: false}) the roles swap: a counterexample proves the assertion (proved if
 * the CAS also finds the claim false, else checked-numerically), and a claim that holds at every
 * witness refutes it.
 *
 * <p>The witness runs first. Should the CAS then run past the step's time limit, the caller still
 * has the witness-only result ({@link #partial()}): the step is checked-numerically, not lost.
 */
public final class StepChecker {
  /** The share of a step's time limit the CAS may use... */
  static final double CAS_SHARE = 0.5;
  /**
   * ... and at most this long: a Simplify that has not closed by then rarely closes later (a step
   * whose proof has many parts, such as a Hessian map in d = 3, states a longer time limit).
   */
  static final double CAS_MAX_SECONDS = 15;

  private final TheoremSession theorem;
  private final AtomicReference<ClaimResult> partial = new AtomicReference<>();

  public StepChecker(TheoremSession theorem) {
    this.theorem = theorem;
  }

  /** The verdict from the witness alone (CAS treated as open), once the witness has run. */
  public AtomicReference<ClaimResult> partial() {
    return partial;
  }

  /**
   * Checks the step, then audits the built-ins it might have rebound ({@link SymjaSession#restoreBuiltIns()}):
   * a step that rebound one is an error, whatever its claim's verdict.
   */
  public ClaimResult check(Step step, long seed) {
    long start = System.nanoTime();
    ClaimResult r = checkClaim(step, seed);
    java.util.List<String> rebound = SymjaSession.restoreBuiltIns();
    if (rebound.isEmpty()) {
      return r;
    }
    return result(step, Verdict.ERROR, start, "evaluating the step rebound built-ins (" + String.join(", ", rebound)
        + "; restored): its verdict (" + r.verdict().label() + ") cannot be trusted", r.evidence());
  }

  /** One step: parse, witness, CAS (refutation first for a claim stated false), combined; one pass, in order. */
  private ClaimResult checkClaim(Step step, long seed) {
    long start = System.nanoTime();
    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put("claim", step.show());
    evidence.put("expect", step.holds() ? "holds" : "fails");
    Claim claim;
    IExpr parsed;
    theorem.session().drainMessages();
    try {
      parsed = theorem.session().parse(step.show());
      Sandbox.check(parsed, theorem.known());
      String tex = ClaimTex.of(parsed);
      if (tex != null) {
        evidence.put("tex", tex);
      }
      if (ClaimParser.parse(parsed) instanceof Claim.IsotropicHessianMap h) {
        IsotropicFields.check(h, theorem); // reads the field as written
      }
      claim = ClaimParser.parse(ListGuard.wrap(parsed));
    } catch (InvalidExpressionException e) {
      return result(step, Verdict.ERROR, start, e.getMessage(), evidence);
    }
    evidence.put("claimType", claim.getClass().getSimpleName());

    long witnessStart = System.nanoTime();
    WitnessOutcome w = new NumericWitness(theorem.session(), theorem.domainsOf(parsed), theorem.symbolicDefinitions())
        .check(claim, step.witnesses(), seed);
    evidence.put("witness", witnessEvidence(w, seed, (System.nanoTime() - witnessStart) / 1e9));
    if (w.status() == WitnessOutcome.Status.NOT_NUMERIC) {
      putMessages(evidence);
      return result(step, Verdict.ERROR, start, "the numeric witness " + w.message(), evidence);
    }
    CasOutcome notTried = new CasOutcome(Status.OPEN, "not finished", "the CAS did not finish within the step's time limit");
    partial.set(combine(step, w, notTried, start, withCas(evidence, notTried, 0, false)));

    if (!step.cas()) {
      CasOutcome off = new CasOutcome(Status.OPEN, "not attempted",
          "cas: off in the theorem file: this claim is witnessed only (at best checked-numerically)");
      Map<String, Object> full = withCas(evidence, off, 0, false);
      putMessages(full);
      return combine(step, w, off, start, full);
    }
    long casStart = System.nanoTime();
    double remaining = step.timeoutSeconds() - (casStart - start) / 1e9;
    CasProver prover = new CasProver(theorem.session(), theorem.assumptions(), theorem.spec().symbols(),
        Math.min(Math.min(step.timeoutSeconds() * CAS_SHARE, CAS_MAX_SECONDS), 0.8 * remaining));
    // a claim stated false is settled first at the witness's counterexample, in exact arithmetic: a
    // proof attempt on a false claim can only fail, and may spend the step's whole time limit doing so
    CasOutcome cas = null;
    if (!step.holds() && w.status() == WitnessOutcome.Status.COUNTEREXAMPLE
        && w.counterexample().get("at") instanceof Map<?, ?> at) {
      @SuppressWarnings("unchecked")
      CasOutcome exact = prover.refuteAt(claim, (Map<String, Object>) at);
      cas = exact;
    }
    if (cas == null) {
      cas = prover.prove(claim);
    }
    Map<String, Object> full = withCas(evidence, cas, (System.nanoTime() - casStart) / 1e9, prover.gaveUp());
    putMessages(full);
    return combine(step, w, cas, start, full);
  }

  private ClaimResult combine(Step step, WitnessOutcome w, CasOutcome cas, long start, Map<String, Object> evidence) {
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
        message = (cas.method().equals("not attempted") ? "CAS not asked (cas: off); " : "CAS could not close it; ")
            + w.message();
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

  private static Map<String, Object> witnessEvidence(WitnessOutcome w, long seed, double seconds) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("method", w.method());
    e.put("outcome", w.status().name().toLowerCase());
    e.put("maxError", w.maxError());
    e.put("tolerance", w.tolerance());
    e.put("seed", seed);
    e.put("seconds", seconds);
    e.put("points", w.points());
    if (w.counterexample() != null) {
      e.put("counterexample", w.counterexample());
    }
    return e;
  }

  private static Map<String, Object> withCas(Map<String, Object> evidence, CasOutcome cas, double seconds, boolean gaveUp) {
    Map<String, Object> e = new LinkedHashMap<>(evidence);
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("method", cas.method());
    c.put("outcome", cas.status().name().toLowerCase());
    c.put("result", cas.result());
    c.put("seconds", seconds);
    if (gaveUp) {
      c.put("budget", "gave up: its time budget ran out");
    }
    e.put("cas", c);
    return e;
  }

  private void putMessages(Map<String, Object> evidence) {
    String messages = theorem.session().drainMessages();
    if (!messages.isEmpty()) {
      evidence.put("symjaMessages", messages);
    }
  }

  private static ClaimResult result(Step step, Verdict v, long start, String message, Map<String, Object> evidence) {
    return new ClaimResult(step.name(), ClaimKind.SYMBOLIC, v, (System.nanoTime() - start) / 1e9,
        message, step.location(), evidence);
  }
}
