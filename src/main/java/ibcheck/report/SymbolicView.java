package ibcheck.report;

import java.util.List;
import java.util.Map;

/**
 * A derivation step's evidence: the claim as math (TeX from Symja's TeXForm, computed on the
 * theorem's worker thread and carried in the evidence as {@code tex}), the Symja source, the CAS
 * result, and the witness (method, points, max error, counterexample).
 */
final class SymbolicView {
  private SymbolicView() {}

  @SuppressWarnings("unchecked")
  static void render(Html h, Map<String, Object> e) {
    if (e.get("tex") instanceof String tex) {
      h.displayMath(tex);
    }
    if (e.get("claim") instanceof String claim) {
      h.open("p").text("Symja: ").element("code", claim).close("p");
    }
    if ("fails".equals(e.get("expect"))) {
      h.element("p", "The file states that this claim is FALSE (expect: false).", "class", "meta");
    }
    boolean gaveUp = false;
    if (e.get("cas") instanceof Map<?, ?> cas) {
      Map<String, Object> c = (Map<String, Object>) cas;
      gaveUp = c.get("budget") != null;
      h.open("p").element("strong", "CAS: ").text(c.get("outcome") + " via " + c.get("method") + " — result ")
          .element("code", String.valueOf(c.get("result")));
      // whether the CAS ran out of its time budget depends on the machine's speed, and so do the
      // messages the interruption leaves: both go into the one timing element
      String timing = Numbers.seconds(Numbers.value(c.get("seconds")));
      if (gaveUp) {
        String messages = e.get("symjaMessages") instanceof String m ? "; Symja: " + m : "";
        timing += " (" + c.get("budget") + messages + ")";
      }
      h.text(" ").element("span", timing, "class", "timing").close("p");
    }
    if (e.get("witness") instanceof Map<?, ?> witness) {
      renderWitness(h, (Map<String, Object>) witness);
    }
    if (!gaveUp && e.get("symjaMessages") instanceof String m) {
      h.open("p", "class", "meta").text("Symja's messages: ").element("code", m).close("p");
    }
  }

  @SuppressWarnings("unchecked")
  private static void renderWitness(Html h, Map<String, Object> w) {
    List<Object> points = w.get("points") instanceof List<?> l ? (List<Object>) l : List.of();
    h.open("p").element("strong", "Witness: ").text(w.get("outcome") + " — " + w.get("method")
        + "; " + points.size() + (points.size() == 1 ? " point" : " points") + " evaluated; "
        + WitnessMeasure.describe(w, points) + "; seed " + w.get("seed") + " ");
    h.timing(Numbers.value(w.get("seconds"))).close("p");
    if (w.get("counterexample") != null) {
      h.open("div", "class", "counterexample").element("strong", "Counterexample");
      EvidenceTree.render(h, w.get("counterexample"));
      h.close("div");
    }
    if (!points.isEmpty()) {
      h.open("details").element("summary", "the " + points.size() + " witness points");
      EvidenceTree.render(h, points);
      h.close("details");
    }
  }
}
