package ibcheck.crosscheck.kinds.classification;

import ibcheck.crosscheck.Vectors;
import ibcheck.flow.ClassificationFlow;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * The trained w(t) of a max-margin check, sampled for t > 1: its angle to w_hat, the residual
 * {@code |w(t) - w_hat log t - w_tilde|} (see {@link MarginOffset#residual}), and the normalised
 * margin {@code min_i z_i . w / |w|}.
 *
 * @param evaluations the flow's right-hand-side evaluations (0 for descent)
 * @param endLog log t at the end
 */
record MarginTrajectory(List<Sample> samples, int evaluations, double endLog) {
  /**
   * One sample.
   *
   * @param cotAngle {@code cot(angle) = (w . u) / |P_perp w|}, u the max-margin direction
   */
  record Sample(double time, double logTime, double angle, double residual, double margin, double cotAngle) {}

  /**
   * Trains with the loss's {@code g = -l'} by the method.
   *
   * @throws IllegalStateException when the angle or the residual is not finite at the end
   */
  static MarginTrajectory train(MarginProblem problem, MarginOffset offset, DoubleUnaryOperator negativeDerivative,
      MarginMethod method) {
    List<Sample> samples = new ArrayList<>();
    ClassificationFlow dynamics = new ClassificationFlow(problem.z, negativeDerivative);
    int evaluations = method.run(dynamics, problem.w0, (time, logTime, w) -> {
      if (time > 1) {
        samples.add(sample(problem, offset, time, w));
      }
    });
    MarginTrajectory t = new MarginTrajectory(samples, evaluations, method.endLog());
    Sample last = t.last();
    if (!Double.isFinite(last.angle()) || !Double.isFinite(last.residual())) {
      throw new IllegalStateException("the trajectory is not finite at the end (angle " + last.angle() + ", residual "
          + last.residual() + ")");
    }
    return t;
  }

  private static Sample sample(MarginProblem problem, MarginOffset offset, double time, double[] w) {
    double lt = Math.log(time);
    double[] u = problem.direction;
    double along = Vectors.dot(w, u);
    double[] perp = Vectors.minusMultiple(w, along, u);
    double angle = Math.atan2(Vectors.norm(perp), along);
    double residual = offset.residual(Vectors.minusMultiple(w, lt, problem.wHat));
    double minMargin = Double.POSITIVE_INFINITY;
    for (double[] zi : problem.z) {
      minMargin = Math.min(minMargin, Vectors.dot(zi, w));
    }
    return new Sample(time, lt, angle, residual, minMargin / Vectors.norm(w), along / Vectors.norm(perp));
  }

  Sample last() {
    return samples.get(samples.size() - 1);
  }

  /** The samples from this log time on. */
  List<Sample> from(double logTime) {
    List<Sample> out = new ArrayList<>();
    for (Sample p : samples) {
      if (p.logTime() >= logTime) {
        out.add(p);
      }
    }
    return out;
  }

  /** The log times of these samples. */
  static double[] logTimes(List<Sample> samples) {
    return samples.stream().mapToDouble(Sample::logTime).toArray();
  }
}
