package ibcheck.crosscheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every built-in kind has its own test class, named after the kind ({@code kernel-trajectory} ->
 * {@code KernelTrajectoryKindTest}) in its family's package, on the shared {@link KindFixture}.
 */
class KindTestsTest {
  /** The test class a kind's tests live in. */
  static String testClass(CheckKindFamily family, String kind) {
    StringBuilder name = new StringBuilder();
    for (String part : kind.split("-")) {
      name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return family.getClass().getPackageName() + "." + name + "KindTest";
  }

  @Test
  void everyBuiltInKindHasItsOwnTestClass() {
    List<String> missing = new ArrayList<>();
    Set<String> kinds = new TreeSet<>();
    for (CheckKindFamily family : ServiceLoader.load(CheckKindFamily.class, getClass().getClassLoader())) {
      for (CheckKind kind : family.kinds()) {
        kinds.add(kind.name());
        try {
          Class.forName(testClass(family, kind.name()));
        } catch (ClassNotFoundException e) {
          missing.add(testClass(family, kind.name()));
        }
      }
    }
    assertEquals(CheckKinds.builtInNames(), kinds);
    assertEquals(22, kinds.size(), kinds.toString());
    assertTrue(missing.isEmpty(), "kinds without a test class: " + missing);
  }
}
