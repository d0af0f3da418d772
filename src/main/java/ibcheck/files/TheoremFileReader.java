package ibcheck.files;

import ibcheck.crosscheck.NumericCheck;
import ibcheck.crosscheck.read.CrosscheckReader;
import ibcheck.models.declarative.FileModels;
import ibcheck.spec.TheoremReader;
import ibcheck.spec.TheoremSpec;
import ibcheck.spec.YamlFiles;
import ibcheck.spec.YamlNode;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a whole theorem file: the symbolic part ({@link TheoremReader}), then the models it declares
 * ({@link FileModels}, registered before the cross-checks, which name them), then its cross-checks
 * ({@link CrosscheckReader}). Every problem is a {@link ibcheck.spec.SpecException} with file:line.
 */
public final class TheoremFileReader {
  private TheoremFileReader() {}

  public static TheoremFile read(Path path, String displayName) {
    return read(YamlFiles.read(path, displayName));
  }

  public static TheoremFile read(YamlNode root) {
    TheoremSpec spec = TheoremReader.read(root);
    var top = root.mapping();
    if (top.containsKey("models")) {
      FileModels.register(top.get("models"));
    }
    List<NumericCheck> crosschecks = top.containsKey("crosschecks")
        ? CrosscheckReader.read(top.get("crosschecks")) : List.of();
    return new TheoremFile(spec, crosschecks);
  }
}
