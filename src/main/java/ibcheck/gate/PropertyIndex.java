package ibcheck.gate;

import ibcheck.property.PropertyFile;
import ibcheck.property.PropertyReader;
import ibcheck.property.PropertySpec;
import ibcheck.spec.SpecException;
import ibcheck.verdict.TheoremResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The property files of a run, by the theorem they support. An unreadable file, or one naming a
 * theorem that does not exist, is reported as an error result of its own: never silently skipped.
 */
final class PropertyIndex {
  private final Map<String, List<PropertySpec>> byTheorem = new LinkedHashMap<>();
  private final Map<String, String> fileOfTheorem = new LinkedHashMap<>();
  private final List<TheoremResult> unreadable = new ArrayList<>();

  static PropertyIndex load(Path dir) {
    PropertyIndex index = new PropertyIndex();
    if (!Files.isDirectory(dir)) {
      return index;
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(Gate::isYaml).sorted().toList();
    } catch (IOException e) {
      index.unreadable.add(Gate.fileError("property file", "properties", dir.toString(), dir + ": cannot list: " + e.getMessage()));
      return index;
    }
    for (Path f : files) {
      String display = Gate.display(f);
      try {
        PropertyFile pf = PropertyReader.read(f, display);
        index.byTheorem.computeIfAbsent(pf.theorem(), k -> new ArrayList<>()).addAll(pf.properties());
        index.fileOfTheorem.putIfAbsent(pf.theorem(), display);
      } catch (SpecException e) {
        index.unreadable.add(Gate.fileError("property file", Gate.stem(f) + " (properties)", display, e.getMessage()));
      } catch (RuntimeException | StackOverflowError e) {
        // a reader's oversight is this file's error verdict, never the end of the whole run
        index.unreadable.add(Gate.fileError("property file", Gate.stem(f) + " (properties)", display,
            display + ": internal error: " + e));
      }
    }
    return index;
  }

  List<PropertySpec> of(String theoremId) {
    return byTheorem.getOrDefault(theoremId, List.of());
  }

  /** Unreadable property files, and files supporting a theorem that was not found. */
  List<TheoremResult> problems(Set<String> theoremIds, boolean reportOrphans) {
    List<TheoremResult> out = new ArrayList<>(unreadable);
    fileOfTheorem.forEach((id, file) -> {
      if (reportOrphans && !theoremIds.contains(id)) {
        out.add(Gate.fileError("property file", id + " (properties)", file,
            file + ": properties name theorem '" + id + "', which is not among the checked theorem files"));
      }
    });
    return out;
  }
}
