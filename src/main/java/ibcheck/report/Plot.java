package ibcheck.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * One line chart as inline SVG: JFreeChart drawn onto JFreeSVG. JFreeSVG keeps text as text (small
 * files) and takes the prefix of its clip ids from us, so a chart's bytes depend only on its data
 * and several charts can share a page. Axis labels are ibcheck's own words plus identifiers from the
 * file (the sweep's name); the page inlines the SVG unescaped, so labels are reduced to plain
 * characters here rather than trusting the SVG writer to escape them.
 */
final class Plot {
  static {
    System.setProperty("java.awt.headless", "true");
    // JFreeChart's workaround for rotated text draws glyph outlines (100 KB per chart); SVG has real rotated text
    TextUtils.setUseDrawRotatedStringWorkaround(false);
  }

  private static final int WIDTH = 640;
  private static final int HEIGHT = 340;
  /** Series with more points than this are drawn as lines without markers. */
  static final int MAX_MARKED_POINTS = 40;
  private final String xLabel;
  private final String yLabel;
  private final XYSeriesCollection data = new XYSeriesCollection();
  private boolean logX;
  private boolean logY;
  private final java.util.Set<Integer> markersOnly = new java.util.HashSet<>();

  Plot(String xLabel, String yLabel) {
    this.xLabel = safe(xLabel);
    this.yLabel = safe(yLabel);
  }

  /**
   * Logarithmic axes where every (nonzero) value is positive and the values span more than a
   * decade; call before adding series.
   */
  Plot logWhereUseful(double[] x, double[]... ys) {
    logX = spansDecades(x);
    logY = spansDecades(Arrays.stream(ys).flatMapToDouble(Arrays::stream).toArray());
    return this;
  }

  /** Adds a series; non-finite points are left out, and on a log axis also points at or below zero. */
  Plot series(String name, double[] x, double[] y) {
    return series(name, x, y, true);
  }

  /** As {@link #series(String, double[], double[])}; unless {@code joined}, the points are markers only. */
  Plot series(String name, double[] x, double[] y, boolean joined) {
    XYSeries s = new XYSeries(safe(name), false, true);
    for (int i = 0; i < x.length; i++) {
      if (Double.isFinite(x[i]) && Double.isFinite(y[i]) && (y[i] > 0 || !logY) && (x[i] > 0 || !logX)) {
        s.add(x[i], y[i]);
      }
    }
    if (s.getItemCount() > 0) {
      if (!joined) {
        markersOnly.add(data.getSeriesCount());
      }
      data.addSeries(s);
    }
    return this;
  }

  boolean isEmpty() {
    return data.getSeriesCount() == 0;
  }

  /** Draws a throwaway chart: class loading and font set-up happen here rather than in the report. */
  static void warmUp() {
    new Plot("x", "y").series("s", new double[] {1, 2}, new double[] {1, 2}).svg("warm-up");
  }

  /**
   * Series colours: the Okabe-Ito palette, which readers with the common colour-vision deficiencies
   * tell apart, without its yellow (near invisible on white, like JFreeChart's default yellow and cyan).
   */
  static final Color[] PALETTE = {new Color(0x000000), new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
      new Color(0xCC79A7), new Color(0xE69F00), new Color(0x56B4E9)};

  /** The series in drawing order: curves first, then the measured points (markers only) on top of them. */
  List<String> drawingOrder() {
    return ordered().stream().map(i -> (String) data.getSeries(i.intValue()).getKey()).toList();
  }

  private List<Integer> ordered() {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < data.getSeriesCount(); i++) {
      if (!markersOnly.contains(i)) {
        order.add(i);
      }
    }
    order.addAll(new TreeSet<>(markersOnly));
    return order;
  }

  /** The chart as an {@code <svg>} element; {@code id} must be unique on the page. */
  String svg(String id) {
    XYSeriesCollection drawn = new XYSeriesCollection();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    renderer.setAutoPopulateSeriesPaint(false);
    for (int i : ordered()) {
      XYSeries s = data.getSeries(i);
      int k = drawn.getSeriesCount();
      drawn.addSeries(s);
      renderer.setSeriesPaint(k, PALETTE[k % PALETTE.length]);
      renderer.setSeriesStroke(k, new BasicStroke(2f));
      renderer.setSeriesLinesVisible(k, !markersOnly.contains(i));
      // a dense series is a curve: markers at every point would only bloat the SVG (~1 KB each)
      renderer.setSeriesShapesVisible(k, s.getItemCount() <= MAX_MARKED_POINTS);
    }
    XYPlot plot = new XYPlot(drawn, axis(xLabel, logX), axis(yLabel, logY), renderer);
    // the first series is drawn first, so the points added last sit above the curves
    plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(new Color(0xdddddd));
    plot.setRangeGridlinePaint(new Color(0xdddddd));
    JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    LegendTitle legend = chart.getLegend();
    legend.setPosition(RectangleEdge.BOTTOM);
    SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
    g.setDefsKeyPrefix(id + "-");
    chart.draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
    return g.getSVGElement(id, true, new ViewBox(0, 0, WIDTH, HEIGHT), null, null);
  }

  private static ValueAxis axis(String label, boolean log) {
    if (log) {
      // LogarithmicAxis, not LogAxis: LogAxis draws its tick labels as attributed strings, which
      // become glyph outlines in SVG; these stay text
      LogarithmicAxis a = new LogarithmicAxis(label);
      a.setExpTickLabelsFlag(true);
      a.setAutoRangeNextLogFlag(true);
      return a;
    }
    NumberAxis a = new NumberAxis(label);
    a.setAutoRangeIncludesZero(false);
    a.setStandardTickUnits(NumberAxis.createStandardTickUnits(Locale.ROOT));
    return a;
  }

  static String safe(String label) {
    return label.replaceAll("[^A-Za-z0-9 _.,:()+\\-/|^*=]", "_");
  }

  private static boolean spansDecades(double[] v) {
    double min = Double.POSITIVE_INFINITY;
    double max = 0;
    for (double d : v) {
      if (!Double.isFinite(d)) {
        continue;
      }
      if (d <= 0) {
        return false;
      }
      min = Math.min(min, d);
      max = Math.max(max, d);
    }
    return max > 0 && max / min > 20;
  }
}
