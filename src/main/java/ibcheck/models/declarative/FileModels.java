package ibcheck.models.declarative;

import ibcheck.models.ModelRegistry;
import ibcheck.spec.YamlNode;
import ibcheck.symbolic.InvalidExpressionException;
import java.util.Map;
import java.util.Set;

/**
 * The model source for a theorem file's own {@code models:}: reads and compiles every definition and
 * registers it in the {@link ModelRegistry} for that file only ({@link ModelRegistry#registerInFile}),
 * so that the cross-checks of the file (and the properties that draw instances of them) name it in
 * {@code model:} like a built-in model, and another file's model of the same name is another model.
 */
public final class FileModels {
  private FileModels() {}

  /**
   * Reads, compiles and registers the file's models.
   *
   * @throws ibcheck.spec.SpecException with file:line when a definition is malformed, a formula
   *     cannot be used, or a name is a built-in model's
   */
  public static void register(YamlNode models) {
    Map<String, YamlNode> nodes = models.mapping();
    for (ModelDefinition d : ModelDefinitionReader.read(models)) {
      YamlNode at = nodes.get(d.name());
      if (ModelRegistry.family(d.name()) != null) {
        throw at.error("'" + d.name() + "' is a built-in model; give the file's model another name");
      }
      CompiledModel compiled;
      try {
        compiled = CompiledModel.compile(d);
      } catch (InvalidExpressionException e) {
        throw at.error("model '" + d.name() + "': " + e.getMessage());
      }
      ModelRegistry.registerInFile(models.file(), new ModelRegistry.Family(d.name(), Set.copyOf(d.settings()),
          s -> new DeclarativeModel(compiled, d.settings().stream().mapToDouble(s::value).toArray())));
    }
  }
}
