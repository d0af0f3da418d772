package ibcheck.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Test support: headless Chromium opening a page from disk, as a reader would. */
final class Chromium {
  static final Path BINARY = Path.of("/usr/bin/chromium");

  private Chromium() {}

  static boolean available() {
    return Files.isExecutable(BINARY);
  }

  /** The page's DOM after its scripts ran (MathJax included), as Chromium serialises it. */
  static String dumpDom(Path page) throws IOException, InterruptedException {
    return run(page, "--dump-dom");
  }

  /**
   * What a reader's window of {@code width} pixels shows once MathJax has finished: the DOM, with the
   * body carrying {@code data-scroll-width} and {@code data-client-width} (wider scroll width: the
   * page scrolls sideways), {@code data-merror} (formulas MathJax rejected), {@code data-heading-math} (formulas in h1-h3) and
   * {@code data-unrendered-heading-math} (math in h1-h3 left as TeX).
   */
  static String measure(Path page, int width) throws IOException, InterruptedException {
    return withScript(page, width, "MathJax.startup.promise.then(function () { var b = document.body, d = document.documentElement;"
        + " b.setAttribute('data-scroll-width', d.scrollWidth); b.setAttribute('data-client-width', d.clientWidth);"
        + " b.setAttribute('data-merror', document.querySelectorAll('[data-mml-node=merror]').length);"
        + " b.setAttribute('data-heading-math', document.querySelectorAll('h1 .math, h2 .math, h3 .math').length);"
        + " b.setAttribute('data-unrendered-heading-math', Array.prototype.filter.call("
        + "document.querySelectorAll('h1 .math, h2 .math, h3 .math'), function (m) { return !m.querySelector('mjx-container'); }).length);"
        + " });");
  }

  /**
   * The DOM after {@code script} ran at the end of the page, as a reader's action would (choosing a
   * filter, clicking a heading). Run on a copy of the page beside it, so its relative links hold.
   */
  static String withScript(Path page, int width, String script) throws IOException, InterruptedException {
    String html = Files.readString(page, StandardCharsets.UTF_8);
    Path copy = page.resolveSibling("probe-" + page.getFileName());
    Files.writeString(copy, html.replace("</body>", "<script>" + script + "</script></body>"), StandardCharsets.UTF_8);
    try {
      return run(copy, "--dump-dom", "--window-size=" + width + ",1000");
    } finally {
      Files.deleteIfExists(copy);
    }
  }

  /** Writes a screenshot, for a person to look at. */
  static void screenshot(Path page, Path png) throws IOException, InterruptedException {
    run(page, "--screenshot=" + png.toAbsolutePath(), "--window-size=1200,1600");
  }

  private static String run(Path page, String... mode) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("ibcheck-chromium-");
    try {
      List<String> cmd = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
          "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking", "--disable-component-update",
          "--disable-sync", "--user-data-dir=" + profile, "--virtual-time-budget=10000"));
      cmd.addAll(List.of(mode));
      cmd.add(page.toAbsolutePath().toUri().toString());
      Path out = profile.resolve("stdout.html");
      Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("chromium did not finish within 120 s on " + page);
      }
      return Files.readString(out, StandardCharsets.UTF_8);
    } finally {
      try (Stream<Path> s = Files.walk(profile)) {
        s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }
}
