package ibcheck.report;

import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.TheoremResult;
import ibcheck.verdict.Verdict;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code index.html}: one row per theorem — failures first, then checked-numerically, then the rest,
 * each group in file order — with totals, the seed, the versions and the date.
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
    h.open("table").open("tr");
    for (String th : new String[] {"theorem", "source", "verdict", "claims", "time"}) {
      h.element("th", th);
    }
    h.close("tr");
    double total = 0;
    for (Entry e : ordered) {
      TheoremResult r = e.result();
      total += r.seconds();
      h.open("tr").open("td").open("a", "href", e.page()).text(r.title()).close("a").open("br").element("code", r.id()).close("td");
      h.element("td", r.source()).open("td");
      Badges.badge(h, r.verdict());
      h.close("td").element("td", counts(r.claims())).open("td", "class", "num").timing(r.seconds()).close("td").close("tr");
    }
    List<ClaimResult> allClaims = entries.stream().flatMap(e -> e.result().claims().stream()).toList();
    long failing = entries.stream().filter(e -> !e.result().passes()).count();
    h.open("tr").element("th", "total: " + entries.size() + " theorems, " + failing + " failing")
        .element("th", "").element("th", "").element("th", counts(allClaims))
        .open("th", "class", "num").timing(total).close("th").close("tr");
    h.close("table");
    return Page.end(h);
  }

  /** Claims by verdict, in the verdicts' declared order, e.g. "12 proved · 3 agrees". */
  static String counts(List<ClaimResult> claims) {
    Map<Verdict, Long> n = new EnumMap<>(Verdict.class);
    claims.forEach(c -> n.merge(c.verdict(), 1L, Long::sum));
    return n.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().label()).collect(Collectors.joining(" · "));
  }

  /** Failures first, then the weaker passes, then the rest. */
  private static int group(Verdict v) {
    return !v.passes() ? 0 : v.weak() ? 1 : 2;
  }
}
