package ibcheck.report;

import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.TheoremResult;
import ibcheck.verdict.Verdict;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code index.html}: one row per theorem — failures first, then checked-numerically, then the rest,
 * each group in file order — with each theorem's claims counted by verdict, totals, the seed, the
 * versions and the date. {@code assets/report.js} sorts the table by a column and filters it by verdict.
 */
final class IndexPage {
  private IndexPage() {}

  /** A theorem and the file name of its page. */
  record Entry(TheoremResult result, String page) {}

  static String render(List<Entry> entries, long seed, Map<String, String> versions, String date) {
    Html h = Page.start("ibcheck report", "assets");
    boolean passed = !entries.isEmpty() && entries.stream().allMatch(e -> e.result().passes());
    h.element("h1", "ibcheck report");
    h.open("p").text(passed ? "All claims pass. " : "Some claims fail. ")
        .text("Seed " + seed + " · ")
        .text(versions.entrySet().stream().map(v -> v.getKey() + " " + v.getValue()).collect(Collectors.joining(" · ")))
        .text(" · ").element("span", date, "class", "date").close("p");

    List<Entry> ordered = entries.stream().sorted(Comparator.comparingInt(e -> group(e.result().verdict()))).toList();
    filter(h, entries);
    h.open("div", "class", "scroll").open("table", "class", "theorems", "id", "theorems").open("thead").open("tr");
    for (String th : new String[] {"theorem", "source", "verdict", "claims by verdict", "time"}) {
      h.open("th").open("button", "type", "button", "class", "sort").text(th).close("button").close("th");
    }
    h.close("tr").close("thead").open("tbody");
    double total = 0;
    for (Entry e : ordered) {
      TheoremResult r = e.result();
      total += r.seconds();
      h.open("tr", "data-verdict", r.verdict().label(), "data-claims", claimVerdicts(r.claims()));
      h.open("td", "data-sort", r.id()).open("a", "href", e.page());
      ProseTex.render(h, r.title());
      h.close("a").open("br").element("code", r.id()).close("td");
      h.element("td", r.source()).open("td", "data-sort", String.valueOf(rank(r.verdict())));
      Badges.badge(h, r.verdict());
      h.close("td").open("td", "data-sort", String.valueOf(r.claims().size()));
      Badges.counts(h, r.claims());
      h.close("td").open("td", "class", "num").timing(r.seconds()).close("td").close("tr");
    }
    h.close("tbody");
    List<ClaimResult> allClaims = entries.stream().flatMap(e -> e.result().claims().stream()).toList();
    long failing = entries.stream().filter(e -> !e.result().passes()).count();
    h.open("tfoot").open("tr").element("th", "total: " + entries.size() + " theorems, " + failing + " failing")
        .element("th", "").element("th", "").open("th");
    Badges.counts(h, allClaims);
    h.close("th").open("th", "class", "num").timing(total).close("th").close("tr").close("tfoot");
    h.close("table").close("div");
    h.open("script", "src", "assets/report.js").close("script");
    return Page.end(h);
  }

  /**
   * A choice of verdict: report.js then shows only the theorems with a claim of that verdict
   * (without scripts the whole table stays visible).
   */
  private static void filter(Html h, List<Entry> entries) {
    List<ClaimResult> all = entries.stream().flatMap(e -> e.result().claims().stream()).toList();
    h.open("p", "class", "filter").open("label", "for", "verdict-filter").text("Show theorems with a claim that is ").close("label");
    h.open("select", "id", "verdict-filter").element("option", "any verdict", "value", "");
    for (Verdict v : Badges.byVerdict(all).keySet()) {
      h.element("option", v.label(), "value", v.label());
    }
    h.close("select").text(" · click a column heading to sort").close("p");
  }

  /** The verdicts a theorem's claims got, space-separated, for the filter. */
  private static String claimVerdicts(List<ClaimResult> claims) {
    return Badges.byVerdict(claims).keySet().stream().map(Verdict::label).collect(Collectors.joining(" "));
  }

  /** Failures first, then the weaker passes, then the rest. */
  private static int group(Verdict v) {
    return !v.passes() ? 0 : v.weak() ? 1 : 2;
  }

  /** Sort key of the verdict column: the same order as {@link #group}, then declaration order. */
  private static int rank(Verdict v) {
    return group(v) * Verdict.values().length + v.ordinal();
  }
}
