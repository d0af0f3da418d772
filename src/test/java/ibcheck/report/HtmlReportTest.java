package ibcheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
