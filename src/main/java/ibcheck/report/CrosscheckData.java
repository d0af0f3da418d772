package ibcheck.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A cross-check's evidence read as a table: per sweep value, the measured quantity, the limit it
 * must respect, the flow certificate and (for the diagonal family) the distances to the min-l1 and
 * min-l2 solutions. The three kinds of cross-check name the measured quantity differently
 * ({@code error}, {@code drift}, {@code measured}); this class is the one place that knows.
 */
record CrosscheckData(String sweep, List<Row> rows, String measuredName, boolean bounded) {
  private static final String[] MEASURED = {"error", "drift", "measured"};

  record Row(Object sweepValue, double measured, double limit, double distanceL1, double distanceL2,
      Map<String, Object> certificate) {}

  /** Reads the evidence of a cross-check; rows are in the evidence's (the file's) order. */
  @SuppressWarnings("unchecked")
  static CrosscheckData of(Map<String, Object> evidence) {
    String sweep = String.valueOf(evidence.getOrDefault("sweep", "value"));
    double tolerance = Numbers.value(evidence.get("tolerance"));
    List<Row> rows = new ArrayList<>();
    String measuredName = null;
    boolean bounded = false;
    if (evidence.get("points") instanceof List<?> points) {
      for (Object o : points) {
        if (!(o instanceof Map<?, ?> raw)) {
          continue;
        }
        Map<String, Object> p = (Map<String, Object>) raw;
        double measured = Double.NaN;
        for (String key : MEASURED) {
          if (p.containsKey(key)) {
            measured = Numbers.value(p.get(key));
            measuredName = key;
            break;
          }
        }
        bounded |= p.containsKey("bound");
        double limit = p.containsKey("bound") ? Numbers.value(p.get("bound")) : tolerance;
        Map<String, Object> certificate = p.get("certificate") instanceof Map<?, ?> c ? (Map<String, Object>) c : Map.of();
        rows.add(new Row(p.get(sweep), measured, limit, Numbers.value(p.get("distance_to_min_l1")),
            Numbers.value(p.get("distance_to_min_l2")), certificate));
      }
    }
    return new CrosscheckData(sweep, rows, measuredName, bounded);
  }

  /** The measured column's heading, e.g. "measured error". */
  String measuredLabel() {
    return "measured".equals(measuredName) ? "measured" : "measured " + measuredName;
  }

  /** What the measured quantity is held to: a per-row bound, or the one tolerance. */
  String limitLabel() {
    return bounded ? "bound" : "tolerance";
  }

  boolean hasMeasured() {
    return measuredName != null;
  }

  boolean hasSweepValues() {
    return rows.stream().anyMatch(r -> r.sweepValue() != null);
  }

  boolean hasCertificates() {
    return rows.stream().anyMatch(r -> !r.certificate().isEmpty());
  }

  boolean hasDistances() {
    return rows.stream().anyMatch(r -> !Double.isNaN(r.distanceL1()) && !Double.isNaN(r.distanceL2()));
  }

  /** The sweep values as numbers; a row whose value is not numeric gets its position instead. */
  double[] xs() {
    double[] x = new double[rows.size()];
    for (int i = 0; i < x.length; i++) {
      double v = Numbers.value(rows.get(i).sweepValue());
      x[i] = Double.isNaN(v) ? i : v;
    }
    return x;
  }
}
