package ibcheck.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every relative link in README.md and docs/ leads to a file that exists, and to a heading in it. */
class DocsLinksTest {
  @Test
  void everyRelativeLinkResolvesToAFileAndAHeading() {
    List<String> broken = new ArrayList<>();
    List<MarkdownFile> pages = MarkdownFile.projectDocs();
    for (MarkdownFile page : pages) {
      for (String link : page.links()) {
        if (link.matches("[a-z]+:.*")) {
          continue; // http:, https:, mailto: lead outside the repository
        }
        int hash = link.indexOf('#');
        String file = hash < 0 ? link : link.substring(0, hash);
        String anchor = hash < 0 ? null : link.substring(hash + 1);
        Path target = file.isEmpty() ? page.path() : page.path().resolveSibling(file).normalize();
        if (!Files.exists(target)) {
          broken.add(page.path() + ": " + link + " (no file " + target + ")");
          continue;
        }
        if (anchor != null && target.toString().endsWith(".md")
            && !MarkdownFile.read(target).anchors().contains(anchor)) {
          broken.add(page.path() + ": " + link + " (no heading #" + anchor + " in " + target + ")");
        }
      }
    }
    assertTrue(pages.size() > 10, "README.md and the docs/ pages: " + pages.size());
    assertEquals(List.of(), broken);
  }

  @Test
  void anchorsAreNamedAsGitHubNamesThem() {
    assertEquals("potential-argmin-and-time-warp-non-separable-potentials",
        MarkdownFile.slug("potential-argmin and time-warp: non-separable potentials"));
    assertEquals("expect-false-time-limits-and-cas-off", MarkdownFile.slug("expect: false, time limits and cas: off"));
  }

  @Test
  void theReadmeStaysShort() throws Exception {
    int lines = Files.readAllLines(Path.of("README.md")).size();
    assertTrue(lines <= 200, "README.md has " + lines + " lines; move reference text to docs/");
  }
}
