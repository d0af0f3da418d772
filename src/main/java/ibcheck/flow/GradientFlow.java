package ibcheck.flow;

import ibcheck.models.Dataset;
import ibcheck.models.Model;
import org.hipparchus.analysis.UnivariateFunction;
import org.hipparchus.analysis.solvers.BracketedUnivariateSolver;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.events.Action;
import org.hipparchus.ode.events.AdaptableInterval;
import org.hipparchus.ode.events.ODEEventDetector;
import org.hipparchus.ode.events.ODEEventHandler;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;

/**
 * Integrates the gradient flow {@code theta' = -grad L(theta)}, {@code L = ||f(theta, X) - y||^2}
 * (the {@link Model} convention, or the model's own {@link Model#loss}), from theta(0) with Hipparchus' Dormand-Prince 8(5,3) integrator at
 * tight tolerances, until the stopping rule holds.
 *
 * <p><b>Stopping rule.</b> Stop at the first t where both (a) {@code L <= lossTolerance * ||y||^2}
 * and (b) {@code 2 L / ||grad L|| <= pathTolerance} hold (one event function, the larger of the two
 * log-ratios, located by a bracketing solver). Why (b) bounds the distance to the true limit
 * theta(infinity): near an interpolating minimum the loss satisfies a Polyak-Lojasiewicz inequality
 * {@code ||grad L||^2 >= 2 mu L}; then {@code d sqrt(L)/dt = -||grad L||^2 / (2 sqrt L) <= -sqrt(mu/2) ||grad L||},
 * so the rest of the trajectory is no longer than {@code sqrt(2 L / mu)}, which is {@code 2 L / ||grad L||}
 * with mu estimated where the flow stops ({@code mu ~ ||grad L||^2 / (2 L)}). This estimate is
 * reported as the certificate's {@code remainingPath}. (a) keeps the estimate from being trusted
 * far from an interpolating minimum, where the PL picture does not apply. A rule on the loss alone
 * fails at large alpha: the integrator's local error, relative to |theta| ~ alpha, leaves a loss
 * floor that grows like alpha^4, while the remaining path stays tiny.
 *
 * <p><b>Stiffness.</b> Small alpha gives a long plateau (the flow escapes the origin like
 * alpha^2 e^{ct}) and large alpha fast kernel dynamics; an adaptive explicit method pays for both in
 * step count, not accuracy, so time is not rescaled; instead the right-hand-side evaluations are
 * capped and exceeding the cap is a {@link FlowFailedException} carrying the last certificate, as is
 * divergence (a non-finite state, or a loss above {@value #DIVERGENCE_FACTOR} L(0), impossible for an
 * exact gradient flow) or reaching {@code maxTime}.
 *
 * <p>One class of about 330 lines (a third of them the stopping rule's justification above): the integrator,
 * the stopping event and the divergence guard act on one integration and share its state.
 */
public final class GradientFlow {

  /**
   * @param lossTolerance the loss at which the flow counts as interpolating, relative to {@code ||y||^2}
   * @param pathTolerance the largest estimated remaining path length (parameter space) at the stop
   * @param maxEvaluations cap on right-hand-side evaluations
   * @param relativeTolerance the integrator's relative local error tolerance
   * @param absoluteTolerance the integrator's absolute local error tolerance, for |theta(0)| >= 1
   *     (scaled down with smaller initialisations)
   * @param maxTime flow time after which the flow counts as not converging
   */
  public record Settings(double lossTolerance, double pathTolerance, int maxEvaluations, double relativeTolerance,
      double absoluteTolerance, double maxTime) {
    public static final Settings DEFAULT = new Settings(1e-12, 1e-10, 2_000_000, 1e-12, 1e-16, 1e9);

    public Settings withMaxEvaluations(int n) {
      return new Settings(lossTolerance, pathTolerance, n, relativeTolerance, absoluteTolerance, maxTime);
    }

    public Settings withPathTolerance(double p) {
      return new Settings(lossTolerance, p, maxEvaluations, relativeTolerance, absoluteTolerance, maxTime);
    }
  }

  /**
   * The loss may not exceed this multiple of L(0): along an exact gradient flow it never increases,
   * so exceeding it means the model's gradient is not the loss's (or the flow is unstable).
   */
  static final double DIVERGENCE_FACTOR = 10;

  private final Settings settings;

  public GradientFlow(Settings settings) {
    this.settings = settings;
  }

  /**
   * Runs the flow of {@code model} on {@code data} from its initialisation.
   *
   * @throws FlowFailedException naming the model and the last certificate when the flow diverges,
   *     exhausts its evaluations or its time without meeting the stopping rule
   */
  public FlowLimit run(Model model, Dataset data) {
    return run(model, data, (t, theta) -> { });
  }

  /** Sees the state after every accepted integrator step (for quantities that must be conserved). */
  @FunctionalInterface
  public interface Observer {
    void step(double time, double[] theta);
  }

  /**
   * A positive factor multiplying the vector field: the time-warped flow
   * {@code theta' = -g(theta) grad L(theta)} runs along the same trajectory as the plain flow, in the
   * time {@code tau} with {@code d tau = dt / g}. The certificate and the stopping rule use the true
   * gradient, so both flows stop at the same point of the trajectory.
   */
  @FunctionalInterface
  public interface Speed {
    /** The plain gradient flow. */
    Speed PLAIN = theta -> 1;

    double at(double[] theta);
  }

  /** As {@link #run(Model, Dataset)}, showing every accepted step to {@code observer}. */
  public FlowLimit run(Model model, Dataset data, Observer observer) {
    return run(model, data, observer, Speed.PLAIN);
  }

  /**
   * As {@link #run(Model, Dataset, Observer)} for the time-warped flow {@code theta' = -g(theta) grad L}.
   * The remaining-path estimate {@code 2 L / ||grad L||} still bounds the rest of the trajectory: the
   * Polyak-Lojasiewicz argument below holds for any positive speed, since path length does not depend
   * on how the trajectory is timed.
   */
  public FlowLimit run(Model model, Dataset data, Observer observer, Speed speed) {
    double[] theta0 = model.initialParameters(data.cols());
    double yy = 0;
    for (double v : data.y()) {
      yy += v * v;
    }
    double target = settings.lossTolerance() * Math.max(yy, Double.MIN_NORMAL);
    Flow flow = new Flow(model, data, speed);
    // the absolute tolerance scales with theta(0): at alpha = 1e-50 an absolute 1e-16 would let the
    // step size grow across the plateau and explode at the escape
    double scale = 0;
    for (double v : theta0) {
      scale = Math.max(scale, Math.abs(v));
    }
    double absTol = settings.absoluteTolerance() * Math.min(1, scale > 0 ? scale : 1);
    DormandPrince853Integrator integrator = new DormandPrince853Integrator(
        Double.MIN_NORMAL, settings.maxTime(), absTol, settings.relativeTolerance());
    integrator.setMaxEvaluations(settings.maxEvaluations());
    double[] last = theta0.clone();
    double[] lastTime = {0};
    double ceiling = DIVERGENCE_FACTOR * Math.max(flow.loss(theta0), Double.MIN_NORMAL);
    integrator.addStepHandler(interpolator -> {
      ODEStateAndDerivative s = interpolator.getCurrentState();
      System.arraycopy(s.getPrimaryState(), 0, last, 0, last.length);
      lastTime[0] = s.getTime();
      observer.step(s.getTime(), s.getPrimaryState());
      // L' = -||grad L||^2 <= 0 along a gradient flow: a loss far above L(0) is divergence
      double loss = flow.loss(last);
      if (!(loss <= ceiling)) {
        throw new Diverged();
      }
    });
    integrator.addEventDetector(new Converged(flow, target, settings.pathTolerance()));
    ODEStateAndDerivative end;
    try {
      integrator.setInitialStepSize(initialStep(flow, theta0));
      end = integrator.integrate(flow, new ODEState(0, theta0), settings.maxTime());
    } catch (Diverged e) {
      throw new FlowFailedException(model.name(), "diverged (loss above " + DIVERGENCE_FACTOR
          + " L(0), or a non-finite state or gradient)",
          flow.certificate(last, lastTime[0], integrator.getEvaluations()));
    } catch (MathRuntimeException e) {
      String cause = integrator.getEvaluations() >= settings.maxEvaluations()
          ? "did not meet its stopping rule (" + rule(target) + ") within " + settings.maxEvaluations() + " evaluations"
          : "failed: " + e.getMessage();
      throw new FlowFailedException(model.name(), cause, flow.certificate(last, lastTime[0], integrator.getEvaluations()));
    }
    double[] theta = end.getPrimaryState();
    Certificate c = flow.certificate(theta, end.getTime(), integrator.getEvaluations());
    if (!(c.loss() <= target * 1.01 && c.remainingPath() <= settings.pathTolerance() * 1.01)) {
      throw new FlowFailedException(model.name(), "did not meet its stopping rule (" + rule(target)
          + ") by flow time " + settings.maxTime(), c);
    }
    return new FlowLimit(theta, c);
  }

  private String rule(double target) {
    return String.format(java.util.Locale.ROOT, "loss <= %.3g and remaining path <= %.3g", target,
        settings.pathTolerance());
  }

  /**
   * A first step that moves theta by at most 0.1% of its size and stays well inside the explicit
   * method's stability region (h * curvature <= 0.1, the curvature measured along the gradient by a
   * finite difference). The integrator's own guess can overshoot at large alpha (curvature ~ 8
   * alpha^2 ||X||^2), and an exploded trial step yields a NaN error estimate, which Hipparchus does
   * not reject.
   */
  private static double initialStep(Flow flow, double[] theta0) {
    double[] g = flow.computeDerivatives(0, theta0);
    double gg = 0;
    double tt = 0;
    for (int i = 0; i < g.length; i++) {
      gg += g[i] * g[i];
      tt += theta0[i] * theta0[i];
    }
    if (!(gg > 0)) {
      return 1;
    }
    double gn = Math.sqrt(gg);
    double delta = 1e-6 * Math.max(1, Math.sqrt(tt));
    double[] moved = theta0.clone();
    for (int i = 0; i < g.length; i++) {
      moved[i] += delta * g[i] / gn;
    }
    double[] g2 = flow.computeDerivatives(0, moved);
    double dd = 0;
    for (int i = 0; i < g.length; i++) {
      dd += (g2[i] - g[i]) * (g2[i] - g[i]);
    }
    double curvature = Math.sqrt(dd) / delta;
    double h = 1e-3 * Math.sqrt(Math.max(tt, 1e-12)) / gn;
    return curvature > 0 ? Math.min(h, 0.1 / curvature) : h;
  }

  /** The vector field -grad L, with the loss it came from. */
  private static final class Flow implements OrdinaryDifferentialEquation {
    private final Model model;
    private final Dataset data;
    private final Speed speed;

    Flow(Model model, Dataset data, Speed speed) {
      this.model = model;
      this.data = data;
      this.speed = speed;
    }

    @Override
    public int getDimension() {
      return model.initialParameters(data.cols()).length;
    }

    @Override
    public double[] computeDerivatives(double t, double[] theta) {
      if (Thread.currentThread().isInterrupted()) {
        throw new IllegalStateException("gradient flow of model '" + model.name() + "' interrupted (time limit)");
      }
      double[] g = model.lossGradient(theta, data.x(), residual(theta));
      double factor = speed.at(theta);
      if (!(factor > 0 && Double.isFinite(factor))) {
        throw new Diverged();
      }
      for (int i = 0; i < g.length; i++) {
        if (!Double.isFinite(g[i])) {
          throw new Diverged();
        }
        g[i] = -factor * g[i];
      }
      return g;
    }

    double[] residual(double[] theta) {
      double[] r = model.outputs(theta, data.x());
      for (int n = 0; n < r.length; n++) {
        r[n] -= data.y()[n];
      }
      return r;
    }

    /** The model's loss (the square loss {@code ||f - y||^2} unless it declares another). */
    double loss(double[] theta) {
      return model.loss(model.outputs(theta, data.x()), data.y());
    }

    Certificate certificate(double[] theta, double time, int evaluations) {
      double loss = loss(theta);
      double[] g = model.lossGradient(theta, data.x(), residual(theta));
      double gg = 0;
      for (double v : g) {
        gg += v * v;
      }
      double norm = Math.sqrt(gg);
      return new Certificate(time, loss, norm, evaluations, norm > 0 ? 2 * loss / norm : (loss == 0 ? 0 : Double.POSITIVE_INFINITY));
    }
  }

  /** Thrown from the vector field when the state or gradient is no longer finite. */
  private static final class Diverged extends RuntimeException {
    Diverged() {
      super(null, null, false, false);
    }
  }

  /** The stopping rule as an event: max(log(L / target), log(path / pathTolerance)) falls through 0, then STOP. */
  private static final class Converged implements ODEEventDetector {
    private final Flow flow;
    private final double logTarget;
    private final double logPath;
    private final BracketedUnivariateSolver<UnivariateFunction> solver =
        new BracketingNthOrderBrentSolver(1e-14, 1e-12, 1e-3, 5);

    Converged(Flow flow, double target, double pathTolerance) {
      this.flow = flow;
      this.logTarget = Math.log(target);
      this.logPath = Math.log(pathTolerance);
    }

    @Override
    public double g(ODEStateAndDerivative state) {
      double[] theta = state.getPrimaryState();
      Certificate c = flow.certificate(theta, state.getTime(), 0);
      if (!Double.isFinite(c.loss()) || !Double.isFinite(c.gradientNorm())) {
        throw new Diverged();
      }
      // logs keep the root-finder's function accuracy meaningful over 30 decades
      return Math.max(Math.log(Math.max(c.loss(), Double.MIN_NORMAL)) - logTarget,
          Math.log(Math.max(c.remainingPath(), Double.MIN_NORMAL)) - logPath);
    }

    @Override
    public AdaptableInterval getMaxCheckInterval() {
      return AdaptableInterval.of(Double.POSITIVE_INFINITY);
    }

    @Override
    public int getMaxIterationCount() {
      return 100;
    }

    @Override
    public BracketedUnivariateSolver<UnivariateFunction> getSolver() {
      return solver;
    }

    @Override
    public ODEEventHandler getHandler() {
      return (state, detector, increasing) -> Action.STOP;
    }
  }
}
