package ibcheck.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Which plots a cross-check gets: for the diagonal family, the distance of the flow limit to the
 * min-l1 and min-l2 solutions against the sweep (alpha: the kernel-to-rich transition, or shape);
 * for every cross-check with a measured quantity, that quantity against its tolerance or bound.
 */
final class CrosscheckPlots {
  private CrosscheckPlots() {}

  /** @param id a prefix unique on the page, for the charts' element ids */
  static List<String> svgs(CrosscheckData data, String id) {
    List<String> out = new ArrayList<>();
    double[] x = data.xs();
    if (data.hasDistances()) {
      double[] l1 = data.rows().stream().mapToDouble(CrosscheckData.Row::distanceL1).toArray();
      double[] l2 = data.rows().stream().mapToDouble(CrosscheckData.Row::distanceL2).toArray();
      Plot p = new Plot(data.sweep(), "l2 distance of the flow limit").logWhereUseful(x, l1, l2)
          .series("to min-l1 solution", x, l1).series("to min-l2 solution", x, l2);
      add(out, p, id + "-distances");
    }
    if (data.hasMeasured()) {
      double[] measured = data.rows().stream().mapToDouble(CrosscheckData.Row::measured).toArray();
      double[] limit = data.rows().stream().mapToDouble(CrosscheckData.Row::limit).toArray();
      Plot p = new Plot(data.sweep(), data.measuredName()).logWhereUseful(x, positive(measured), limit)
          .series(data.measuredLabel(), x, measured)
          .series(data.limitLabel(), x, limit);
      add(out, p, id + "-measured");
    }
    return out;
  }

  /** An error of exactly zero cannot sit on a log axis: it is left out of the axis decision. */
  private static double[] positive(double[] v) {
    return java.util.Arrays.stream(v).map(d -> d == 0 ? Double.NaN : d).toArray();
  }

  private static void add(List<String> out, Plot p, String id) {
    if (!p.isEmpty()) {
      out.add(p.svg(id));
    }
  }
}
