package ibcheck.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A cross-check's evidence: its setting (model, data, what is measured), a table with one row per
 * sweep value (measured quantity, tolerance or bound, flow certificate, distances to min-l1/min-l2)
 * and the plots of {@link CrosscheckPlots}.
 */
final class CrosscheckView {
  /** Evidence shown in the table or plots rather than in the setting list. */
  private static final Set<String> TABULATED = Set.of("points", "min_l1", "min_l2", "max_error");

  private CrosscheckView() {}

  static void render(Html h, Map<String, Object> e, String id) {
    Map<String, Object> setting = new LinkedHashMap<>(e);
    setting.keySet().removeAll(TABULATED);
    EvidenceTree.render(h, setting);
    CrosscheckData data = CrosscheckData.of(e);
    if (data.rows().isEmpty()) {
      return;
    }
    if (!data.hasSweepValues() && !data.hasMeasured() && !data.hasDistances() && !data.hasCertificates()) {
      // points that are not sweep rows (e.g. per-instance records): their own columns say more
      EvidenceTree.render(h, e.get("points"));
      return;
    }
    boolean distances = data.hasDistances();
    h.open("table").open("tr");
    if (data.hasSweepValues()) {
      h.element("th", data.sweep());
    }
    if (data.hasMeasured()) {
      h.element("th", data.measuredLabel()).element("th", data.limitLabel());
    }
    if (distances) {
      h.element("th", "distance to min-l1").element("th", "distance to min-l2");
    }
    if (data.hasCertificates()) {
      h.element("th", "flow certificate");
    }
    h.close("tr");
    for (CrosscheckData.Row r : data.rows()) {
      h.open("tr");
      if (data.hasSweepValues()) {
        h.element("td", r.sweepValue() == null ? "" : Numbers.format(EvidenceTree.plain(r.sweepValue())), "class", "num");
      }
      if (data.hasMeasured()) {
        h.element("td", Numbers.format(r.measured()), "class", "num").element("td", Numbers.format(r.limit()), "class", "num");
      }
      if (distances) {
        h.element("td", Numbers.format(r.distanceL1()), "class", "num").element("td", Numbers.format(r.distanceL2()), "class", "num");
      }
      if (data.hasCertificates()) {
        h.element("td", certificate(r.certificate()));
      }
      h.close("tr");
    }
    h.close("table");
    for (String svg : CrosscheckPlots.svgs(data, id)) {
      h.open("div", "class", "plot").trusted(svg).close("div");
    }
  }

  private static String certificate(Map<String, Object> c) {
    StringBuilder b = new StringBuilder();
    c.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append(' ').append(Numbers.format(v)));
    return b.toString();
  }
}
