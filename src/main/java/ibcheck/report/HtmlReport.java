package ibcheck.report;

import ibcheck.spec.TheoremSpec;
import ibcheck.verdict.TheoremResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes the HTML reports next to {@code summary.json}: {@code index.html}, one page per theorem in
 * {@code theorems/}, a copy of each linked theorem file in {@code sources/}, and {@code assets/}
 * (stylesheet, script, MathJax). The output depends only on the
 * results, the specs and the seed, apart from the elements of class {@code timing} and {@code date}:
 * two runs with the same seed give the same bytes elsewhere.
 */
public final class HtmlReport {
  /** Page names stay far below the usual 255-byte limit on file names. */
  private static final int MAX_NAME_STEM = 120;
  private final Path dir;

  /**
   * Loads the charting and font classes on a background thread (about 0.7 s in a cold JVM), so that
   * writing the reports after the theorems are checked does not pay for it. Safe to call more than once.
   */
  public static void warmUp() {
    Thread t = new Thread(Plot::warmUp, "ibcheck-report-warm-up");
    t.setDaemon(true);
    t.start();
  }

  /** @param dir the reports folder */
  public HtmlReport(Path dir) {
    this.dir = dir;
  }

  /**
   * Writes every page.
   *
   * @param results in file order
   * @param specs theorem id to its spec, for the statement and definitions (absent for unreadable files)
   * @param seed the run's base seed
   * @return the index page
   */
  public Path write(List<TheoremResult> results, Map<String, TheoremSpec> specs, long seed) throws IOException {
    Path assets = dir.resolve("assets");
    MathJax.install(assets);
    MathJax.copy("/ibcheck/report/report.css", assets.resolve("report.css"));
    MathJax.copy("/ibcheck/report/report.js", assets.resolve("report.js"));
    Path pages = Files.createDirectories(dir.resolve("theorems"));
    Path sources = Files.createDirectories(dir.resolve(SourceLinks.FOLDER));
    removeOldPages(pages);
    removeOldPages(sources);
    SourceLinks links = new SourceLinks();
    TheoremPage page = new TheoremPage(links);
    List<IndexPage.Entry> entries = new ArrayList<>();
    Set<String> taken = new HashSet<>();
    for (TheoremResult r : results) {
      String name = fileName(r.id(), taken);
      writeAtomically(pages.resolve(name), page.render(r, specs.get(r.id())));
      entries.add(new IndexPage.Entry(r, "theorems/" + name));
    }
    for (SourceLinks.Copy copy : links.copies()) {
      writeAtomically(sources.resolve(copy.name()), SourceLinks.page(copy.shownAs(), SourceLinks.read(copy.file())));
    }
    String date = ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ROOT));
    Path index = dir.resolve("index.html");
    writeAtomically(index, IndexPage.render(entries, seed, Versions.all(), date));
    return index;
  }

  /** A file name from a theorem id (ids come from files: reduced to safe characters, made unique). */
  static String fileName(String id, Set<String> taken) {
    String base = id.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "_");
    if (base.isEmpty() || base.startsWith(".")) {
      base = "_" + base;
    }
    // error results take their id from a file name, which may be up to 255 bytes
    base = base.substring(0, Math.min(base.length(), MAX_NAME_STEM));
    String name = base + ".html";
    for (int i = 2; !taken.add(name); i++) {
      name = base + "-" + i + ".html";
    }
    return name;
  }

  /** Pages of an earlier run (another theorem set, --only) would sit there unlinked and stale. */
  private static void removeOldPages(Path pages) throws IOException {
    try (var old = Files.list(pages)) {
      for (Path p : old.filter(p -> p.getFileName().toString().endsWith(".html")).toList()) {
        Files.delete(p);
      }
    }
  }

  private static void writeAtomically(Path target, String html) throws IOException {
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    Files.writeString(tmp, html, StandardCharsets.UTF_8);
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
