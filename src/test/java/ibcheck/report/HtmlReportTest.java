package ibcheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibcheck.TheoremFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reports without a browser: escaping, and the same bytes from two runs with the same seed. */
class HtmlReportTest {
  @TempDir Path dir;

  @Test
  void textIsEscapedInContentAndAttributes() {
    String html = new Html().open("a", "href", "x\"><script>").text("<b>&'").close("a").toString();
    assertEquals("<a href=\"x&quot;&gt;&lt;script&gt;\">&lt;b&gt;&amp;&#39;</a>\n", html);
  }

  @Test
  void plotLabelsFromTheFileCannotCarryMarkup() {
    String svg = new Plot("a<script>&\"'", "error").series("s</text>", new double[] {1, 2}, new double[] {1, 2}).svg("t");
    assertTrue(svg.startsWith("<svg") && !svg.contains("<script") && !svg.contains("</text>\""), svg);
    assertEquals("a_script_", Plot.safe("a<script>"));
  }

  @Test
  void primitiveArraysInEvidenceShowTheirNumbersNotJavaIdentities() {
    Html h = new Html();
    Map<String, Object> e = new java.util.LinkedHashMap<>();
    e.put("band", new double[] {-0.75, -0.25});
    e.put("widths", new int[] {50, 100});
    e.put("nested", Map.of("support", new long[] {3L}));
    EvidenceTree.render(h, e);
    String html = h.toString();
    assertFalse(html.contains("[D@") || html.contains("[I@") || html.contains("[J@"), html);
    assertTrue(html.contains("[-0.75, -0.25]") && html.contains("[50, 100]") && html.contains("[3]"), html);
  }

  @Test
  void absentValuesInRecordsAreBlankCellsNotTheWordNull() {
    Html h = new Html();
    Map<String, Object> row = new java.util.HashMap<>();
    row.put("x", null);
    row.put("y", 1.5);
    EvidenceTree.render(h, java.util.List.of(row, Map.of("x", 2)));
    EvidenceTree.render(h, row); // a flat record on one line: "y = 1.5", not "x = null; y = 1.5"
    assertFalse(h.toString().contains("null"), h.toString());
    assertTrue(h.toString().contains("<code>y = 1.5</code>"), h.toString());
  }

  @Test
  void crosscheckPointsWithoutASweepAreShownAsTheirRecordsNotEmptyCells() {
    Html h = new Html();
    Map<String, Object> e = new java.util.LinkedHashMap<>();
    e.put("points", java.util.List.of(Map.of("n", 3, "margin", 0.25), Map.of("n", 4, "margin", 0.5)));
    CrosscheckView.render(h, e, "c");
    String html = h.toString();
    assertFalse(html.contains("null") || html.contains("flow certificate"), html);
    assertTrue(html.contains("margin") && html.contains("0.25"), html);
  }

  @Test
  void aTrendWitnessSaysHowTheDistanceToTheLimitShrankNotAnErrorAgainstATolerance() {
    Map<String, Object> w = new java.util.LinkedHashMap<>();
    w.put("outcome", "agree");
    w.put("method", "trend test: |f - L| along t = 10^2, ..., 10^64 must shrink steadily");
    w.put("points", java.util.List.of(Map.of("a", "1", "distanceToLimit", java.util.List.of(0.5, 0.01, 1e-5)),
        Map.of("a", "2", "distanceToLimit", java.util.List.of(0.25, 0.0068, 0.002))));
    w.put("maxError", 0.0068);
    w.put("tolerance", 1e-30);
    String html = witness(w);
    assertFalse(html.contains("tolerance 1.000e-30"), html);
    assertTrue(html.contains("distance to the claimed limit shrank from 0.25 to 0.002"), html);
  }

  @Test
  void aRemainderWitnessSaysTheRatioStayedBounded() {
    Map<String, Object> w = new java.util.LinkedHashMap<>();
    w.put("outcome", "agree");
    w.put("method", "remainder test: |f - p| / |z - 0|^6 along z = 0 +- 10^-1 ... 10^-6 must stay bounded");
    w.put("points", java.util.List.of(Map.of("remainderRatio", java.util.List.of(0.01, 0.012, 0.013))));
    w.put("maxError", 0.013);
    w.put("tolerance", 1e-30);
    String html = witness(w);
    assertFalse(html.contains("tolerance 1.000e-30"), html);
    assertTrue(html.contains("stayed between 0.01 and 0.013"), html);
  }

  private static String witness(Map<String, Object> w) {
    Html h = new Html();
    SymbolicView.render(h, Map.of("witness", w));
    return h.toString();
  }

  @Test
  void asciiMathInProseBecomesTexAndTheRestStaysText() {
    assertEquals("n^{-1/2}", ProseTex.tex("n^(-1/2)"));
    assertEquals("q(\\|\\beta \\|)", ProseTex.tex("q(||beta||)"));
    assertEquals("z\\cdot \\beta", ProseTex.tex("z.beta"));
    assertEquals("Q^{3}_{\\alpha }", ProseTex.tex("Q^3_alpha"));
    assertEquals(null, ProseTex.tex("lambda_max{(I"), "unbalanced braces stay text");
    assertEquals(null, ProseTex.tex("x_1_2"), "a double subscript stays text");
    assertEquals(null, ProseTex.tex("eps^2'"), "a prime after a power is a double superscript: stays text");
    Html h = new Html();
    ProseTex.render(h, "converge at rate n^(-1/2), like 0.5 and e.g. this.");
    ProseTex.render(h, " zeta-weighted");
    assertEquals("converge at rate <span class=\"math\">\\(n^{-1/2}\\)</span>, like 0.5 and e.g. this. zeta-weighted",
        h.toString(), "a hyphenated word stays prose");
  }

  @Test
  void aMultiLineStatementBreaksIntoRowsOnlyWhereEachLineIsCompleteTex() {
    assertEquals("\\begin{aligned}&a=b, \\\\ &c=\\frac{1}{2}\\end{aligned}", StatementTex.of("a=b,\nc=\\frac{1}{2}\n"));
    assertEquals("a=\\frac{1\n}{2}", StatementTex.of("a=\\frac{1\n}{2}"), "a group spanning lines is left whole");
    assertEquals("\\left(a\n\\right)", StatementTex.of("\\left(a\n\\right)"));
  }

  @Test
  void symbolsAndDefinitionsAreTexFromSymjasTexForm() {
    SymjaTex tex = new SymjaTex();
    String reals = tex.assumption("z", ibcheck.spec.Domain.parse("real"));
    String q = tex.of("2 - Sqrt(4 + z^2) + z*ArcSinh(z/2)");
    assertEquals("z \\in \\mathbb{R}", reals);
    assertEquals("\\alpha > 0", tex.assumption("alpha", ibcheck.spec.Domain.parse("positive in [0.05, 10]")));
    assertTrue(q.contains("\\sqrt") && !q.contains("Sqrt"), q);
    assertEquals(null, tex.of("(("), "unparsable Symja has no TeX");
  }

  @Test
  void plotsDrawMeasuredPointsAboveTheirFitInAColourBlindSafePalette() {
    double[] x = {1, 2, 3};
    Plot p = new Plot("x", "y").series("measured", x, new double[] {1, 2.1, 2.9}, false);
    for (int i = 0; i < 7; i++) {
      p.series("fit " + i, x, new double[] {1 + i, 2 + i, 3 + i});
    }
    assertEquals("measured", p.drawingOrder().get(p.drawingOrder().size() - 1), "the points are drawn last, on top");
    String svg = p.svg("palette");
    // JFreeChart's default series colours include yellow (255, 255, 85) and cyan (85, 255, 255)
    assertFalse(svg.contains("rgb(255,255,85)") || svg.contains("rgb(85,255,255)"), "no near-invisible yellow or cyan");
    assertTrue(svg.contains("rgb(0,114,178)") && svg.contains("rgb(213,94,0)"), "Okabe-Ito blue and vermillion");
  }

  @Test
  void fileNamesFromIdsAreSafeAndUnique() {
    var taken = new java.util.HashSet<String>();
    assertEquals("a_b.html", HtmlReport.fileName("a/b", taken));
    assertEquals("a_b-2.html", HtmlReport.fileName("a/b", taken));
    assertEquals("_...html", HtmlReport.fileName("..", taken));
  }

  @Test
  void twoRunsWithTheSameSeedWriteTheSameBytesApartFromTimingsAndDate() throws Exception {
    Map<String, String> files = Map.of("good.yaml", ReportBrowserTest.GOOD, "bad.yaml", ReportBrowserTest.BAD);
    TheoremFiles.check(dir, files);
    Map<String, String> first = pages(dir.resolve("reports"));
    TheoremFiles.check(dir, files);
    Map<String, String> second = pages(dir.resolve("reports"));
    assertEquals(first.keySet(), second.keySet());
    assertTrue(first.containsKey("index.html") && first.containsKey("theorems/good.html"), first.keySet().toString());
    for (String page : first.keySet()) {
      assertEquals(first.get(page), second.get(page), page + " differs between runs");
    }
  }

  /** Every page, with the contents of the timing and date elements blanked. */
  private static Map<String, String> pages(Path reports) throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(reports)) {
      for (Path p : s.filter(p -> p.toString().endsWith(".html")).toList()) {
        out.put(reports.relativize(p).toString(), Files.readString(p)
            .replaceAll("<span class=\"(timing|date)\">[^<]*</span>", "<span class=\"$1\"></span>"));
      }
    }
    return out;
  }
}
