/**
 * Stage 6, report: summary.json and the HTML reports (one page per theorem, plots, MathJax) from
 * the verdicts.
 */
package ibcheck.report;
