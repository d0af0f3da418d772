package ibcheck.report;

import ibcheck.spec.Domain;
import ibcheck.symbolic.InvalidExpressionException;
import ibcheck.symbolic.SymjaSession;
import org.matheclipse.core.form.tex.TeXFormFactory;

/**
 * Symja text from a theorem file (a symbol, a definition) as TeX, by Symja's own TeXForm. Symja
 * reads names case-insensitively, so TeXForm writes them in lower case ({@code Qa} as qa), as in
 * the derivation's claims. The text is parsed, never evaluated, so showing
 * it runs nothing from the file. One instance per report, used on the thread that writes it: Symja's
 * parser and formatter work on their thread's evaluation engine.
 */
final class SymjaTex {
  private SymjaSession session;

  /** TeX for the Symja expression, or null if Symja cannot parse or format it (the page shows the source). */
  String of(String symja) {
    if (symja == null || symja.isBlank()) {
      return null;
    }
    try {
      if (session == null) {
        session = new SymjaSession();
      }
      StringBuilder b = new StringBuilder();
      if (!new TeXFormFactory().convert(b, session.parse(symja), 0)) {
        return null;
      }
      // TeXForm writes Equal as '==': a reader expects '='
      String tex = b.toString().replace("==", "=").strip();
      return tex.isEmpty() ? null : tex;
    } catch (InvalidExpressionException | RuntimeException e) {
      return null;
    }
  }

  /**
   * A symbol's assumption as TeX, e.g. {@code z \in \mathbb{R}}. Written here rather than by
   * TeXForm, which leaves {@code Element(z, Reals)} as a function call; null where the symbol has no TeX.
   */
  String assumption(String symbol, Domain d) {
    String s = of(symbol);
    if (s == null) {
      return null;
    }
    String kind = switch (d.kind()) {
      case REAL -> s + " \\in \\mathbb{R}";
      case POSITIVE -> s + " > 0";
      case NONNEGATIVE -> s + " \\ge 0";
      case NEGATIVE -> s + " < 0";
      case INTEGER -> s + " \\in \\mathbb{Z}";
      case POSITIVE_INTEGER -> s + " \\in \\mathbb{Z},\\ " + s + " > 0";
    };
    if (d.lower() != null) {
      kind += ",\\ " + s + (d.lower().strict() ? " > " : " \\ge ") + d.lower().plain();
    }
    if (d.upper() != null) {
      kind += ",\\ " + s + (d.upper().strict() ? " < " : " \\le ") + d.upper().plain();
    }
    return kind;
  }

  /** Writes the expression as inline math, or as code where it has no TeX. */
  void render(Html h, String symja) {
    String tex = of(symja);
    if (tex == null) {
      h.element("code", symja);
    } else {
      h.inlineMath(tex);
    }
  }
}
