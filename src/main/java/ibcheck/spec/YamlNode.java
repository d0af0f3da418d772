package ibcheck.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML node that remembers its file and line, so every error about a theorem file can say where
 * it is. A thin typed view over SnakeYAML's composed node graph.
 */
public final class YamlNode {
  private final Node node;
  private final String file;
  private final String path;

  YamlNode(Node node, String file, String path) {
    this.node = node;
    this.file = file;
    this.path = path;
  }

  /** {@code file:line} of this node (1-based line). */
  public String location() {
    return file + ":" + (node.getStartMark().getLine() + 1);
  }

  public int line() {
    return node.getStartMark().getLine() + 1;
  }

  public String file() {
    return file;
  }

  public SpecException error(String cause) {
    return new SpecException(location(), cause);
  }

  public boolean isMapping() {
    return node instanceof MappingNode;
  }

  public boolean isSequence() {
    return node instanceof SequenceNode;
  }

  public boolean isScalar() {
    return node instanceof ScalarNode;
  }

  /** The entries of a mapping, in file order; keys must be plain scalars. */
  public Map<String, YamlNode> mapping() {
    if (!(node instanceof MappingNode m)) {
      throw error("'" + path + "' must be a mapping (key: value lines)");
    }
    Map<String, YamlNode> out = new LinkedHashMap<>();
    for (NodeTuple t : m.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode k)) {
        throw new YamlNode(t.getKeyNode(), file, path).error("keys in '" + path + "' must be plain words");
      }
      String key = k.getValue();
      YamlNode child = new YamlNode(t.getValueNode(), file, path.isEmpty() ? key : path + "." + key);
      if (out.put(key, child) != null) {
        throw new YamlNode(k, file, path).error("duplicate key '" + key + "' in '" + displayPath() + "'");
      }
    }
    return out;
  }

  /** A mapping whose keys must all be among {@code allowed}; an unknown key is an error naming it. */
  public Map<String, YamlNode> mapping(Set<String> allowed) {
    Map<String, YamlNode> m = mapping();
    for (Map.Entry<String, YamlNode> e : m.entrySet()) {
      if (!allowed.contains(e.getKey())) {
        throw e.getValue().error(
            "unknown field '" + e.getKey() + "' in " + displayPath() + " (allowed: "
                + String.join(", ", allowed.stream().sorted().toList()) + ")");
      }
    }
    return m;
  }

  public List<YamlNode> sequence() {
    if (!(node instanceof SequenceNode s)) {
      throw error("'" + path + "' must be a list (lines starting with '- ')");
    }
    List<YamlNode> out = new ArrayList<>();
    int i = 0;
    for (Node child : s.getValue()) {
      out.add(new YamlNode(child, file, path + "[" + i++ + "]"));
    }
    return out;
  }

  public String text() {
    if (!(node instanceof ScalarNode s)) {
      throw error("'" + path + "' must be a single value, not a list or mapping");
    }
    return s.getValue();
  }

  public double number() {
    String t = text().trim();
    try {
      return Double.parseDouble(t);
    } catch (NumberFormatException e) {
      throw error("'" + path + "' must be a number, got '" + t + "'");
    }
  }

  public int integer() {
    String t = text().trim();
    try {
      return Integer.parseInt(t);
    } catch (NumberFormatException e) {
      throw error("'" + path + "' must be an integer, got '" + t + "'");
    }
  }

  /** A whole number that may need 64 bits (seeds, iteration counts); {@code _} separates digit groups. */
  public long longInteger() {
    String t = text().trim();
    try {
      return Long.parseLong(t.replace("_", ""));
    } catch (NumberFormatException e) {
      throw error("'" + path + "' must be a whole number, got '" + t + "'");
    }
  }

  public boolean bool() {
    String t = text().trim();
    return switch (t) {
      case "true", "yes" -> true;
      case "false", "no" -> false;
      default -> throw error("'" + path + "' must be true or false, got '" + t + "'");
    };
  }

  private String displayPath() {
    return path.isEmpty() ? "the file's top level" : "'" + path + "'";
  }

  /** A required field of a mapping: missing is an error naming the field and the mapping. */
  public static YamlNode require(Map<String, YamlNode> m, String key, YamlNode owner) {
    YamlNode v = m.get(key);
    if (v == null) {
      throw owner.error("missing required field '" + key + "' in " + owner.displayPath());
    }
    return v;
  }
}
