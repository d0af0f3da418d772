package ibcheck.report;

import java.nio.file.Path;

/**
 * Links from a report page back to the theorem file, shown as {@code file:line}. The link is
 * relative to the page, so a report opened from disk next to its checkout finds the file.
 */
final class SourceLinks {
  private final Path pageDir;

  SourceLinks(Path pageDir) {
    this.pageDir = pageDir.toAbsolutePath().normalize();
  }

  void link(Html h, String location) {
    if (location == null || location.isBlank()) {
      return;
    }
    int colon = location.lastIndexOf(':');
    String file = colon > 0 && location.substring(colon + 1).matches("\\d+") ? location.substring(0, colon) : location;
    String href;
    try {
      Path target = Path.of(file).toAbsolutePath().normalize();
      href = pageDir.relativize(target).toString().replace('\\', '/');
    } catch (RuntimeException e) {
      h.element("code", location);
      return;
    }
    h.open("a", "href", href).element("code", location).close("a");
  }
}
