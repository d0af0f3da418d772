package ibcheck.files;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ibcheck.crosscheck.read.Field;
import ibcheck.crosscheck.read.Range;

/**
 * The JSON schema (draft-07) of one declared cross-check field's value. Numbers may be strings as
 * YAML loads them: a fraction {@code 9/11}, or {@code 1e-6} (YAML 1.1 reads a float without a dot
 * as a string); bounds apply to the numbers a file writes as numbers.
 */
final class FieldSchema {
  private static final ObjectMapper JSON = new ObjectMapper();

  private FieldSchema() {}

  static ObjectNode of(Field f) {
    ObjectNode s = JSON.createObjectNode();
    if (!f.description().isEmpty()) {
      s.put("description", f.description());
    }
    switch (f.type()) {
      case NUMBER -> bounded(numberOrText(s), f.range());
      case INTEGER -> bounded(s.put("type", "integer"), f.range());
      case NUMBERS -> {
        s.put("type", "array").put("minItems", 1);
        bounded(numberOrText(s.putObject("items")), f.range());
      }
      case FORMULA -> s.putArray("type").add("string").add("number");
      case FORMULAS -> s.putArray("type").add("string").add("number").add("object");
      case TEXT -> {
        if (f.choices().isEmpty()) {
          s.put("type", "string");
        } else {
          f.choices().forEach(s.putArray("enum")::add);
        }
      }
      case FLAG -> s.put("type", "boolean");
      case BLOCK -> s.put("type", "object");
      case LIST -> s.put("type", "array");
      case ANY -> { }
    }
    if (f.defaultValue() != null) {
      switch (f.type()) {
        case NUMBER -> s.put("default", Double.parseDouble(f.defaultValue()));
        case INTEGER -> s.put("default", Long.parseLong(f.defaultValue().replace("_", "")));
        case FLAG -> s.put("default", Boolean.parseBoolean(f.defaultValue()));
        default -> s.put("default", f.defaultValue());
      }
    }
    return s;
  }

  private static ObjectNode numberOrText(ObjectNode s) {
    ArrayNode types = s.putArray("type");
    types.add("number").add("string");
    return s;
  }

  private static void bounded(ObjectNode s, Range r) {
    if (r.hasLow()) {
      put(s, r.lowOpen() ? "exclusiveMinimum" : "minimum", r.low());
    }
    if (r.hasHigh()) {
      put(s, r.highOpen() ? "exclusiveMaximum" : "maximum", r.high());
    }
  }

  /** A bound as an integer where it is one, so the shipped schema reads 10, not 10.0. */
  private static void put(ObjectNode s, String key, double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      s.put(key, (long) v);
    } else {
      s.put(key, v);
    }
  }
}
