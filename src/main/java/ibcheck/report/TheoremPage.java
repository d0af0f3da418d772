package ibcheck.report;

import ibcheck.spec.Definition;
import ibcheck.spec.Domain;
import ibcheck.spec.Step;
import ibcheck.spec.TheoremSpec;
import ibcheck.verdict.ClaimKind;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.TheoremResult;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One theorem's page: a summary (claims counted by verdict, contents), what failed (in plain
 * words, with the counterexample), then the
 * statement as math, conventions, symbols, definitions, and every claim grouped by kind. The spec
 * is null when the file could not be read; the page then shows the file error alone.
 */
final class TheoremPage {
  private final SourceLinks links;
  private final ClaimView claims;
  private final SymjaTex symja = new SymjaTex();
  /** The blank of a Symja pattern variable, {@code z_} in {@code q(z_)}: the reader's q(z). */
  private static final Pattern PATTERN_BLANK = Pattern.compile("(?<=\\w)_(?=[,)\\s]|$)");

  TheoremPage(SourceLinks links) {
    this.links = links;
    this.claims = new ClaimView(links);
  }

  String render(TheoremResult r, TheoremSpec spec) {
    Html h = Page.start(r.id() + " — ibcheck", "../assets");
    h.open("p").open("a", "href", "../index.html").text("← all theorems").close("a").close("p");
    h.open("h1");
    ProseTex.render(h, r.title());
    h.close("h1");
    h.open("p", "class", "meta").element("code", r.id()).text(" · " + r.source() + " · ");
    links.link(h, r.file());
    h.close("p");
    h.open("p").text("Verdict ");
    Badges.badge(h, r.verdict());
    h.text(" · checked in ").timing(r.seconds()).close("p");

    List<ClaimResult> all = r.claims();
    summary(h, all, spec);
    failures(h, all);
    if (spec != null) {
      setting(h, spec);
    }
    Map<String, String> notes = new HashMap<>();
    if (spec != null) {
      spec.derivation().forEach(s -> notes.putIfAbsent(s.name(), s.note()));
    }
    for (ClaimKind kind : ClaimKind.values()) {
      section(h, all, kind, notes);
    }
    return Page.end(h);
  }

  /**
   * The claims counted by verdict (the theorem's verdict is the worst of them, so the badge above
   * alone hides how much was proved), then a table of contents down to each claim.
   */
  private static void summary(Html h, List<ClaimResult> all, TheoremSpec spec) {
    h.open("nav", "class", "summary", "id", "summary").open("p").element("strong", all.size() + " claims: ");
    Badges.counts(h, all);
    h.close("p").open("ol", "class", "toc");
    if (all.stream().anyMatch(c -> !c.verdict().passes())) {
      tocEntry(h, "what-failed", "What failed").close("li");
    }
    if (spec != null) {
      tocEntry(h, "statement", "Statement").close("li");
      if (hasConventions(spec)) {
        tocEntry(h, "conventions", "Conventions").close("li");
      }
      if (!spec.symbols().isEmpty()) {
        tocEntry(h, "symbols", "Symbols").close("li");
      }
      if (!spec.definitions().isEmpty()) {
        tocEntry(h, "definitions", "Definitions").close("li");
      }
    }
    for (ClaimKind kind : ClaimKind.values()) {
      if (all.stream().noneMatch(c -> c.kind() == kind)) {
        continue;
      }
      tocEntry(h, sectionId(kind), sectionTitle(kind)).open("ol");
      for (int i = 0; i < all.size(); i++) {
        ClaimResult c = all.get(i);
        if (c.kind() == kind) {
          h.open("li").open("a", "href", "#claim-" + i);
          ProseTex.render(h, c.name());
          h.close("a").text(" ");
          Badges.badge(h, c.verdict());
          h.close("li");
        }
      }
      h.close("ol").close("li");
    }
    h.close("ol").close("nav");
  }

  /** Opens a list item linking to {@code #anchor}; the caller closes it. */
  private static Html tocEntry(Html h, String anchor, String title) {
    return h.open("li").open("a", "href", "#" + anchor).text(title).close("a");
  }

  private static boolean hasConventions(TheoremSpec spec) {
    return spec.conventions() != null && !spec.conventions().isBlank();
  }

  private static String sectionTitle(ClaimKind k) {
    return switch (k) {
      case SYMBOLIC -> "Derivation";
      case CROSSCHECK -> "Numeric cross-checks";
      case PROPERTY -> "Properties";
    };
  }

  private static String sectionId(ClaimKind k) {
    return switch (k) {
      case SYMBOLIC -> "derivation";
      case CROSSCHECK -> "crosschecks";
      case PROPERTY -> "properties";
    };
  }

  /** The failed claims first, each in one plain sentence with its cause and counterexample. */
  private void failures(Html h, List<ClaimResult> all) {
    if (all.stream().allMatch(c -> c.verdict().passes())) {
      return;
    }
    h.open("div", "class", "failure", "id", "what-failed").element("h2", "What failed");
    for (int i = 0; i < all.size(); i++) {
      ClaimResult c = all.get(i);
      if (c.verdict().passes()) {
        continue;
      }
      h.open("p").open("strong").text("The " + kindWord(c.kind()) + " “");
      ProseTex.render(h, c.name());
      h.text("” " + Badges.plainWords(c.verdict()) + ".").close("strong").text(" ");
      Badges.badge(h, c.verdict());
      h.text(" at ");
      links.link(h, c.location());
      h.text(" — ").open("a", "href", "#claim-" + i).text("details").close("a").close("p");
      h.element("p", c.message());
      Object counterexample = counterexample(c.evidence());
      if (counterexample != null) {
        h.open("div", "class", "counterexample").element("strong", "Counterexample");
        EvidenceTree.render(h, counterexample);
        h.close("div");
      }
    }
    h.close("div");
  }

  private static Object counterexample(Map<String, Object> e) {
    if (e.get("counterexample") != null) {
      return e.get("counterexample");
    }
    return e.get("witness") instanceof Map<?, ?> w ? w.get("counterexample") : null;
  }

  private static String kindWord(ClaimKind k) {
    return switch (k) {
      case SYMBOLIC -> "step";
      case CROSSCHECK -> "cross-check";
      case PROPERTY -> "property";
    };
  }

  /** Statement, conventions, and the symbols and definitions as TeX (Symja's TeXForm; the source on hover). */
  private void setting(Html h, TheoremSpec spec) {
    h.element("h2", "Statement", "id", "statement");
    h.displayMath(StatementTex.of(spec.statement()));
    if (hasConventions(spec)) {
      h.element("h2", "Conventions", "id", "conventions").open("p");
      ProseTex.render(h, spec.conventions().strip());
      h.close("p");
    }
    if (!spec.symbols().isEmpty()) {
      h.element("h2", "Symbols", "id", "symbols").open("table").open("tr").element("th", "symbol").element("th", "assumption")
          .element("th", "witnesses sample").close("tr");
      for (Map.Entry<String, Domain> s : spec.symbols().entrySet()) {
        Domain d = s.getValue();
        h.open("tr").open("td");
        symja.render(h, s.getKey());
        h.close("td").open("td", "title", d.assumption(s.getKey()));
        String assumption = symja.assumption(s.getKey(), d);
        if (assumption == null) {
          h.element("code", d.assumption(s.getKey()));
        } else {
          h.inlineMath(assumption);
        }
        h.close("td").element("td", "[" + Numbers.format(d.low()) + ", " + Numbers.format(d.high()) + "]").close("tr");
      }
      h.close("table");
    }
    if (!spec.definitions().isEmpty()) {
      h.element("h2", "Definitions", "id", "definitions").open("table").open("tr").element("th", "name").element("th", "definition")
          .element("th", "where").close("tr");
      for (Definition d : spec.definitions()) {
        // the Symja source stays one hover away: the TeX is what a reader checks against the paper
        h.open("tr").open("td", "title", d.lhs());
        symja.render(h, PATTERN_BLANK.matcher(d.lhs()).replaceAll(""));
        h.close("td").open("td", "title", d.rhs());
        symja.render(h, d.rhs());
        h.close("td").open("td");
        links.link(h, d.location());
        h.close("td").close("tr");
      }
      h.close("table");
    }
  }

  private void section(Html h, List<ClaimResult> all, ClaimKind kind, Map<String, String> notes) {
    if (all.stream().noneMatch(c -> c.kind() == kind)) {
      return;
    }
    h.element("h2", sectionTitle(kind), "id", sectionId(kind));
    for (int i = 0; i < all.size(); i++) {
      ClaimResult c = all.get(i);
      if (c.kind() == kind) {
        claims.render(h, c, "claim-" + i, notes.get(c.name()));
      }
    }
  }
}
