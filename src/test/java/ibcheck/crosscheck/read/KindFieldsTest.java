package ibcheck.crosscheck.read;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ibcheck.spec.SpecException;
import ibcheck.spec.YamlFiles;
import ibcheck.spec.YamlNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reading and checking a cross-check against its kind's declared fields, message by message. */
class KindFieldsTest {
  static final KindFields FIELDS = KindFields.of(
      Field.number("tolerance", "error bound").in(Range.open(0, 1)),
      Field.integer("count", "how many").in(Range.closed(1, 100)).byDefault("10").drawable(),
      Field.numbers("times", "flow times").in(Range.above(0)).optional(),
      Field.formula("rescale", "time change").optional(),
      Field.choice("norm", "which norm", "l1", "l2").byDefault("l1"),
      Field.block("data", "the data").optional().draws(Set.of("rows", "dataseed")));

  /** The message of reading {@code body} (the cross-check's fields, one a line, from line 2 of f.yaml). */
  static String error(String body) {
    return assertThrows(SpecException.class, () -> read(body)).getMessage();
  }

  static FieldValues read(String body) {
    YamlNode node = YamlFiles.parse("name: c\n" + body, "f.yaml");
    Map<String, YamlNode> m = node.mapping();
    m.remove("name");
    return FIELDS.read(m, node);
  }

  @Test
  void aValueOutsideItsRangeNamesTheFieldTheRangeAndTheLine() {
    assertEquals("f.yaml:3: 'count' must be in [1, 100], got 0", error("tolerance: 1e-3\ncount: 0\n"));
    assertEquals("f.yaml:2: 'tolerance' must be in (0, 1), got 1", error("tolerance: 1\n"));
    assertEquals("f.yaml:3: 'times' must be above 0, got -1", error("tolerance: 0.5\ntimes: [1, -1]\n"));
  }

  @Test
  void aMissingRequiredFieldIsReportedAtTheCrossCheck() {
    assertEquals("f.yaml:1: missing required field 'tolerance' in the cross-check", error("count: 3\n"));
  }

  @Test
  void aValueOfTheWrongTypeNamesTheFieldAndWhatWasWritten() {
    assertEquals("f.yaml:3: 'count' must be an integer, got 'many'", error("tolerance: 0.5\ncount: many\n"));
    assertEquals("f.yaml:3: must be a number or a fraction a/b, got 'x'", error("tolerance: 0.5\ntimes: [x]\n"));
    assertEquals("f.yaml:3: 'norm' must be l1 or l2, got 'l3'", error("tolerance: 0.5\nnorm: l3\n"));
    assertEquals("f.yaml:3: 'data' must be a mapping (key: value lines)", error("tolerance: 0.5\ndata: 3\n"));
  }

  @Test
  void defaultsFillFieldsLeftOutAndOptionalOnesStayEmpty() {
    FieldValues v = read("tolerance: 2/5\ntimes: [1, 1/2]\n");
    assertEquals(0.4, v.number("tolerance"));
    assertEquals(10, v.integer("count"));
    assertEquals("l1", v.text("norm"));
    assertFalse(v.given("count"));
    assertArrayEquals(new double[] {1, 0.5}, v.numbers("times"));
    assertNull(v.formula("rescale"));
    assertNull(v.node("data"));
  }

  @Test
  void theDrawableQuantitiesComeFromTheDeclaration() {
    assertEquals(Set.of("count", "rows", "dataseed"), FIELDS.drawable());
    Drawn.of(Map.of("count", 1.0, "rows", 2.0), "c", FIELDS, List.of());
    assertEquals("'width' is not a setting of cross-check 'c' (settings: count, dataseed, rows)",
        assertThrows(IllegalArgumentException.class, () -> Drawn.of(Map.of("width", 1.0), "c", FIELDS, List.of()))
            .getMessage());
  }

  @Test
  void readingAFieldAsAnotherTypeIsAProgrammingError() {
    FieldValues v = read("tolerance: 0.5\n");
    assertThrows(IllegalArgumentException.class, () -> v.text("tolerance"));
    assertThrows(IllegalArgumentException.class, () -> v.number("undeclared"));
  }
}
