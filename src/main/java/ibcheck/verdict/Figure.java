package ibcheck.verdict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A figure a check attaches to its evidence, as data: line series over one x axis. The report draws
 * it (log axes where the values span decades); summary.json keeps the numbers. Checks add figures
 * with {@link #addTo}, so a new kind of check gets plots without the report knowing about it.
 *
 * @param caption what the figure shows, in words
 * @param xLabel the x axis
 * @param yLabel the y axis
 * @param series the lines, in legend order
 */
public record Figure(String caption, String xLabel, String yLabel, List<Series> series) {
  /** The evidence key holding a claim's figures. */
  public static final String EVIDENCE_KEY = "figures";

  /** One line: its legend label and its points. */
  public record Series(String label, double[] x, double[] y) {
    public Series {
      if (x.length != y.length) {
        throw new IllegalArgumentException("series '" + label + "': " + x.length + " x values but " + y.length + " y values");
      }
    }
  }

  public Figure {
    series = List.copyOf(series);
  }

  /** Appends this figure to the evidence's list of figures. */
  @SuppressWarnings("unchecked")
  public void addTo(Map<String, Object> evidence) {
    List<Object> figures = (List<Object>) evidence.computeIfAbsent(EVIDENCE_KEY, k -> new ArrayList<>());
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("caption", caption);
    f.put("x", xLabel);
    f.put("y", yLabel);
    List<Object> lines = new ArrayList<>();
    for (Series s : series) {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("label", s.label());
      line.put("x", boxed(s.x()));
      line.put("y", boxed(s.y()));
      lines.add(line);
    }
    f.put("series", lines);
    figures.add(f);
  }

  /** The figures held in a claim's evidence, in order; malformed entries are left out. */
  public static List<Figure> of(Map<String, Object> evidence) {
    List<Figure> out = new ArrayList<>();
    if (!(evidence.get(EVIDENCE_KEY) instanceof List<?> figures)) {
      return out;
    }
    for (Object o : figures) {
      if (o instanceof Map<?, ?> f && f.get("series") instanceof List<?> lines) {
        List<Series> series = new ArrayList<>();
        for (Object l : lines) {
          if (l instanceof Map<?, ?> line && line.get("x") instanceof List<?> x && line.get("y") instanceof List<?> y
              && x.size() == y.size()) {
            series.add(new Series(String.valueOf(line.get("label")), unboxed(x), unboxed(y)));
          }
        }
        out.add(new Figure(String.valueOf(f.get("caption")), String.valueOf(f.get("x")), String.valueOf(f.get("y")), series));
      }
    }
    return out;
  }

  private static List<Double> boxed(double[] v) {
    List<Double> out = new ArrayList<>(v.length);
    for (double d : v) {
      out.add(d);
    }
    return out;
  }

  private static double[] unboxed(List<?> v) {
    double[] out = new double[v.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = v.get(i) instanceof Number n ? n.doubleValue() : Double.NaN;
    }
    return out;
  }
}
