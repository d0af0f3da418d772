package ibcheck.crosscheck.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DrawnTest {
  private static final KindFields DECLARED = KindFields.of(
      Field.integer("size", "n").drawable(), Field.block("data", "the data").draws(Set.of("dataseed", "points")));

  @Test
  void aDrawReplacesItsSettingAndTheRestStay() {
    Drawn d = Drawn.of(Map.of("size", 5.0, "alpha", 0.25), "c", DECLARED, List.of("alpha"));
    assertEquals(5, d.integer("size", 3));
    assertEquals(0.25, d.number("alpha", 1), 0);
    assertEquals(7L, d.longInteger("dataseed", 7));
    assertFalse(d.has("points"));
  }

  @Test
  void aQuantityOutsideTheDeclarationAndTheFilesSettingsIsRefusedWithTheSettings() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Drawn.of(Map.of("beta", 1.0), "the limit", DECLARED, List.of("alpha")));
    assertEquals("'beta' is not a setting of cross-check 'the limit' (settings: alpha, dataseed, points, size)",
        e.getMessage());
  }

  /** A count or a seed is never rounded in silence: a property that draws it from reals says so. */
  @Test
  void aFractionalCountIsRefused() {
    Drawn d = Drawn.of(Map.of("size", 2.5), "c", DECLARED, List.of());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.integer("size", 3));
    assertEquals("cross-check 'c': 'size' is a whole number, drawn 2.5 (draw it with 'int in [a, b]')", e.getMessage());
  }

  @Test
  void theDrawsAmongSomeSettingsKeepTheDrawingOrder() {
    Map<String, Double> drawn = new LinkedHashMap<>();
    drawn.put("points", 9.0);
    drawn.put("size", 4.0);
    drawn.put("dataseed", 2.0);
    Drawn d = Drawn.of(drawn, "c", DECLARED, List.of());
    assertEquals(List.of("points", "dataseed"), List.copyOf(d.among(Set.of("dataseed", "points")).keySet()));
  }
}
