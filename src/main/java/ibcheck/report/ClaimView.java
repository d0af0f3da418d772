package ibcheck.report;

import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Figure;
import java.util.List;
import java.util.Map;

/**
 * One claim on a theorem page: a header (name, verdict, time, link to {@code file:line}), the
 * message, then the kind-specific evidence ({@link SymbolicView}, {@link CrosscheckView},
 * {@link PropertyView}), then the figures the check attached ({@link Figure}).
 */
final class ClaimView {
  private final SourceLinks links;

  ClaimView(SourceLinks links) {
    this.links = links;
  }

  void render(Html h, ClaimResult c, String anchor, String note) {
    h.open("section", "class", c.verdict().passes() ? "claim" : "claim fail", "id", anchor);
    h.open("h3");
    ProseTex.render(h, c.name());
    h.text(" ");
    Badges.badge(h, c.verdict());
    h.text(" ").timing(c.seconds()).close("h3");
    h.open("p", "class", "meta").text(c.kind().label() + " · ");
    links.link(h, c.location());
    h.close("p");
    h.element("p", c.message());
    if (note != null && !note.isBlank()) {
      h.element("p", "Note: " + note, "class", "meta");
    }
    Map<String, Object> e = new java.util.LinkedHashMap<>(c.evidence());
    e.remove(Figure.EVIDENCE_KEY);
    switch (c.kind()) {
      case SYMBOLIC -> SymbolicView.render(h, e);
      case CROSSCHECK -> CrosscheckView.render(h, e, anchor + "-plot");
      case PROPERTY -> PropertyView.render(h, e);
    }
    List<Figure> figures = Figure.of(c.evidence());
    for (int i = 0; i < figures.size(); i++) {
      figure(h, figures.get(i), anchor + "-figure-" + i);
    }
    h.close("section");
  }

  private static void figure(Html h, Figure f, String id) {
    double[] xs = f.series().stream().flatMapToDouble(s -> java.util.Arrays.stream(s.x())).toArray();
    double[] ys = f.series().stream().flatMapToDouble(s -> java.util.Arrays.stream(s.y())).toArray();
    Plot p = new Plot(f.xLabel(), f.yLabel());
    if (!f.linearAxes()) {
      p.logWhereUseful(xs, ys);
    }
    f.series().forEach(s -> p.series(s.label(), s.x(), s.y(), s.joined()));
    if (p.isEmpty()) {
      return;
    }
    h.open("figure", "class", "plot").trusted(p.svg(id)).element("figcaption", f.caption()).close("figure");
  }
}
