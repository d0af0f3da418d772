package ibcheck.files;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ibcheck.crosscheck.read.CrosscheckReader;
import ibcheck.crosscheck.read.Field;
import ibcheck.crosscheck.read.FieldType;
import ibcheck.crosscheck.read.KindFields;
import ibcheck.models.declarative.ModelDefinitionReader;
import ibcheck.property.PropertyReader;
import ibcheck.spec.TheoremReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * JSON Schemas (draft-07) of theorem and property files for editors (YAML language servers),
 * generated from the field declarations the readers themselves check against
 * ({@link TheoremReader}, {@link CrosscheckReader#declarations()}, {@link ModelDefinitionReader},
 * {@link PropertyReader}), so a field the reader accepts is one the schema accepts and an unknown
 * field is refused by both. The schemas state field names and the shape of lists and mappings, and
 * for a cross-check field its kind declares the JSON type, numeric bounds, default and whether it is
 * required ({@link FieldSchema}); what the reader checks beyond that is its own business. {@code main(dir)} writes them; the shipped
 * copies live in src/main/resources/schema and a test keeps them equal to this output.
 */
public final class FileSchema {
  public static final String THEOREM = "theorem.schema.json";
  public static final String PROPERTY = "property.schema.json";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private FileSchema() {}

  /** The schema of a theorem file. */
  public static ObjectNode theorem() {
    ObjectNode root = header("ibcheck theorem file");
    ObjectNode props = closed(root, TheoremReader.TOP_FIELDS);
    props.set("derivation", listOf("#/definitions/step"));
    props.set("crosschecks", listOf("#/definitions/crosscheck"));
    ObjectNode models = JSON.createObjectNode().put("type", "object");
    models.set("additionalProperties", ref("#/definitions/model"));
    props.set("models", models);
    props.set("symbols", JSON.createObjectNode().put("type", "object"));
    props.set("define", JSON.createObjectNode().put("type", "object"));
    ObjectNode definitions = root.putObject("definitions");
    closed(definitions.putObject("step").put("type", "object"), TheoremReader.STEP_FIELDS);
    closed(definitions.putObject("model").put("type", "object"), ModelDefinitionReader.FIELDS);
    definitions.set("crosscheck", crosscheck());
    return root;
  }

  /** The schema of a property file. */
  public static ObjectNode property() {
    ObjectNode root = header("ibcheck property file");
    ObjectNode props = closed(root, PropertyReader.TOP_FIELDS);
    props.set("properties", listOf("#/definitions/property"));
    closed(root.putObject("definitions").putObject("property").put("type", "object"), PropertyReader.PROPERTY_FIELDS);
    return root;
  }

  /**
   * A cross-check: its {@code kind} names one of the kinds, and its fields are those of its kind
   * (agreement's when no kind is given), each with the type, bounds and default its kind declares.
   */
  private static ObjectNode crosscheck() {
    Map<String, KindFields> byKind = CrosscheckReader.declarations();
    ObjectNode c = JSON.createObjectNode().put("type", "object");
    c.putArray("required").add("name");
    ObjectNode kind = c.putObject("properties").putObject("kind");
    byKind.keySet().forEach(kind.putArray("enum")::add);
    ArrayNode all = c.putArray("allOf");
    byKind.forEach((name, fields) -> {
      ObjectNode rule = all.addObject();
      ObjectNode when = rule.putObject("if");
      when.putArray("required").add("kind");
      when.putObject("properties").putObject("kind").put("const", name);
      fields(rule.putObject("then"), fields);
    });
    ObjectNode none = all.addObject();
    none.putObject("if").putObject("not").putArray("required").add("kind");
    fields(none.putObject("then"), byKind.get(CrosscheckReader.DEFAULT_KIND));
    return c;
  }

  /** The names a kind allows, and for each declared field its value's schema; the required ones. */
  private static void fields(ObjectNode then, KindFields fields) {
    names(then.putObject("propertyNames"), fields.names());
    ObjectNode props = JSON.createObjectNode();
    ArrayNode required = JSON.createArrayNode();
    new TreeMap<>(fields.list().stream().collect(Collectors.toMap(Field::name, f -> f))).forEach((name, f) -> {
      if (f.type() != FieldType.ANY && !name.equals("kind")) {
        props.set(name, FieldSchema.of(f));
      }
      if (f.required() && f.type() != FieldType.ANY) {
        required.add(name);
      }
    });
    if (!props.isEmpty()) {
      then.set("properties", props);
    }
    if (!required.isEmpty()) {
      then.set("required", required);
    }
  }

  private static ObjectNode header(String title) {
    ObjectNode root = JSON.createObjectNode();
    root.put("$schema", "http://json-schema.org/draft-07/schema#");
    root.put("title", title);
    root.put("type", "object");
    return root;
  }

  /** Only the given fields, each allowed with any value unless set later; returns the properties node. */
  private static ObjectNode closed(ObjectNode schema, Set<String> fields) {
    ObjectNode props = schema.putObject("properties");
    new TreeSet<>(fields).forEach(f -> props.putObject(f));
    schema.put("additionalProperties", false);
    return props;
  }

  private static void names(ObjectNode propertyNames, Set<String> fields) {
    new TreeSet<>(fields).forEach(propertyNames.putArray("enum")::add);
  }

  private static ObjectNode listOf(String ref) {
    ObjectNode list = JSON.createObjectNode().put("type", "array");
    list.set("items", ref(ref));
    return list;
  }

  private static ObjectNode ref(String ref) {
    return JSON.createObjectNode().put("$ref", ref);
  }

  /** The schema as the shipped file holds it. */
  public static String text(ObjectNode schema) throws IOException {
    return JSON.writeValueAsString(schema) + "\n";
  }

  /** Writes both schemas into the folder given (default src/main/resources/schema). */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "src/main/resources/schema");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(THEOREM), text(theorem()));
    Files.writeString(dir.resolve(PROPERTY), text(property()));
  }
}
