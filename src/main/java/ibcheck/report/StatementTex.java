package ibcheck.report;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A theorem's statement as display math that fits the column. MathJax 3 does not break long
 * formulas, and TeX ignores the file's line breaks, so a five-line statement becomes one line
 * thousands of pixels wide. Where every source line is a complete piece of TeX (braces and
 * {@code \left}/{@code \right}, {@code \begin}/{@code \end} balanced within the line), the lines
 * become the rows of a left-aligned {@code aligned} block; otherwise the statement stays as written
 * (its box then scrolls sideways, see report.css).
 */
final class StatementTex {
  private StatementTex() {}

  static String of(String statement) {
    List<String> lines = statement.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    if (lines.size() < 2 || !lines.stream().allMatch(StatementTex::complete)) {
      return statement.strip();
    }
    StringBuilder b = new StringBuilder("\\begin{aligned}");
    for (int i = 0; i < lines.size(); i++) {
      b.append(i == 0 ? "&" : " \\\\ &").append(lines.get(i));
    }
    return b.append("\\end{aligned}").toString();
  }

  /** Whether a line can stand alone as TeX: balanced groups, and no alignment tab of its own. */
  static boolean complete(String line) {
    int depth = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\' && i + 1 < line.length()) {
        i++; // an escaped character (\{, \&, \\) is not a group or a tab
      } else if (c == '{') {
        depth++;
      } else if (c == '}' && --depth < 0) {
        return false;
      } else if (c == '&') {
        return false;
      }
    }
    return depth == 0 && count(line, "left") == count(line, "right") && count(line, "begin") == count(line, "end");
  }

  /** Occurrences of the control word {@code \name} (not {@code \leftarrow} for {@code left}). */
  private static long count(String line, String name) {
    return Pattern.compile("\\\\" + name + "(?![A-Za-z])").matcher(line).results().count();
  }
}
