package ibcheck.crosscheck.kinds.relu1d;

import static ibcheck.crosscheck.Vectors.fmt;

import ibcheck.bias.Quadrature;
import ibcheck.crosscheck.kinds.relu1d.Inputs1D.Formula;
import ibcheck.models.Initialisation;
import ibcheck.symbolic.InvalidExpressionException;
import ibcheck.symbolic.TheoremSession;
import ibcheck.verdict.Figure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.random.Well19937c;
import org.hipparchus.special.Erf;

/**
 * {@code method: monte-carlo} of a {@link ZetaCheck}: samples of (W, B) binned by C = -B/W, each
 * bin's estimate of {@code E[W^2 1{C in bin}]} against the closed form's integral over the bin.
 */
final class ZetaMonteCarlo {
  private final ZetaCheck.Settings s;

  ZetaMonteCarlo(ZetaCheck.Settings s) {
    this.s = s;
  }

  /** One parameter set's bins; the row's evidence and the figure's two series. Null when every bin holds, else why not. */
  String check(TheoremSession session, Initialisation init, Formula zeta, Map<String, Double> p,
      Map<String, Object> row, List<Figure.Series> series, String label) {
    double from;
    double to;
    try {
      List<String> names = List.copyOf(p.keySet());
      from = Formula.compile(session, s.bins().from(), List.of(), names).at(p, names).value();
      to = Formula.compile(session, s.bins().to(), List.of(), names).at(p, names).value();
    } catch (InvalidExpressionException e) {
      row.put("max_error", Double.NaN);
      return "bins: " + e.getMessage();
    }
    if (!(from < to)) {
      row.put("max_error", Double.NaN);
      return "bins: from = " + fmt(from) + " is not below to = " + fmt(to);
    }
    int nb = s.bins().count();
    double width = (to - from) / nb;
    Tally tally = sample(init, from, width, nb);
    return judge(init, zeta, from, width, tally, row, series, label);
  }

  /** The samples' sums of W^2 and W^4 and their counts, per bin of C = -B/W. */
  private record Tally(double[] s1, double[] s2, long[] count) {}

  private Tally sample(Initialisation init, double from, double width, int nb) {
    double[] s1 = new double[nb];
    double[] s2 = new double[nb];
    long[] count = new long[nb];
    Well19937c rng = new Well19937c(s.seed());
    int n = s.samples();
    for (int k = 0; k < n; k++) {
      double w = init.w().sample(rng);
      double b = init.b().sample(rng);
      if (w == 0) {
        continue;
      }
      double c = -b / w;
      int j = (int) Math.floor((c - from) / width);
      if (j >= 0 && j < nb) {
        double w2 = w * w;
        s1[j] += w2;
        s2[j] += w2 * w2;
        count[j]++;
      }
    }
    return new Tally(s1, s2, count);
  }

  /** Each bin's estimate against the closed form's integral over it; the first bin that fails, or null. */
  private String judge(Initialisation init, Formula zeta, double from, double width, Tally tally,
      Map<String, Object> row, List<Figure.Series> series, String label) {
    int nb = tally.count().length;
    int n = s.samples();
    double[] s1 = tally.s1();
    double[] s2 = tally.s2();
    long[] count = tally.count();
    Quadrature q = new Quadrature(1e-300, 1e-10);
    double worst = 0;
    String failure = null;
    List<Map<String, Object>> bins = new ArrayList<>();
    double[] centre = new double[nb];
    double[] mc = new double[nb];
    double[] pred = new double[nb];
    for (int j = 0; j < nb; j++) {
      double lo = from + j * width;
      double hi = lo + width;
      double mean = s1[j] / n;
      double se = Math.sqrt(Math.max(0, s2[j] / n - mean * mean) / n);
      double predicted = q.finite(zeta::value, lo, hi, init.breakpointEdges()).value();
      double dev = Math.abs(mean - predicted);
      double allowed = s.z() * se + s.tolerance() * Math.abs(predicted);
      double score = se > 0 ? dev / se : (dev == 0 ? 0 : Double.POSITIVE_INFINITY);
      worst = Math.max(worst, score);
      centre[j] = 0.5 * (lo + hi);
      mc[j] = mean / width;
      pred[j] = predicted / width;
      Map<String, Object> bin = new LinkedHashMap<>();
      bin.put("from", lo);
      bin.put("to", hi);
      bin.put("samples_in_bin", count[j]);
      bin.put("monte_carlo", mean);
      bin.put("standard_error", se);
      bin.put("closed_form_integral", predicted);
      bin.put("error_over_se", score);
      bins.add(bin);
      if (failure != null) {
        continue;
      }
      if (count[j] < ZetaCheck.MIN_BIN_SAMPLES) {
        failure = "the bin [" + fmt(lo) + ", " + fmt(hi) + ") holds only " + count[j] + " of " + n + " samples (at least "
            + ZetaCheck.MIN_BIN_SAMPLES + " needed for a standard error): choose bins where the law of C puts mass";
      } else if (!(dev <= allowed)) {
        failure = "on [" + fmt(lo) + ", " + fmt(hi) + ") the Monte Carlo E[W^2 1{C in bin}] = " + fmt(mean) + " +- "
            + fmt(se) + " but the closed form " + s.zeta() + " integrates to " + fmt(predicted) + " (" + fmt(score)
            + " standard errors > z = " + fmt(s.z()) + ")";
      }
    }
    row.put("samples", n);
    row.put("seed", s.seed());
    row.put("z", s.z());
    row.put("false_alarm_per_bin", Erf.erfc(s.z() / Math.sqrt(2)));
    row.put("bins", bins);
    row.put("max_error", worst);
    series.add(new Figure.Series("closed form" + label, centre, pred));
    series.add(new Figure.Series("Monte Carlo" + label, centre.clone(), mc));
    return failure;
  }
}
