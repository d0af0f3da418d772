package ibcheck.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * MathJax for the reports, copied from the {@code org.webjars.npm:mathjax} webjar on the classpath
 * into {@code assets/mathjax}, so a report opened from disk renders its math offline (no CDN). SVG
 * output is used because it needs no font files beside the one script.
 */
final class MathJax {
  static final String VERSION = "3.2.2";
  private static final String WEBJAR = "/META-INF/resources/webjars/mathjax/" + VERSION + "/es5/";
  /** The combined TeX-to-SVG component, and the extension that drops links and styles from TeX. */
  private static final String[] FILES = {"tex-svg.js", "ui/safe.js"};
  /**
   * The TeX packages tex-svg.js does not contain but loads on first use of one of their macros
   * ({@code \boldsymbol}, {@code \cancel}, {@code \color}, ...) from {@code input/tex/extensions/}.
   * A missing file there stops MathJax and leaves every formula on the page untypeset.
   */
  private static final String[] TEX_EXTENSIONS = {"action", "amscd", "bbox", "boldsymbol", "braket", "bussproofs",
      "cancel", "cases", "centernot", "color", "colortbl", "colorv2", "configmacros", "empheq", "enclose", "extpfeil",
      "gensymb", "html", "mathtools", "mhchem", "newcommand", "noerrors", "noundefined", "physics", "setoptions",
      "tagformat", "textcomp", "textmacros", "unicode", "upgreek", "verb"};

  private MathJax() {}

  /** Copies MathJax and its configuration into {@code assets} (about 2.3 MB; a few milliseconds). */
  static void install(Path assets) throws IOException {
    for (String f : FILES) {
      copy(WEBJAR + f, assets.resolve("mathjax").resolve(f));
    }
    for (String x : TEX_EXTENSIONS) {
      String f = "input/tex/extensions/" + x + ".js";
      copy(WEBJAR + f, assets.resolve("mathjax").resolve(f));
    }
    copy("/ibcheck/report/mathjax-config.js", assets.resolve("mathjax-config.js"));
  }

  /** The script tags a page needs; {@code assets} is the page's relative path to the assets folder. */
  static void head(Html h, String assets) {
    h.open("script", "src", assets + "/mathjax-config.js").close("script");
    h.open("script", "src", assets + "/mathjax/tex-svg.js", "id", "MathJax-script").close("script");
  }

  static void copy(String resource, Path target) throws IOException {
    try (InputStream in = MathJax.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("missing on the classpath: " + resource + " (the mathjax webjar or ibcheck's resources)");
      }
      Files.createDirectories(target.getParent());
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
