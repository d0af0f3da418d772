package ibcheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibcheck.TheoremFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reports as a person sees them: the gate runs on a passing and a deliberately failing theorem,
 * then headless Chromium opens the pages from disk and the test reads the DOM after MathJax ran.
 * Skipped (with a message) only where /usr/bin/chromium is missing; {@code .ci/run} installs it.
 */
class ReportBrowserTest {
  static final String GOOD = """
      id: good
      title: q is the potential Q_alpha of the diagonal network, with beta(infinity) = argmin Q_alpha
      source: test
      statement: |
        Q_\\alpha(\\boldsymbol\\beta)=\\alpha^2\\sum_i q(\\beta_i/\\alpha^2),\\quad q(z)=2-\\sqrt{4+z^2}+z\\arcsinh\\frac z2,\\quad
        \\text{and a long second line that would make a single display formula far wider than any window: } q(z)=\\frac{z^2}{4}-\\frac{z^4}{192}+\\frac{z^6}{2560}-\\frac{5z^8}{229376}+\\frac{7 z^{10}}{3440640}
        \\text{and a third, } \\cancel{0} = 0 .
      conventions: Q_alpha(beta) = alpha^2 sum_i q(beta_i/alpha^2), and the flow starts at beta(0) = 0.
      symbols:
        z: real
        alpha: positive in [0.05, 10]
        b: real
      define:
        q(z_): 2 - Sqrt(4 + z^2) + z*ArcSinh(z/2)
        Qa(b_, alpha_): alpha^2*q(b/alpha^2)
      derivation:
        - name: q' = arcsinh(z/2), so q is its antiderivative with q(0) = 0 and ||q||_inf unbounded
          show: D(q(z), z) == ArcSinh(z/2)
        - name: kernel regime
          show: q(z) == z^2/4 - z^4/192 + O(z^6)
      crosschecks:
        - name: the flow limit is argmin Q_alpha
          model: diagonal-network
          sweep: {alpha: [0.1, 1]}
          data: {rows: 3, cols: 6, sparse-truth: 2, seed: 7}
          predicts:
            potential: Qa(b, alpha)
            coordinate: b
          tolerance: 1e-6
        - name: rich and kernel regimes
          kind: regime
          model: diagonal-network
          sweep: {alpha: [0.01, 0.1, 1, 10]}
          data: {rows: 3, cols: 6, sparse-truth: 2, seed: 7}
          tolerance: 1e-9
      """;
  /** A wrong claim, and a title that tries to inject markup. */
  static final String BAD = """
      id: bad
      title: "a wrong identity <b id=injected>bold</b>"
      source: test
      statement: \\sin^2 z = \\sin z
      symbols:
        z: real
      derivation:
        - name: sin squared is sin
          show: Sin(z)^2 == Sin(z)
      """;

  @TempDir static Path dir;
  static Path reports;

  @BeforeAll
  static void runGate() {
    Assumptions.assumeTrue(Chromium.available(),
        "SKIPPED: /usr/bin/chromium is not installed (apt-get install -y chromium); the reports are not checked in a browser");
    TheoremFiles.check(dir, Map.of("good.yaml", GOOD, "bad.yaml", BAD));
    reports = dir.resolve("reports");
  }

  @Test
  void indexListsFailuresFirstWithTheRunsSeedAndVersions() throws Exception {
    String dom = Chromium.dumpDom(reports.resolve("index.html"));
    assertTrue(dom.contains("theorems/bad.html") && dom.contains("theorems/good.html"), dom);
    assertTrue(dom.indexOf("theorems/bad.html") < dom.indexOf("theorems/good.html"), "failures first");
    assertTrue(dom.contains("Seed 20201") && dom.contains("Symja 3.0.0") && dom.contains("Hipparchus"), dom);
    assertFalse(dom.contains("<b id=\"injected\">"), "text from a theorem file must be escaped");
  }

  @Test
  void theoremPageShowsRenderedMathAndPlots() throws Exception {
    Path page = reports.resolve("theorems/good.html");
    String dom = Chromium.dumpDom(page);
    int math = count(dom, "class=\"math");
    int rendered = count(dom, "<mjx-container");
    assertTrue(math >= 3, "statement and two claims are math: " + math);
    assertTrue(rendered >= math, "MathJax rendered " + rendered + " of " + math + " formulas");
    assertFalse(dom.contains("\\(") || dom.contains("\\["), "raw TeX left on the page");
    assertFalse(dom.contains("<g data-mml-node=\"merror\""), "MathJax reported a TeX error");
    assertTrue(count(dom, "<div class=\"plot\"><svg") >= 3, "regime plot and two error plots");
    Chromium.screenshot(page, dir.resolve("good.png"));
    assertTrue(Files.size(dir.resolve("good.png")) > 10_000, "screenshot written");
  }

  @Test
  void aFailedTheoremsPageOpensWithWhatFailedAndTheCounterexample() throws Exception {
    String dom = Chromium.dumpDom(reports.resolve("theorems/bad.html"));
    int failure = dom.indexOf("What failed");
    int counterexample = dom.indexOf("Counterexample");
    assertTrue(failure >= 0 && counterexample > failure, dom);
    assertTrue(counterexample < dom.indexOf("id=\"statement\""), "the counterexample comes before the statement");
    assertTrue(dom.contains("“sin squared is sin” is false: a numeric witness found a counterexample"), dom);
    Matcher at = Pattern.compile("z = -?\\d+").matcher(dom.substring(counterexample));
    assertTrue(at.find(), "the counterexample names the point");
    assertFalse(dom.contains("<b id=\"injected\">"), "text from a theorem file must be escaped");
    assertTrue(count(dom, "<mjx-container") >= 2, "statement and claim rendered");
  }

  /** Every page a reader can open: the index, each theorem, each source copy. */
  private static List<Path> allPages() throws Exception {
    try (Stream<Path> s = Files.walk(reports)) {
      return s.filter(p -> p.toString().endsWith(".html")).sorted().toList();
    }
  }

  @Test
  void everyPageFitsA1400PixelWindowWithItsMathRenderedAndNoRawJavaValues() throws Exception {
    List<Path> pages = allPages();
    assertTrue(pages.size() >= 5, "index, two theorem pages, two source copies: " + pages);
    for (Path page : pages) {
      String name = reports.relativize(page).toString();
      String html = Files.readString(page);
      for (String raw : new String[] {"[D@", "[I@", "[J@", ">null<"}) {
        assertFalse(html.contains(raw), name + " shows " + raw);
      }
      String dom = Chromium.measure(page, 1400);
      int scroll = attribute(dom, "data-scroll-width");
      int client = attribute(dom, "data-client-width");
      assertTrue(client > 1000 && scroll <= client, name + " is " + scroll + " px wide in a " + client + " px window");
      assertEquals(0, attribute(dom, "data-merror"), name + ": MathJax rejected a formula");
      assertEquals(0, attribute(dom, "data-unrendered-heading-math"), name + ": math in a heading left as TeX");
      if (name.endsWith("good.html")) {
        // the title's Q_alpha and beta(infinity), the claim name's q', arcsinh(z/2), q(0), ||q||_inf
        assertTrue(attribute(dom, "data-heading-math") >= 4, name + ": the ASCII math in title and claim names is typeset");
      }
    }
  }

  @Test
  void everyTheoremPageOpensWithItsClaimsCountedByVerdictAndAContentsList() throws Exception {
    for (String page : new String[] {"theorems/good.html", "theorems/bad.html"}) {
      String html = Files.readString(reports.resolve(page));
      int summary = html.indexOf("<nav class=\"summary\"");
      assertTrue(summary >= 0 && summary < html.indexOf("id=\"statement\""), page + " has no summary before the statement");
      assertTrue(html.contains("href=\"#claim-0\"") && html.contains("href=\"#statement\""), page);
    }
    String good = Files.readString(reports.resolve("theorems/good.html"));
    assertTrue(good.contains("4 claims: "), "good has two steps and two cross-checks");
    assertTrue(Pattern.compile(">2 proved<").matcher(good).find(), good);
    String index = Chromium.dumpDom(reports.resolve("index.html"));
    assertTrue(index.contains(">2 proved<") && index.contains(">1 refuted<"), "the index counts each theorem's claims");
    assertTrue(index.contains("id=\"verdict-filter\"") && index.contains("<button type=\"button\" class=\"sort\""), index);
  }

  @Test
  void theIndexFiltersByVerdictAndSortsByAColumn() throws Exception {
    // choose "refuted", then sort by theorem twice (descending): only bad is shown, good is hidden;
    // the row order after sorting is recorded as the ids in order
    String dom = Chromium.withScript(reports.resolve("index.html"), 1400, "var f = document.getElementById('verdict-filter');"
        + " f.value = 'refuted'; f.dispatchEvent(new Event('change'));"
        + " var sort = document.querySelector('button.sort'); sort.click(); sort.click();"
        + " var rows = document.getElementById('theorems').tBodies[0].rows;"
        + " document.body.setAttribute('data-order', Array.prototype.map.call(rows, function (r) { return r.cells[0].getAttribute('data-sort'); }).join(','));"
        + " document.body.setAttribute('data-shown', Array.prototype.filter.call(rows, function (r) { return !r.hidden; })"
        + ".map(function (r) { return r.cells[0].getAttribute('data-sort'); }).join(','));");
    assertTrue(dom.contains("data-shown=\"bad\""), "only the theorem with a refuted claim is shown");
    assertTrue(dom.contains("data-order=\"good,bad\""), "sorted by theorem, descending");
  }

  @Test
  void sourceLinksStayInsideTheReportsFolderAndPointAtTheLine() throws Exception {
    String html = Files.readString(reports.resolve("theorems/bad.html"));
    Matcher link = Pattern.compile("href=\"\\.\\./sources/([a-z0-9._-]+)#L(\\d+)\"").matcher(html);
    assertTrue(link.find(), "a link to the copied source with a line anchor");
    Path copy = reports.resolve("sources").resolve(link.group(1));
    assertTrue(Files.readString(copy).contains("id=\"L" + link.group(2) + "\""), "the copy has the line's anchor");
    assertFalse(html.contains("href=\"../../"), "no link leaves the reports folder");
  }

  private static int attribute(String dom, String name) {
    Matcher m = Pattern.compile(name + "=\"(\\d+)\"").matcher(dom);
    assertTrue(m.find(), name + " not measured (did MathJax start?)");
    return Integer.parseInt(m.group(1));
  }

  private static int count(String s, String what) {
    int n = 0;
    for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }
}
