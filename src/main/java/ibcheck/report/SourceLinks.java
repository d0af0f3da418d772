package ibcheck.report;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Links from a report page to the theorem file, shown as {@code file:line}. The reports folder gets
 * its own copy of every linked file ({@code sources/NAME.html}, one anchor {@code #L35} per line),
 * so the links keep working when the folder is moved, archived by CI or opened without the checkout.
 */
final class SourceLinks {
  /** Where the copies go, relative to the reports folder; the pages that link sit one level below it. */
  static final String FOLDER = "sources";
  /** A copy to write: its file name, the linked file as the pages show it, and the file. */
  record Copy(String name, String shownAs, Path file) {}

  /** Linked file (absolute, normalised) to its copy, in the order first linked. */
  private final Map<Path, Copy> copies = new LinkedHashMap<>();
  private final Set<String> taken = new HashSet<>();

  /** A link to {@code location} ({@code file} or {@code file:line}); plain text if the file is not readable. */
  void link(Html h, String location) {
    if (location == null || location.isBlank()) {
      return;
    }
    int colon = location.lastIndexOf(':');
    boolean hasLine = colon > 0 && location.substring(colon + 1).matches("\\d+");
    String file = hasLine ? location.substring(0, colon) : location;
    Path target;
    try {
      target = Path.of(file).toAbsolutePath().normalize();
    } catch (RuntimeException e) {
      target = null;
    }
    if (target == null || !Files.isReadable(target) || Files.isDirectory(target)) {
      h.element("code", location);
      return;
    }
    Copy copy = copies.computeIfAbsent(target, t -> new Copy(HtmlReport.fileName(t.getFileName().toString(), taken), file, t));
    String href = "../" + FOLDER + "/" + URLEncoder.encode(copy.name(), StandardCharsets.UTF_8)
        + (hasLine ? "#L" + location.substring(colon + 1) : "");
    h.open("a", "href", href).element("code", location).close("a");
  }

  /** The copies to write, in the order first linked. */
  List<Copy> copies() {
    return List.copyOf(copies.values());
  }

  /** A copy of a theorem file as a page: its text, each line numbered and its own anchor. */
  static String page(String title, String text) {
    Html h = Page.start(title + " — ibcheck", "../assets");
    h.open("p").open("a", "href", "../index.html").text("← all theorems").close("a").close("p");
    h.element("h1", title).open("pre", "class", "source");
    String[] lines = text.split("\r?\n", -1);
    int n = text.endsWith("\n") ? lines.length - 1 : lines.length;
    for (int i = 1; i <= n; i++) {
      // Html.close ends the line, which inside <pre> would split a numbered line in two
      h.open("span", "class", "line", "id", "L" + i).trusted("<a class=\"ln\" href=\"#L" + i + "\">" + i + "</a>")
          .text(lines[i - 1]).trusted("</span>\n");
    }
    h.close("pre");
    return Page.end(h);
  }

  static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}
