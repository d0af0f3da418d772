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
