package ibcheck.crosscheck.kinds.regression;

import ibcheck.crosscheck.CheckKind;
import ibcheck.crosscheck.Judgement;
import ibcheck.crosscheck.KindSupport;
import ibcheck.crosscheck.NumericCheck;
import ibcheck.symbolic.InvalidExpressionException;
import ibcheck.symbolic.TheoremSession;
import ibcheck.verdict.ClaimResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code kind: linear-regression} cross-check ({@link LinearRegressionKind} reads it): draws the
 * problem, integrates its flow at the file's times and along a grid, and judges the closed form
 * ({@link ClosedFormComparison}) and the expected error ({@link ExpectedErrorComparison}) against it.
 *
 * @param samples Monte Carlo noise draws for the mean (0: none)
 * @param z how many standard errors the Monte Carlo mean may lie from the formula
 */
record LinearRegressionCheck(CheckKind.Header header, RegressionSetup setup, List<KindSupport.Formula> times,
    Predictions predicts, int samples, double z, double tolerance) implements NumericCheck {
  /**
   * The formulas the file predicts; any may be null, but not all, and bound and plus only with term.
   *
   * @param component a_j(t), the flow's j-th row-space coordinate
   * @param term the j-th term of E e(t)
   * @param plus the rest of E e(t)
   * @param bound an upper bound on E e(t)
   */
  record Predictions(KindSupport.Formula component, KindSupport.Formula term, KindSupport.Formula plus,
      KindSupport.Formula bound) {}

  @Override
  public NumericCheck instantiate(Map<String, Double> drawn) {
    return new LinearRegressionCheck(header, setup.with(drawn, name()), times, predicts, samples, z, tolerance);
  }

  @Override
  public ClaimResult run(TheoremSession session) {
    Judgement judgement = Judgement.start(header());
    if (setup.rows() < 1 || setup.rows() >= setup.cols() || !(setup.noise() >= 0)) {
      return judgement.error("needs 1 <= rows < cols and noise >= 0, got " + setup.rows() + " x " + setup.cols()
          + ", noise " + setup.noise(), header.location());
    }
    try {
      return judge(session, judgement);
    } catch (InvalidExpressionException e) {
      return judgement.error(e.getMessage(), header.location());
    } catch (RuntimeException e) {
      return judgement.error(String.valueOf(e.getMessage()), header.location());
    }
  }

  private ClaimResult judge(TheoremSession session, Judgement judgement) throws InvalidExpressionException {
    RegressionProblem problem = RegressionProblem.draw(setup);
    double rate = setup.rate();
    FlowTimes flowTimes = FlowTimes.resolve(times, session, problem, rate);
    RegressionFlow flow = new RegressionFlow(problem, rate);
    double[][] states = flow.sample(flowTimes.all());
    Map<String, Object> ev = new LinkedHashMap<>();
    ev.put("loss", setup.flowDescription());
    ev.put("data", setup.evidence());
    ev.put("singular_values", KindSupport.list(problem.svd().sigma()));
    ev.put("time_for_infinity", flowTimes.infinity());
    ev.put("tolerance", tolerance);
    Findings findings = new Findings();
    if (predicts.component() != null) {
      ClosedFormComparison.judge(session, predicts.component(), tolerance, problem, flow, flowTimes.stated(), states, ev,
          findings);
    }
    if (predicts.term() != null) {
      ExpectedErrorComparison.judge(session, this, problem, flow, flowTimes, states, ev, findings);
    }
    return judgement.holds(findings.ok(), findings.message(), ev);
  }
}
