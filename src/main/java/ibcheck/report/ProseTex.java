package ibcheck.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Titles, claim names and conventions are prose with ASCII math in them ({@code n^(-1/2)},
 * {@code ||beta||}, {@code Q_alpha}, {@code z.beta}, {@code eta <= 2/a}). This typesets the
 * math-looking words as inline TeX and leaves the rest as text. A word is math-looking when it has a
 * power, a subscript, a norm, a comparison or arrow, or a Greek letter's name; it is converted only
 * into TeX that cannot fail to parse (braces balanced, none of TeX's special characters), otherwise
 * it stays text.
 */
final class ProseTex {
  private ProseTex() {}

  private static final String GREEK = "alpha|beta|gamma|delta|epsilon|varepsilon|zeta|eta|theta|iota|kappa|lambda|mu|nu|xi"
      + "|pi|rho|sigma|tau|upsilon|phi|varphi|chi|psi|omega|Gamma|Delta|Theta|Lambda|Xi|Pi|Sigma|Phi|Psi|Omega";
  private static final Pattern GREEK_NAME = Pattern.compile("(?<![A-Za-z\\\\])(" + GREEK + ")(?![A-Za-z])");
  private static final Pattern MATHY = Pattern.compile("[\\^_]|\\|\\||<=|>=|->|" + GREEK_NAME.pattern());
  /** A power or subscript of a parenthesised group, or of a run of letters and digits. */
  private static final Pattern SCRIPT = Pattern.compile("([\\^_])(?:\\(([^()]*)\\)|([A-Za-z0-9]+))");
  /** Two subscripts or superscripts in a row; a prime after a power is a second superscript too. */
  private static final Pattern DOUBLE_SCRIPT = Pattern.compile("_\\{[^{}]*\\}\\s*_|\\^\\{[^{}]*\\}\\s*[\\^']|\\^\\^|__");
  private static final Pattern DOT = Pattern.compile("(?<=[A-Za-z0-9])\\.(?=[A-Za-z\\\\])");
  private static final Pattern TEX_SPECIAL = Pattern.compile("[\\\\%#&$~{}]");
  /** A hyphenated English word ("zeta-weighted", "alpha-independent"): prose, not a difference. */
  private static final Pattern COMPOUND = Pattern.compile("[A-Za-z]-[a-z]{3,}");
  /** Punctuation that ends a sentence or clause rather than the formula. */
  private static final Pattern TRAILING = Pattern.compile("[,;:.!?]+$");

  /** Writes {@code text} as text with its math-looking words typeset. */
  static void render(Html h, String text) {
    if (text == null) {
      return;
    }
    Matcher words = Pattern.compile("\\S+").matcher(text);
    int at = 0;
    StringBuilder plain = new StringBuilder();
    while (words.find()) {
      plain.append(text, at, words.start());
      at = words.end();
      String word = words.group();
      Matcher trailing = TRAILING.matcher(word);
      String tail = trailing.find() ? trailing.group() : "";
      String core = word.substring(0, word.length() - tail.length());
      String tex = MATHY.matcher(core).find() && !COMPOUND.matcher(core).find() ? tex(core) : null;
      if (tex == null) {
        plain.append(word);
        continue;
      }
      h.text(plain.toString());
      plain.setLength(0);
      h.inlineMath(tex);
      plain.append(tail);
    }
    h.text(plain.append(text.substring(at)).toString());
  }

  /** The TeX for one ASCII-math word, or null where the conversion could produce invalid TeX. */
  static String tex(String word) {
    if (TEX_SPECIAL.matcher(word).find()) {
      return null;
    }
    String t = word.replace("||", "\\|").replace("<=", "\\le ").replace(">=", "\\ge ").replace("->", "\\to ");
    // scripts first: Q_alpha becomes Q_{alpha}, then Q_{\alpha}, never the double subscript Q_\alpha_...
    StringBuilder b = new StringBuilder();
    Matcher s = SCRIPT.matcher(t);
    while (s.find()) {
      String arg = s.group(2) != null ? s.group(2) : s.group(3);
      s.appendReplacement(b, Matcher.quoteReplacement(s.group(1) + "{" + arg + "}"));
    }
    s.appendTail(b);
    t = b.toString().replaceAll("(?<![A-Za-z])inf(inity)?(?![A-Za-z])", "\\\\infty ");
    t = GREEK_NAME.matcher(t).replaceAll(m -> Matcher.quoteReplacement("\\" + m.group(1) + " "));
    t = DOT.matcher(t).replaceAll(Matcher.quoteReplacement("\\cdot "));
    String tex = t.strip();
    // a script with nothing after it (x^, a trailing _) or a second script of the same kind is a TeX error
    return tex.endsWith("^") || tex.endsWith("_") || DOUBLE_SCRIPT.matcher(tex).find() || !StatementTex.complete(tex)
        ? null : tex;
  }
}
