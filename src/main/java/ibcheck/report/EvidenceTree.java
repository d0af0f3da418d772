package ibcheck.report;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Any piece of evidence (maps, lists, numbers, text) as HTML, escaped: a map of plain values on one
 * line ({@code z = 1/2; alpha = 3}), a list of records as a table, anything else as nested lists.
 * The fallback for evidence without a dedicated view, so nothing the checker recorded is hidden.
 * Entries named {@code seconds} are left out: timings are shown apart, so the rest is reproducible.
 * Absent values are left out (a blank cell), never printed as {@code null}.
 */
final class EvidenceTree {
  private EvidenceTree() {}

  static void render(Html h, Object evidence) {
    Object value = plain(evidence);
    if (value == null) {
      return;
    }
    if (value instanceof Map<?, ?> m && isFlat(m)) {
      h.element("code", inline(m));
    } else if (value instanceof Map<?, ?> m) {
      h.open("table", "class", "kv");
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!"seconds".equals(e.getKey()) && !isEmpty(e.getValue())) {
          h.open("tr").element("th", String.valueOf(e.getKey())).open("td");
          render(h, e.getValue());
          h.close("td").close("tr");
        }
      }
      h.close("table");
    } else if (value instanceof List<?> l && l.stream().allMatch(o -> o instanceof Number)) {
      h.element("code", l.stream().map(Numbers::format).toList().toString());
    } else if (value instanceof List<?> l && !l.isEmpty() && l.stream().allMatch(o -> o instanceof Map<?, ?>)) {
      table(h, l);
    } else if (value instanceof List<?> l) {
      h.open("ol");
      for (Object o : l) {
        h.open("li");
        render(h, o);
        h.close("li");
      }
      h.close("ol");
    } else {
      h.element("code", Numbers.format(value));
    }
  }

  /** A list of records: one column per key (in first-seen order), one row per record. */
  private static void table(Html h, List<?> rows) {
    List<Object> keys = new ArrayList<>();
    for (Object row : rows) {
      for (Object k : ((Map<?, ?>) row).keySet()) {
        if (!keys.contains(k) && !"seconds".equals(k)) {
          keys.add(k);
        }
      }
    }
    h.open("table").open("tr");
    keys.forEach(k -> h.element("th", String.valueOf(k)));
    h.close("tr");
    for (Object row : rows) {
      h.open("tr");
      for (Object k : keys) {
        h.open("td");
        Object v = ((Map<?, ?>) row).get(k);
        if (v != null) {
          render(h, v);
        }
        h.close("td");
      }
      h.close("tr");
    }
    h.close("table");
  }

  /**
   * A Java array (checks record {@code double[]} and {@code int[]}) as the list of its elements;
   * {@code String.valueOf} would print the array's identity, which also differs between runs.
   */
  static Object plain(Object v) {
    if (v == null || !v.getClass().isArray()) {
      return v;
    }
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < Array.getLength(v); i++) {
      out.add(plain(Array.get(v, i)));
    }
    return out;
  }

  private static boolean isEmpty(Object evidence) {
    Object v = plain(evidence);
    return v == null || v instanceof Map<?, ?> m && m.isEmpty() || v instanceof List<?> l && l.isEmpty();
  }

  private static boolean isFlat(Map<?, ?> m) {
    return m.values().stream().map(EvidenceTree::plain).noneMatch(v -> v instanceof Map<?, ?> || v instanceof List<?>);
  }

  private static String inline(Map<?, ?> m) {
    StringBuilder b = new StringBuilder();
    m.forEach((k, v) -> {
      if (!"seconds".equals(k) && v != null) {
        b.append(b.length() == 0 ? "" : "; ").append(k).append(" = ").append(Numbers.format(v));
      }
    });
    return b.toString();
  }
}
