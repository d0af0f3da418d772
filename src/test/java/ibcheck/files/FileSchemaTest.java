package ibcheck.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import ibcheck.crosscheck.CheckKind;
import ibcheck.crosscheck.CheckKinds;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The JSON schemas of theorem and property files: the shipped copies are the generator's output (so
 * they cannot drift from the readers' field declarations), every shipped file validates, and every
 * unknown field of the bad-input corpus is refused by the schema as by the reader.
 */
class FileSchemaTest {
  static final Path SHIPPED = Path.of("src/main/resources/schema");
  static final ObjectMapper JSON = new ObjectMapper();
  /** A theorem file up to its cross-checks, which a test appends. */
  static final String HEADER = """
      id: t
      title: t
      source: s
      statement: x
      derivation: [{name: a, show: 1 == 1}]
      crosschecks:
      """;
  static final Pattern UNKNOWN_FIELD = Pattern.compile("# expect: unknown field '([^']+)'");

  static Schema schema(ObjectNode node) {
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(node.toString());
  }

  /** A YAML file as the JSON tree an editor's language server validates. */
  static JsonNode yaml(Path file) throws IOException {
    return JSON.valueToTree(new Yaml().load(Files.readString(file)));
  }

  static List<Path> yamlFiles(String dir) throws IOException {
    try (Stream<Path> s = Files.list(Path.of(dir))) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  /** Tests register kinds of their own; the shipped schema must not depend on which tests ran first. */
  @Test
  void aKindRegisteredAtRunTimeIsNotInTheShippedSchema() throws IOException {
    CheckKinds.register(CheckKind.of("schema-test-kind", java.util.Set.of("weight"), (header, fields, node) -> {
      throw node.error("never read");
    }));
    assertFalse(FileSchema.text(FileSchema.theorem()).contains("schema-test-kind"));
  }

  @Test
  void theShippedSchemasAreTheGeneratorsOutput() throws IOException {
    assertEquals(FileSchema.text(FileSchema.theorem()), Files.readString(SHIPPED.resolve(FileSchema.THEOREM)),
        "regenerate with: java -cp target/classes:... ibcheck.files.FileSchema");
    assertEquals(FileSchema.text(FileSchema.property()), Files.readString(SHIPPED.resolve(FileSchema.PROPERTY)));
  }

  @Test
  void everyShippedTheoremAndPropertyFileValidates() throws IOException {
    Schema theorem = schema(FileSchema.theorem());
    List<Path> theorems = yamlFiles("theorems");
    assertFalse(theorems.isEmpty());
    for (Path f : theorems) {
      List<Error> errors = theorem.validate(yaml(f));
      assertTrue(errors.isEmpty(), f + ": " + errors);
    }
    Schema property = schema(FileSchema.property());
    for (Path f : yamlFiles("properties")) {
      List<Error> errors = property.validate(yaml(f));
      assertTrue(errors.isEmpty(), f + ": " + errors);
    }
  }

  @Test
  void theBadInputCorpusUnknownFieldsAreRefused() throws IOException {
    Schema theorem = schema(FileSchema.theorem());
    int seen = 0;
    for (Path f : yamlFiles("src/test/resources/bad-input")) {
      Matcher m = UNKNOWN_FIELD.matcher(Files.readAllLines(f).get(0));
      if (m.matches()) {
        seen++;
        List<Error> errors = theorem.validate(yaml(f));
        assertTrue(errors.stream().anyMatch(e -> e.toString().contains(m.group(1))), f + " refused for '" + m.group(1)
            + "': " + errors);
      }
    }
    assertTrue(seen >= 2, "the corpus has unknown-field files");
  }

  @Test
  void aFieldOfAnotherKindIsRefusedAndTheKindsOwnIsAccepted() throws IOException {
    Schema theorem = schema(FileSchema.theorem());
    String file = HEADER + """
          - name: c
            kind: potential-argmin
            model: fc-linear-network
            sweep: {alpha: [1]}
            data: {rows: 2, cols: 4, sparse-truth: 1, seed: 1}
            predicts: {potential: Q(b)}
            tolerance: 0.001
            %s
        """;
    assertTrue(theorem.validate(JSON.valueToTree(new Yaml().load(file.formatted("kkt-tolerance: 0.5")))).isEmpty());
    List<Error> errors = theorem.validate(JSON.valueToTree(new Yaml().load(file.formatted("threshold: 1"))));
    assertTrue(errors.stream().anyMatch(e -> e.toString().contains("threshold")), errors.toString());
  }

  /** The schema states the bounds, types and required fields a kind declares, as its reader checks them. */
  @Test
  void aDeclaredBoundTypeOrRequiredFieldIsCheckedByTheSchema() {
    Schema theorem = schema(FileSchema.theorem());
    String file = HEADER + """
          - name: c
            kind: time-warp
            model: fc-linear-network
            sweep: {alpha: [1]}
            data: {rows: 2, cols: 4, sparse-truth: 1, seed: 1}
            warp: Abs(a)
        %s
        """;
    assertTrue(theorem.validate(JSON.valueToTree(new Yaml().load(file.formatted("    tolerance: 0.001")))).isEmpty());
    for (String bad : List.of("    tolerance: 2", "    tolerance: 0.001\n    max-evaluations: many", "")) {
      List<Error> errors = theorem.validate(JSON.valueToTree(new Yaml().load(file.formatted(bad))));
      assertFalse(errors.isEmpty(), "refused: " + bad);
    }
  }
}
