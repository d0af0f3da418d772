package ibcheck.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a numeric witness measured, in words. A pointwise witness compares |lhs - rhs| with a
 * tolerance. A limit's trend test and a series' remainder test have no such tolerance (theirs is a
 * floor near 0, e.g. 1e-30): the trend test asks the distance |f - L| to shrink along each sequence
 * tending to the limit point, the remainder test asks |f - p| / |x - x0|^n to stay bounded as
 * x tends to x0. Printing their numbers as "max error 0.0068, tolerance 1e-30" would read as a failure.
 * The kind is read from the prefix of the witness's {@code method}.
 */
final class WitnessMeasure {
  private WitnessMeasure() {}

  static String describe(Map<String, Object> witness, List<Object> points) {
    String method = String.valueOf(witness.get("method"));
    List<List<Double>> sequences = sequences(points);
    if (method.startsWith("trend test") && !sequences.isEmpty()) {
      List<Double> slowest = sequences.get(0);
      for (List<Double> s : sequences) {
        if (last(s) > last(slowest)) {
          slowest = s;
        }
      }
      return "the distance to the claimed limit shrank from " + Numbers.format(slowest.get(0)) + " to "
          + Numbers.format(last(slowest)) + " along the slowest of " + count(sequences.size(), "sequence");
    }
    if (method.startsWith("remainder test") && !sequences.isEmpty()) {
      double min = sequences.stream().flatMap(List::stream).mapToDouble(d -> d).min().orElse(Double.NaN);
      double max = sequences.stream().flatMap(List::stream).mapToDouble(d -> d).max().orElse(Double.NaN);
      return "the remainder ratio stayed between " + Numbers.format(min) + " and " + Numbers.format(max) + " along "
          + count(sequences.size(), "sequence");
    }
    return "max error " + Numbers.format(witness.get("maxError")) + ", tolerance " + Numbers.format(witness.get("tolerance"));
  }

  /** Per witness point, the measured values along its sequence: the one list of numbers it holds. */
  private static List<List<Double>> sequences(List<Object> points) {
    List<List<Double>> out = new ArrayList<>();
    for (Object p : points) {
      if (!(p instanceof Map<?, ?> row)) {
        continue;
      }
      for (Map.Entry<?, ?> e : row.entrySet()) {
        if (!"sequence".equals(e.getKey()) && e.getValue() instanceof List<?> l && !l.isEmpty()
            && l.stream().allMatch(o -> o instanceof Number)) {
          out.add(l.stream().map(o -> ((Number) o).doubleValue()).toList());
          break;
        }
      }
    }
    return out;
  }

  private static double last(List<Double> s) {
    return s.get(s.size() - 1);
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
