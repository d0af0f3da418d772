package ibcheck.report;

import java.util.Map;

/** A property's evidence: what it checks, tries, seed, tolerance, and any (shrunk) counterexample. */
final class PropertyView {
  private PropertyView() {}

  static void render(Html h, Map<String, Object> e) {
    Object what = e.containsKey("holds") ? e.get("holds") : e.get("check");
    if (what != null) {
      h.open("p").text("Checks: ").element("code", String.valueOf(what)).close("p");
    }
    h.element("p", "tries " + e.get("tries") + ", seed " + e.get("seed") + ", tolerance " + Numbers.format(e.get("tolerance")));
    if (e.get("counterexample") != null) {
      h.open("div", "class", "counterexample").element("strong", "Counterexample (shrunk)");
      EvidenceTree.render(h, e.get("counterexample"));
      h.close("div");
      for (String key : new String[] {"originalCounterexample", "examplesBeforeFalsified", "replay"}) {
        if (e.containsKey(key)) {
          h.element("strong", key);
          EvidenceTree.render(h, e.get(key));
        }
      }
    }
  }
}
