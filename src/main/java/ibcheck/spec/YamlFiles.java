package ibcheck.spec;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/** Reads a YAML file into a {@link YamlNode} tree, turning every YAML error into file:line: cause. */
public final class YamlFiles {
  /** Theorem files are small; a bigger one is almost certainly a mistake or an attack. */
  public static final int MAX_CHARS = 1_000_000;

  private YamlFiles() {}

  public static YamlNode read(Path path, String displayName) {
    String text;
    try {
      if (Files.size(path) > MAX_CHARS) {
        throw new SpecException(displayName, "file is larger than " + MAX_CHARS + " bytes");
      }
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SpecException(displayName, "cannot read file: " + e.getMessage());
    }
    return parse(text, displayName);
  }

  public static YamlNode parse(String text, String displayName) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(true); // reported by YamlNode with a line number instead
    options.setMaxAliasesForCollections(20);
    options.setNestingDepthLimit(40);
    options.setCodePointLimit(MAX_CHARS);
    Node root;
    try {
      root = new Yaml(options).compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
      String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
      throw new SpecException(
          line > 0 ? displayName + ":" + line : displayName,
          "YAML syntax error: " + problem.replace('\n', ' '));
    } catch (YAMLException e) {
      throw new SpecException(displayName, "YAML error: " + String.valueOf(e.getMessage()).replace('\n', ' '));
    }
    if (root == null) {
      throw new SpecException(displayName, "file is empty");
    }
    return new YamlNode(root, displayName, "");
  }
}
