package ibcheck.report;

/**
 * The frame every report page shares: doctype, title, stylesheet, MathJax. The body carries class
 * {@code no-math} so MathJax typesets only the elements ibcheck marked as math.
 */
final class Page {
  private Page() {}

  /** Opens a page; {@code assets} is the relative path from the page to the assets folder. */
  static Html start(String title, String assets) {
    Html h = new Html();
    h.trusted("<!DOCTYPE html>\n");
    h.open("html", "lang", "en").open("head").trusted("<meta charset=\"utf-8\">\n");
    h.element("title", title);
    h.open("link", "rel", "stylesheet", "href", assets + "/report.css");
    MathJax.head(h, assets);
    h.close("head").open("body", "class", "no-math");
    return h;
  }

  static String end(Html h) {
    return h.close("body").close("html").toString();
  }
}
