package ibcheck.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibcheck.crosscheck.KindFields;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The field tables of docs/kinds/*.md are the kinds' declarations: every kind that declares typed
 * fields has its table in its family's page, and every table is the generator's output.
 */
class KindFieldTablesTest {
  static final Path PAGES = Path.of("docs/kinds");

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
}
