package ibcheck.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibcheck.crosscheck.CheckKinds;
import ibcheck.crosscheck.read.KindFields;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The field tables of docs/kinds/*.md are the kinds' declarations: every kind that declares typed
 * fields has its table in its family's page, and every table is the generator's output; the table
 * of kinds in theorem-files.md names each kind's fields as it declares them.
 */
class KindFieldTablesTest {
  static final Path PAGES = Path.of("docs/kinds");
  /** A row of theorem-files.md's table of kinds: the kind, its page, its fields. */
  static final Pattern KIND_ROW = Pattern.compile("\\| `([a-z0-9-]+)`[^|]*\\| \\[[a-z0-9]+\\]\\(kinds/[a-z0-9]+\\.md\\) \\| ([^|]*) \\|");

  @Test
  void everyTableIsTheGeneratorsOutputAndEveryDeclaredKindHasOne() throws IOException {
    for (Map.Entry<String, Map<String, KindFields>> family : KindFieldTables.byFamily().entrySet()) {
      Path page = PAGES.resolve(family.getKey() + ".md");
      String text = Files.readString(page);
      for (String kind : family.getValue().keySet()) {
        assertTrue(text.contains("<!-- fields: " + kind + " -->"), page + " has the field table of " + kind);
      }
      assertEquals(KindFieldTables.fill(text, family.getValue()), text,
          page + ": regenerate with: java -cp target/classes:... ibcheck.files.KindFieldTables");
    }
  }

  @Test
  void theTheoremFilesTableListsEveryKindWithItsOwnFields() throws IOException {
    Map<String, String> listed = new TreeMap<>();
    for (String line : Files.readAllLines(Path.of("docs/theorem-files.md"))) {
      Matcher m = KIND_ROW.matcher(line);
      if (m.lookingAt()) {
        listed.put(m.group(1), m.group(2).trim());
      }
    }
    assertEquals(CheckKinds.builtInNames(), listed.keySet(), "one row per kind");
    listed.forEach((kind, fields) -> assertEquals(String.join(", ", new TreeSet<>(CheckKinds.kind(kind).fields())),
        fields, "docs/theorem-files.md: the fields of " + kind));
  }
}
