package ibcheck.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * One Markdown page of the documentation, parsed by commonmark: its links, the anchors of its
 * headings (as GitHub names them) and its fenced code blocks, in document order.
 */
final class MarkdownFile {
  /** A fenced block: its info string ({@code yaml}, {@code text}, ...) and its text. */
  record Block(String info, String text) {}

  private final Path path;
  private final List<String> links = new ArrayList<>();
  private final Set<String> anchors = new LinkedHashSet<>();
  private final List<Block> blocks = new ArrayList<>();

  private MarkdownFile(Path path) {
    this.path = path;
  }

  static MarkdownFile read(Path path) {
    MarkdownFile file = new MarkdownFile(path);
    Map<String, Integer> seen = new HashMap<>();
    try {
      Node document = Parser.builder().build().parse(Files.readString(path));
      document.accept(new AbstractVisitor() {
        @Override
        public void visit(Link link) {
          file.links.add(link.getDestination());
          visitChildren(link);
        }

        @Override
        public void visit(Heading heading) {
          String slug = slug(text(heading));
          int n = seen.merge(slug, 1, Integer::sum);
          file.anchors.add(n == 1 ? slug : slug + "-" + (n - 1)); // GitHub numbers repeated headings
        }

        @Override
        public void visit(FencedCodeBlock block) {
          file.blocks.add(new Block(block.getInfo().trim(), block.getLiteral()));
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /** README.md and every page under docs/, from the project's root folder. */
  static List<MarkdownFile> projectDocs() {
    List<MarkdownFile> out = new ArrayList<>(List.of(read(Path.of("README.md"))));
    try (Stream<Path> pages = Files.walk(Path.of("docs"))) {
      pages.filter(p -> p.toString().endsWith(".md")).sorted().forEach(p -> out.add(read(p)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  Path path() {
    return path;
  }

  List<String> links() {
    return links;
  }

  Set<String> anchors() {
    return anchors;
  }

  List<Block> blocks() {
    return blocks;
  }

  /**
   * GitHub's anchor for a heading: lower case, punctuation other than '-' and '_' dropped, each
   * space a '-'.
   */
  static String slug(String heading) {
    return heading.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
  }

  private static String text(Node node) {
    StringBuilder out = new StringBuilder();
    for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
      if (child instanceof Text t) {
        out.append(t.getLiteral());
      } else if (child instanceof Code c) {
        out.append(c.getLiteral());
      } else {
        out.append(text(child));
      }
    }
    return out.toString();
  }
}
