package ibcheck.crosscheck.kinds.classification;

import ibcheck.flow.ClassificationFlow;
import java.util.ArrayList;
import java.util.List;

/**
 * How a max-margin check trains: gradient flow integrated in log time to {@code log t = logTime},
 * or gradient descent with step eta for the given iterations. Both are sampled evenly in log time
 * (300 flow samples; 240 descent iterations spaced geometrically, repeats dropped).
 *
 * @param gd gradient descent (else the flow)
 * @param eta the step (1 for the flow)
 * @param logTime where the flow ends (0 for descent)
 * @param iterations how many descent steps (0 for the flow)
 */
record MarginMethod(boolean gd, double eta, double logTime, long iterations) {
  /** The step the offset law takes: eta, and 1 for the flow. */
  double step() {
    return gd ? eta : 1;
  }

  /** log t at the end of the run. */
  double endLog() {
    return gd ? Math.log(iterations) : logTime;
  }

  /**
   * Trains from w0, handing each sample to the sampler.
   *
   * @return the flow's right-hand-side evaluations (0 for descent)
   */
  int run(ClassificationFlow dynamics, double[] w0, ClassificationFlow.Sampler sampler) {
    if (gd) {
      dynamics.descend(w0, eta, sampleIterations(), sampler);
      return 0;
    }
    int count = 300;
    double[] times = new double[count + 1];
    for (int j = 0; j <= count; j++) {
      times[j] = logTime * j / count;
    }
    return dynamics.flow(w0, times, sampler);
  }

  private long[] sampleIterations() {
    int count = 240;
    List<Long> its = new ArrayList<>();
    for (int j = 1; j <= count; j++) {
      long it = Math.round(Math.exp(Math.log(iterations) * j / count));
      if (its.isEmpty() || it > its.get(its.size() - 1)) {
        its.add(it);
      }
    }
    return its.stream().mapToLong(Long::longValue).toArray();
  }

  String describe(int evaluations) {
    return gd ? "gradient descent, eta = " + eta + ", " + iterations + " iterations"
        : "gradient flow in log time to log t = " + logTime + " (" + evaluations + " evaluations)";
  }
}
