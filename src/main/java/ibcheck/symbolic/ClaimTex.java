package ibcheck.symbolic;

import org.matheclipse.core.form.tex.TeXFormFactory;
import org.matheclipse.core.interfaces.IExpr;

/**
 * A claim as TeX, for the reports. Symja's TeX converter formats the parsed (never evaluated)
 * expression, so showing a claim cannot run anything from the theorem file; it only needs the
 * theorem's worker thread because Symja's formatting consults the thread's evaluation engine.
 */
final class ClaimTex {
  private ClaimTex() {}

  /** TeX for the parsed claim, or null if Symja cannot format it (the report then shows the source). */
  static String of(IExpr parsed) {
    try {
      StringBuilder b = new StringBuilder();
      if (!new TeXFormFactory().convert(b, parsed, 0)) {
        return null;
      }
      // Symja writes Equal as '==': a reader expects '='
      return b.toString().replace("==", "=").strip();
    } catch (RuntimeException e) {
      return null;
    }
  }
}
