package ibcheck.report;

import ibcheck.verdict.ClaimResult;
import java.util.Map;

/**
 * One claim on a theorem page: a header (name, verdict, time, link to {@code file:line}), the
 * message, then the kind-specific evidence ({@link SymbolicView}, {@link CrosscheckView},
 * {@link PropertyView}).
 */
final class ClaimView {
  private final SourceLinks links;

  ClaimView(SourceLinks links) {
    this.links = links;
  }

  void render(Html h, ClaimResult c, String anchor, String note) {
    h.open("section", "class", c.verdict().passes() ? "claim" : "claim fail", "id", anchor);
    h.open("h3").text(c.name() + " ");
    Badges.badge(h, c.verdict());
    h.text(" ").timing(c.seconds()).close("h3");
    h.open("p", "class", "meta").text(c.kind().label() + " · ");
    links.link(h, c.location());
    h.close("p");
    h.element("p", c.message());
    if (note != null && !note.isBlank()) {
      h.element("p", "Note: " + note, "class", "meta");
    }
    Map<String, Object> e = c.evidence();
    switch (c.kind()) {
      case SYMBOLIC -> SymbolicView.render(h, e);
      case CROSSCHECK -> CrosscheckView.render(h, e, anchor + "-plot");
      case PROPERTY -> PropertyView.render(h, e);
    }
    h.close("section");
  }
}
