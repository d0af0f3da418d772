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
 * @param linearAxes linear axes always (a diagram in the plane); otherwise an axis is logarithmic where
 *     its values are positive and span decades
 */
public record Figure(String caption, String xLabel, String yLabel, List<Series> series, boolean linearAxes) {
  /** The evidence key holding a claim's figures. */
  public static final String EVIDENCE_KEY = "figures";

  /**
   * One series: its legend label, its points, and whether they are joined into a line (a curve) or
   * drawn as separate markers (data points, examples).
   */
  public record Series(String label, double[] x, double[] y, boolean joined) {
    public Series {
      if (x.length != y.length) {
        throw new IllegalArgumentException("series '" + label + "': " + x.length + " x values but " + y.length + " y values");
      }
    }

    /** A curve. */
    public Series(String label, double[] x, double[] y) {
      this(label, x, y, true);
    }

    public static Series line(String label, double[] x, double[] y) {
      return new Series(label, x, y, true);
    }

    /** Separate markers, not joined. */
    public static Series points(String label, double[] x, double[] y) {
      return new Series(label, x, y, false);
    }
  }

  public Figure {
    series = List.copyOf(series);
  }

  /** A figure whose axes turn logarithmic where the values span decades. */
  public Figure(String caption, String xLabel, String yLabel, List<Series> series) {
    this(caption, xLabel, yLabel, series, false);
  }

  /** The same figure on linear axes. */
  public Figure linear() {
    return new Figure(caption, xLabel, yLabel, series, true);
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
      if (!s.joined()) {
        line.put("joined", false);
      }
      lines.add(line);
    }
    f.put("series", lines);
    if (linearAxes) {
      f.put("linear", true);
    }
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
            series.add(new Series(String.valueOf(line.get("label")), unboxed(x), unboxed(y),
                !Boolean.FALSE.equals(line.get("joined"))));
          }
        }
        out.add(new Figure(String.valueOf(f.get("caption")), String.valueOf(f.get("x")), String.valueOf(f.get("y")), series,
            Boolean.TRUE.equals(f.get("linear"))));
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
